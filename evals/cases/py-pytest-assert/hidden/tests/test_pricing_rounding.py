import pytest

from checkout.pricing import apply_discount, line_total


@pytest.mark.parametrize(
    "price, percent, expected",
    [
        (150, 33, 101),    # 100.50 rounds half up
        (5, 50, 3),        # 2.50 rounds half up
        (1001, 10, 901),   # 900.90 rounds up
        (2999, 15, 2549),  # 2549.15 rounds down
        (4999, 20, 3999),  # 3999.20 rounds down
        (1000, 25, 750),   # exact
        (999, 100, 0),
        (999, 0, 999),
    ],
)
def test_discount_rounding(price, percent, expected):
    assert apply_discount(price, percent) == expected


def test_discount_returns_whole_cents():
    assert isinstance(apply_discount(2995, 15), int)


def test_line_total_rounds_before_multiplying():
    # 33% off 1.50 is 1.005 -> 1.01 per item
    assert line_total(150, 4, percent=33) == 404
