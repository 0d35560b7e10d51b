"""Printed precision of a published figure: what counts as a rounding difference, not a revision.

Its own module so that `dataset` (revision status) and `validate` (consistency checks) share it
without importing each other (validate reads the dataset; the dataset never imports validate)."""

from __future__ import annotations

from decimal import Decimal


def rounding_tolerance(value: float) -> float:
    """Half a unit of the last printed decimal: 2.22 -> 0.005, 24186.0 -> 0.5."""
    text = repr(float(value))
    if "e-" in text:  # a small value prints as 5e-05: count the decimals of its plain form (0.00005)
        text = format(Decimal(text), "f")
    if "e" in text or "n" in text:
        return abs(value) * 5e-16
    frac = text.split(".")[1].rstrip("0") if "." in text else ""
    return 0.5 * 10.0 ** -len(frac)
