import unittest

from stats.summary import median


class HiddenMedianTest(unittest.TestCase):
    def test_two_values(self):
        self.assertEqual(median([10, 20]), 15)

    def test_six_values_unsorted(self):
        self.assertEqual(median([6, 1, 5, 2, 4, 3]), 3.5)

    def test_single(self):
        self.assertEqual(median([7]), 7)
