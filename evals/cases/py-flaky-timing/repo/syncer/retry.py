"""Retrying calls that fail with transient errors, with exponential backoff."""
import time


class TransientError(Exception):
    """An error worth retrying: a timeout, a 503, a dropped connection."""


def backoff_delays(attempts, base_delay):
    """The pauses between `attempts` tries: base_delay, 2 * base_delay, 4 * base_delay, ..."""
    return [base_delay * 2**n for n in range(attempts - 1)]


def retry(call, attempts=3, base_delay=0.25, sleep=time.sleep):
    """Calls `call` until it succeeds, at most `attempts` times, pausing between tries.

    Only TransientError is retried; the last one is re-raised when every attempt failed.
    """
    delays = backoff_delays(attempts, base_delay)
    for attempt in range(attempts):
        try:
            return call()
        except TransientError:
            if attempt == attempts - 1:
                raise
            sleep(delays[attempt])
