"""Plain-text traffic summary for the nightly email."""
from collections import Counter


def summarize(requests):
    if not requests:
        return "No requests."
    total = len(requests)
    errors = sum(1 for r in requests if r.status >= 500)
    top_path, hits = Counter(r.path for r in requests).most_common(1)[0]
    largest = max(requests, key=lambda r: r.size)
    return "\n".join([
        f"Requests: {total:,}",
        f"Server errors: {errors} ({errors / total:.1%})",
        f"Most requested: {top_path} ({hits} hits)",
        f"Largest response: {largest.path} ({largest.size:,} bytes)",
    ])
