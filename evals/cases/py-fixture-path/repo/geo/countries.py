"""Country lookups backed by the ISO 3166 table shipped inside the package."""
import csv
from functools import lru_cache
from pathlib import Path

DATA_DIR = Path(__file__).parent / "data"


@lru_cache(maxsize=None)
def _table():
    with open(DATA_DIR / "countries.csv", newline="", encoding="utf-8") as f:
        return {row["alpha2"]: row for row in csv.DictReader(f)}


def _row(code):
    row = _table().get(code.strip().upper())
    if row is None:
        raise KeyError(f"unknown country code: {code!r}")
    return row


def country_name(code):
    return _row(code)["name"]


def calling_code(code):
    return int(_row(code)["calling_code"])


def currency(code):
    return _row(code)["currency"]


def countries_using(currency_code):
    """Alpha-2 codes of the countries whose currency is currency_code, sorted."""
    return sorted(code for code, row in _table().items() if row["currency"] == currency_code)
