import unittest

from shipping.labels import customs_line, dimensions_line, weight_line


class LabelTest(unittest.TestCase):
    def test_dimensions_in_inches(self):
        self.assertEqual(dimensions_line(30.48, 20.32, 10.16), "12.0 x 8.0 x 4.0 in")

    def test_weight_in_pounds(self):
        self.assertEqual(weight_line(1000), "2.20 lb")

    def test_customs_line(self):
        self.assertEqual(
            customs_line("Books", 2268, 25.4, 25.4, 5.08),
            "Books; 5.00 lb; 10.0 x 10.0 x 2.0 in",
        )


if __name__ == "__main__":
    unittest.main()
