import unittest

from inventory.stock import Item, needs_reorder, reorder_quantity, reorder_report


class StockTest(unittest.TestCase):
    def test_needs_reorder_at_the_reorder_point(self):
        self.assertTrue(needs_reorder(Item("A-1", on_hand=5, reorder_point=5)))
        self.assertFalse(needs_reorder(Item("A-1", on_hand=6, reorder_point=5)))

    def test_reorder_quantity_rounds_up_to_packs(self):
        self.assertEqual(reorder_quantity(Item("B-2", on_hand=3, reorder_point=5, pack_size=12), 20), 24)

    def test_reorder_report(self):
        items = [
            Item("A-1", on_hand=2, reorder_point=5),
            Item("B-2", on_hand=3, reorder_point=5, pack_size=12),
            Item("C-3", on_hand=50, reorder_point=5),
        ]
        self.assertEqual(reorder_report(items, lambda item: 20), [("B-2", 24), ("A-1", 18)])


if __name__ == "__main__":
    unittest.main()
