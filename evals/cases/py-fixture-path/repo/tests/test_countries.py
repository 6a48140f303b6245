import unittest

from geo.countries import calling_code, countries_using, country_name, currency


class CountryLookupTest(unittest.TestCase):
    def test_name(self):
        self.assertEqual(country_name("DE"), "Germany")

    def test_code_is_case_insensitive(self):
        self.assertEqual(country_name(" gb "), "United Kingdom")

    def test_calling_code(self):
        self.assertEqual(calling_code("KE"), 254)

    def test_currency(self):
        self.assertEqual(currency("CH"), "CHF")

    def test_countries_using_euro(self):
        self.assertEqual(countries_using("EUR"), ["DE", "FR", "NL"])

    def test_unknown_code(self):
        with self.assertRaises(KeyError):
            country_name("XX")


if __name__ == "__main__":
    unittest.main()
