"""Test helpers."""
import functools
import signal


def deadline(seconds):
    """Fails the decorated test with TimeoutError when it runs longer than `seconds`."""

    def decorate(test):
        @functools.wraps(test)
        def run(*args, **kwargs):
            def expire(signum, frame):
                raise TimeoutError(f"{test.__name__} exceeded its deadline of {seconds} seconds")

            previous = signal.signal(signal.SIGALRM, expire)
            signal.setitimer(signal.ITIMER_REAL, seconds)
            try:
                return test(*args, **kwargs)
            finally:
                signal.setitimer(signal.ITIMER_REAL, 0)
                signal.signal(signal.SIGALRM, previous)

        return run

    return decorate
