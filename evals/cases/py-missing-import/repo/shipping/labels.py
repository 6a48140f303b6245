"""Text for the customs line of a shipping label."""
from shipping.conversions import cm_to_inches, grams_to_pounds


def dimensions_line(length_cm, width_cm, height_cm):
    inches = [cm_to_inches(side) for side in (length_cm, width_cm, height_cm)]
    return " x ".join(f"{side:.1f}" for side in inches) + " in"


def weight_line(weight_g):
    return f"{grams_to_pounds(weight_g):.2f} lb"


def customs_line(description, weight_g, length_cm, width_cm, height_cm):
    return f"{description}; {weight_line(weight_g)}; {dimensions_line(length_cm, width_cm, height_cm)}"
