"""Stock levels per SKU and the reorder suggestions derived from them."""
import math
import os
from dataclasses import dataclass


@dataclass(frozen=True)
class Item:
    sku: str
    on_hand: int
    reorder_point: int
    pack_size: int = 1


def needs_reorder(item):
    return item.on_hand <= item.reorder_point


def reorder_quantity(item, target):
    """Units to order to get back to `target`, rounded up to whole packs."""
    missing = max(target - item.on_hand, 0)
    return math.ceil(missing / item.pack_size) * item.pack_size


def reorder_report(items, target_for):
    """(sku, quantity) pairs for every item at or below its reorder point, largest order first."""
    lines = [(item.sku, reorder_quantity(item, target_for(item))) for item in items if needs_reorder(item)]
    return sorted((line for line in lines if line[1] > 0), key=lambda line: (-line[1], line[0]))
