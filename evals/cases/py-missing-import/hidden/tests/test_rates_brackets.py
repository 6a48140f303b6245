import unittest

from shipping.rates import billable_pounds, quote


class BracketBoundaryTest(unittest.TestCase):
    def test_just_over_ten_pounds_moves_up_a_bracket(self):
        # 4.54 kg is 10.009 lb, billed as 11 lb
        self.assertEqual(billable_pounds(4540, 20, 20, 20), 11)
        self.assertEqual(quote(4540, 20, 20, 20), 27.90)

    def test_dimensional_weight_uses_exact_inches(self):
        # 40 x 30 x 20 cm is 1464.6 cubic inches, 10.54 lb dimensional
        self.assertEqual(billable_pounds(500, 40, 30, 20), 11)

    def test_one_pound_bracket(self):
        self.assertEqual(quote(450, 10, 10, 10), 8.50)
        self.assertEqual(quote(460, 10, 10, 10), 12.75)


if __name__ == "__main__":
    unittest.main()
