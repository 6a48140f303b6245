import unittest

from stats.summary import median, value_range


class SummaryTest(unittest.TestCase):
    def test_median_odd(self):
        self.assertEqual(median([5, 1, 3]), 3)

    def test_median_even(self):
        self.assertEqual(median([4, 1, 3, 2]), 2.5)

    def test_range(self):
        self.assertEqual(value_range([3, 9, 4]), 6)


if __name__ == "__main__":
    unittest.main()
