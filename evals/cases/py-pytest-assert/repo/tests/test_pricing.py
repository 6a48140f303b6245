import pytest

from checkout.pricing import apply_discount, cart_total, line_total


def test_no_discount_keeps_the_price():
    assert apply_discount(1999, 0) == 1999


def test_full_discount_is_free():
    assert apply_discount(1999, 100) == 0


def test_discount_rounds_to_the_nearest_cent():
    # 15% off 29.95 is 25.4575
    assert apply_discount(2995, 15) == 2546


def test_discount_out_of_range():
    with pytest.raises(ValueError):
        apply_discount(1000, 120)


def test_line_total_discounts_the_unit_price():
    assert line_total(1250, 3, percent=10) == 3375


def test_cart_total_adds_shipping_below_threshold():
    lines = [{"unit_price_cents": 1200, "quantity": 2}, {"unit_price_cents": 450, "quantity": 1}]
    assert cart_total(lines, shipping_cents=495) == 3345


def test_cart_total_free_shipping_from_threshold():
    lines = [{"unit_price_cents": 2500, "quantity": 2}]
    assert cart_total(lines, shipping_cents=495) == 5000
