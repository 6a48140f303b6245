import unittest

from syncer.retry import TransientError, backoff_delays, retry
from tests.support import deadline


class FlakyEndpoint:
    """Fails with TransientError `failures` times, then answers "ok"."""

    def __init__(self, failures):
        self.failures = failures
        self.calls = 0

    def __call__(self):
        self.calls += 1
        if self.calls <= self.failures:
            raise TransientError(f"503 on call {self.calls}")
        return "ok"


class RetryTest(unittest.TestCase):
    def test_backoff_doubles(self):
        self.assertEqual(backoff_delays(4, 0.25), [0.25, 0.5, 1.0])

    def test_gives_up_after_the_last_attempt(self):
        endpoint = FlakyEndpoint(failures=5)
        pauses = []
        with self.assertRaises(TransientError):
            retry(endpoint, attempts=3, base_delay=0.25, sleep=pauses.append)
        self.assertEqual(endpoint.calls, 3)
        self.assertEqual(pauses, [0.25, 0.5])

    def test_other_errors_are_not_retried(self):
        def broken():
            raise ValueError("bad payload")

        with self.assertRaises(ValueError):
            retry(broken, sleep=lambda seconds: None)

    @deadline(0.5)
    def test_recovers_from_two_transient_errors(self):
        endpoint = FlakyEndpoint(failures=2)
        self.assertEqual(retry(endpoint, attempts=3, base_delay=0.25), "ok")
        self.assertEqual(endpoint.calls, 3)


if __name__ == "__main__":
    unittest.main()
