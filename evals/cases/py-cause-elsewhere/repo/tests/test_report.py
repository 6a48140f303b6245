import unittest

from logstats.parser import parse_lines
from logstats.report import summarize
from tests.samples import ACCESS_LOG


class SummaryTest(unittest.TestCase):
    def test_summary(self):
        requests = parse_lines(ACCESS_LOG.splitlines())
        self.assertEqual(
            summarize(requests),
            "Requests: 5\n"
            "Server errors: 1 (20.0%)\n"
            "Most requested: /index.html (2 hits)\n"
            "Largest response: /assets/app.js (48,213 bytes)",
        )

    def test_empty_log(self):
        self.assertEqual(summarize([]), "No requests.")


if __name__ == "__main__":
    unittest.main()
