"""Formats the phone numbers customers type into the address form."""
from geo.countries import calling_code


def digits(number):
    return "".join(ch for ch in number if ch.isdigit())


def international(country, number):
    """E.164-style number: +<calling code><national number without the trunk prefix 0>."""
    national = digits(number)
    if national.startswith("0"):
        national = national[1:]
    return f"+{calling_code(country)}{national}"
