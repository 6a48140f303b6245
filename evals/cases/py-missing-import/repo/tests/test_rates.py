import unittest

from shipping.rates import billable_pounds, quote


class BillableWeightTest(unittest.TestCase):
    def test_heavy_small_parcel_is_billed_by_weight(self):
        # 3 kg in a 20 x 15 x 10 cm box: 6.61 lb actual, 1.32 lb dimensional
        self.assertEqual(billable_pounds(3000, 20, 15, 10), 7)

    def test_light_bulky_parcel_is_billed_by_volume(self):
        # 500 g in a 50 x 40 x 30 cm box: 1.10 lb actual, 26.34 lb dimensional
        self.assertEqual(billable_pounds(500, 50, 40, 30), 27)


class QuoteTest(unittest.TestCase):
    def test_small_parcel(self):
        self.assertEqual(quote(300, 15, 10, 5), 8.50)

    def test_medium_parcel(self):
        self.assertEqual(quote(3000, 20, 15, 10), 18.40)

    def test_too_heavy(self):
        with self.assertRaises(ValueError):
            quote(30000, 60, 60, 60)


if __name__ == "__main__":
    unittest.main()
