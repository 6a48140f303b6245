import os
import tempfile
import unittest

from geo import countries


class LookupFromAnotherDirectoryTest(unittest.TestCase):
    """The table ships inside the package, so lookups must not depend on the working directory."""

    def setUp(self):
        self.previous = os.getcwd()
        self.elsewhere = tempfile.TemporaryDirectory()
        os.chdir(self.elsewhere.name)
        countries._table.cache_clear()

    def tearDown(self):
        os.chdir(self.previous)
        self.elsewhere.cleanup()
        countries._table.cache_clear()

    def test_name_from_another_directory(self):
        self.assertEqual(countries.country_name("JP"), "Japan")

    def test_whole_table_is_loaded(self):
        self.assertEqual(countries.countries_using("USD"), ["US"])
        self.assertEqual(countries.calling_code("AR"), 54)
        self.assertEqual(countries.currency("MX"), "MXN")


if __name__ == "__main__":
    unittest.main()
