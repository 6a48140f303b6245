import unittest

from geo.phone import digits, international


class PhoneTest(unittest.TestCase):
    def test_digits_strips_punctuation(self):
        self.assertEqual(digits("(030) 123-45 67"), "0301234567")

    def test_international_drops_trunk_prefix(self):
        self.assertEqual(international("DE", "030 1234567"), "+49301234567")

    def test_international_without_trunk_prefix(self):
        self.assertEqual(international("US", "(212) 555-0142"), "+12125550142")


if __name__ == "__main__":
    unittest.main()
