"""Population Stability Index (PSI) of each feature against the training reference.

Numeric features are binned at quantiles of the training data; categorical features use
their categories plus an `__other__` bucket for values the schema does not know.
Rule of thumb: PSI < 0.1 stable, 0.1-0.25 moderate shift, > 0.25 significant shift.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np
import pandas as pd
from prometheus_client import CollectorRegistry, Gauge

from .schema import CATEGORICAL_FEATURES, NUMERIC_FEATURES

N_BINS = 10
# Floor for bin proportions: an empty bin would otherwise make log(actual / expected) infinite.
EPSILON = 1e-4
OTHER = "__other__"


def build_reference(frame: pd.DataFrame, n_bins: int = N_BINS) -> dict[str, Any]:
    """Bin edges and expected proportions of every feature, computed on training rows."""
    numeric = {}
    for spec in NUMERIC_FEATURES:
        values = frame[spec.name].dropna().to_numpy(dtype=float)
        inner = np.quantile(values, np.linspace(0.0, 1.0, n_bins + 1)[1:-1])
        # Repeated quantiles (common for integer features) would create empty bins.
        edges = np.unique(inner)
        numeric[spec.name] = {
            "edges": edges.tolist(),
            "expected": _numeric_proportions(values, edges).tolist(),
        }
    categorical = {}
    for spec in CATEGORICAL_FEATURES:
        buckets = [*spec.categories, OTHER]
        categorical[spec.name] = {
            "buckets": buckets,
            "expected": _categorical_proportions(frame[spec.name], buckets).tolist(),
        }
    return {"numeric": numeric, "categorical": categorical}


def psi(expected: np.ndarray, actual: np.ndarray, epsilon: float = EPSILON) -> float:
    """PSI = sum((actual - expected) * ln(actual / expected)) over bins, proportions floored at `epsilon`."""
    e = np.clip(np.asarray(expected, dtype=float), epsilon, None)
    a = np.clip(np.asarray(actual, dtype=float), epsilon, None)
    return float(np.sum((a - e) * np.log(a / e)))


def feature_psi(reference: Mapping[str, Any], frame: pd.DataFrame) -> dict[str, float]:
    """PSI of every feature of `frame` against `reference` (from `build_reference`)."""
    result = {}
    for name, stats in reference["numeric"].items():
        values = frame[name].dropna().to_numpy(dtype=float)
        actual = _numeric_proportions(values, np.asarray(stats["edges"]))
        result[name] = psi(stats["expected"], actual)
    for name, stats in reference["categorical"].items():
        actual = _categorical_proportions(frame[name], stats["buckets"])
        result[name] = psi(stats["expected"], actual)
    return result


def create_psi_gauge(registry: CollectorRegistry) -> Gauge:
    """The `feature_drift_psi{feature=...}` gauge, registered in `registry`."""
    return Gauge(
        "feature_drift_psi",
        "Population Stability Index of a feature against the training reference",
        ["feature"],
        registry=registry,
    )


def publish_psi(gauge: Gauge, values: Mapping[str, float]) -> None:
    """Set one gauge sample per feature."""
    for feature, value in values.items():
        gauge.labels(feature=feature).set(value)


def _numeric_proportions(values: np.ndarray, edges: np.ndarray) -> np.ndarray:
    # Bin i holds edges[i-1] < x <= edges[i]; the outer bins are open-ended.
    bins = np.searchsorted(edges, values, side="left")
    counts = np.bincount(bins, minlength=len(edges) + 1)
    return counts / max(len(values), 1)


def _categorical_proportions(values: pd.Series, buckets: list[str]) -> np.ndarray:
    known = set(buckets[:-1])
    labels = values.dropna().astype(str).where(lambda s: s.isin(known), OTHER)
    counts = labels.value_counts()
    return np.array([counts.get(b, 0) for b in buckets], dtype=float) / max(len(labels), 1)
