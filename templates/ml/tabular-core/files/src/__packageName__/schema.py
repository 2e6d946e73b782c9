"""Feature schema of the churn data: names, types, allowed ranges and categories, target.

Validation, training, drift statistics and the serving request model are all derived
from this module, so a new feature is added here once. A categorical feature marked as a
segment is also a column the gate measures the model on group by group (see `segments`).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class NumericFeature:
    """A numeric column with an inclusive allowed range."""

    name: str
    dtype: type  # int or float
    minimum: float
    maximum: float
    description: str


@dataclass(frozen=True)
class CategoricalFeature:
    """A string column restricted to a fixed set of categories."""

    name: str
    categories: tuple[str, ...]
    description: str
    # Per-segment metrics are computed for it, and too large a gap between segments blocks promotion.
    segment: bool = False


ID_COLUMN = "customer_id"
TARGET = "churned"
TARGET_VALUES = (0, 1)

NUMERIC_FEATURES: tuple[NumericFeature, ...] = (
    NumericFeature("tenure_months", int, 0, 72, "Months since the customer signed up"),
    NumericFeature("monthly_charges", float, 15.0, 130.0, "Current monthly bill"),
    NumericFeature("support_calls", int, 0, 15, "Support calls in the last 90 days"),
    NumericFeature("age", int, 18, 95, "Customer age in years"),
)

CATEGORICAL_FEATURES: tuple[CategoricalFeature, ...] = (
    CategoricalFeature("contract", ("month-to-month", "one-year", "two-year"), "Contract length"),
    CategoricalFeature("internet_service", ("none", "dsl", "fiber"), "Internet product"),
    CategoricalFeature(
        "payment_method", ("card", "bank-transfer", "electronic-check"), "How the customer pays"
    ),
    CategoricalFeature(
        "region", ("north", "south", "east", "west"), "Sales region of the customer", segment=True
    ),
)

NUMERIC_NAMES: tuple[str, ...] = tuple(f.name for f in NUMERIC_FEATURES)
CATEGORICAL_NAMES: tuple[str, ...] = tuple(f.name for f in CATEGORICAL_FEATURES)
FEATURES: tuple[str, ...] = NUMERIC_NAMES + CATEGORICAL_NAMES
SEGMENT_COLUMNS: tuple[str, ...] = tuple(f.name for f in CATEGORICAL_FEATURES if f.segment)
