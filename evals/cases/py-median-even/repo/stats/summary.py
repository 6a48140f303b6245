"""Summary statistics for the weekly report."""


def median(values):
    """The middle value of a non-empty list; the mean of the two middle values when the count is even."""
    ordered = sorted(values)
    middle = len(ordered) // 2
    if len(ordered) % 2 == 1:
        return ordered[middle]
    return (ordered[middle] + ordered[middle + 1]) / 2


def value_range(values):
    return max(values) - min(values)
