"""Ground rate estimates for domestic parcels.

Carriers bill the larger of the actual weight and the dimensional weight, rounded up to a whole pound.
"""
import math

from shipping.units import cm_to_inches, grams_to_pounds

# Cubic inches per billable pound for domestic ground.
DIM_DIVISOR = 139

# (heaviest billable weight in lb, price in USD), lightest bracket first.
RATE_TABLE = [
    (1, 8.50),
    (5, 12.75),
    (10, 18.40),
    (20, 27.90),
    (50, 54.00),
]


def billable_pounds(weight_g, length_cm, width_cm, height_cm):
    actual = grams_to_pounds(weight_g)
    volume = cm_to_inches(length_cm) * cm_to_inches(width_cm) * cm_to_inches(height_cm)
    dimensional = volume / DIM_DIVISOR
    return math.ceil(max(actual, dimensional))


def quote(weight_g, length_cm, width_cm, height_cm):
    pounds = billable_pounds(weight_g, length_cm, width_cm, height_cm)
    for heaviest, price in RATE_TABLE:
        if pounds <= heaviest:
            return price
    raise ValueError(f"a parcel billed at {pounds} lb is above the heaviest rate bracket")
