"""Price calculations for the checkout service. All amounts are integer cents."""


def apply_discount(price_cents, percent):
    """The price after a percentage discount, rounded half up to the nearest cent."""
    if not 0 <= percent <= 100:
        raise ValueError(f"discount must be between 0 and 100 percent, got {percent}")
    return price_cents * (100 - percent) // 100


def line_total(unit_price_cents, quantity, percent=0):
    """Total of one cart line; the discount applies to the unit price before multiplying."""
    if quantity < 1:
        raise ValueError(f"quantity must be at least 1, got {quantity}")
    return apply_discount(unit_price_cents, percent) * quantity


def cart_total(lines, shipping_cents=0, free_shipping_from=5000):
    """Sum of the cart lines plus shipping, which is free from free_shipping_from cents on."""
    subtotal = sum(line_total(**line) for line in lines)
    if subtotal >= free_shipping_from:
        shipping_cents = 0
    return subtotal + shipping_cents
