"""Unit conversions shared by the rate tables and the label printer.

The warehouse measures parcels in grams and centimetres; US carriers bill in pounds and inches.
"""

GRAMS_PER_POUND = 453.59237
CM_PER_INCH = 2.54


def grams_to_pounds(grams):
    return grams / GRAMS_PER_POUND


def cm_to_inches(cm):
    return cm / CM_PER_INCH
