"""The drift reference of a model, and the Population Stability Index (PSI) against it.

The reference, stored with every model as `reference.json`, describes the training data:
- numeric features: quantile bins with their shares (for PSI) and a sample of values (for the
  Kolmogorov-Smirnov test);
- categorical features: the share and count of each category plus an `__other__` bucket for
  values the schema does not know (for PSI and the chi-square test);
- the predictions on the validation rows, which the model did not fit (prediction drift);
- the training positive rate (target drift, once labels arrive).
`drift_report` compares new data with it. PSI rule of thumb: < 0.1 stable, 0.1-0.25 moderate
shift, > 0.25 significant shift.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np
import pandas as pd
from prometheus_client import CollectorRegistry, Gauge

from .schema import CATEGORICAL_FEATURES, NUMERIC_FEATURES, TARGET

N_BINS = 10
# Values kept per numeric column for the KS test: enough for its p-value, small enough for JSON.
SAMPLE_SIZE = 1000
SEED = 0
# Floor for bin proportions: an empty bin would otherwise make log(actual / expected) infinite.
EPSILON = 1e-4
OTHER = "__other__"


def numeric_reference(values: np.ndarray, n_bins: int = N_BINS) -> dict[str, Any]:
    """Quantile bins, their shares and a seeded sample of `values`."""
    values = np.asarray(values, dtype=float)
    inner = np.quantile(values, np.linspace(0.0, 1.0, n_bins + 1)[1:-1])
    # Repeated quantiles (common for integer features) would create empty bins.
    edges = np.unique(inner)
    rng = np.random.default_rng(SEED)
    sample = values if len(values) <= SAMPLE_SIZE else rng.choice(values, SAMPLE_SIZE, replace=False)
    return {
        "edges": edges.tolist(),
        "expected": numeric_proportions(values, edges).tolist(),
        "sample": np.sort(sample).tolist(),
        "rows": int(len(values)),
    }


def build_reference(train: pd.DataFrame, validation_predictions: np.ndarray | None = None) -> dict[str, Any]:
    """The reference of a model fitted on `train`, whose predictions on validation rows are given."""
    categorical = {}
    for spec in CATEGORICAL_FEATURES:
        buckets = [*spec.categories, OTHER]
        counts = category_counts(train[spec.name], buckets)
        categorical[spec.name] = {
            "buckets": buckets,
            "expected": (counts / max(counts.sum(), 1)).tolist(),
            "counts": counts.astype(int).tolist(),
        }
    reference: dict[str, Any] = {
        "numeric": {s.name: numeric_reference(train[s.name].dropna().to_numpy()) for s in NUMERIC_FEATURES},
        "categorical": categorical,
    }
    if validation_predictions is not None:
        reference["prediction"] = numeric_reference(validation_predictions)
    if TARGET in train.columns:
        reference["target"] = {"positive_rate": float(train[TARGET].mean()), "rows": int(len(train))}
    return reference


def psi(expected: np.ndarray, actual: np.ndarray, epsilon: float = EPSILON) -> float:
    """PSI = sum((actual - expected) * ln(actual / expected)) over bins, proportions floored at `epsilon`."""
    e = np.clip(np.asarray(expected, dtype=float), epsilon, None)
    a = np.clip(np.asarray(actual, dtype=float), epsilon, None)
    return float(np.sum((a - e) * np.log(a / e)))


def numeric_psi(stats: Mapping[str, Any], values: np.ndarray) -> float:
    """PSI of numbers against one numeric reference (a feature's, or the predictions')."""
    actual = numeric_proportions(np.asarray(values, dtype=float), np.asarray(stats["edges"]))
    return psi(stats["expected"], actual)


def feature_psi(reference: Mapping[str, Any], frame: pd.DataFrame) -> dict[str, float]:
    """PSI of every feature of `frame` against `reference` (from `build_reference`)."""
    result = {}
    for name, stats in reference["numeric"].items():
        result[name] = numeric_psi(stats, frame[name].dropna().to_numpy(dtype=float))
    for name, stats in reference["categorical"].items():
        counts = category_counts(frame[name], stats["buckets"])
        result[name] = psi(stats["expected"], counts / max(counts.sum(), 1))
    return result


def create_psi_gauge(registry: CollectorRegistry) -> Gauge:
    """The `feature_drift_psi{feature=...}` gauge, registered in `registry`."""
    return Gauge(
        "feature_drift_psi",
        "Population Stability Index of a feature against the training reference",
        ["feature"],
        registry=registry,
    )


def create_prediction_psi_gauge(registry: CollectorRegistry) -> Gauge:
    """The `prediction_drift_psi` gauge (predicted probabilities against the validation rows')."""
    return Gauge(
        "prediction_drift_psi",
        "Population Stability Index of the predicted probabilities against the validation rows'",
        registry=registry,
    )


def create_window_rows_gauge(registry: CollectorRegistry) -> Gauge:
    """The `drift_window_rows` gauge: the rows the drift gauges were computed over."""
    return Gauge("drift_window_rows", "Rows the drift gauges are computed over", registry=registry)


def publish_psi(gauge: Gauge, values: Mapping[str, float]) -> None:
    """Set one gauge sample per feature."""
    for feature, value in values.items():
        gauge.labels(feature=feature).set(value)


def numeric_proportions(values: np.ndarray, edges: np.ndarray) -> np.ndarray:
    # Bin i holds edges[i-1] < x <= edges[i]; the outer bins are open-ended.
    bins = np.searchsorted(edges, values, side="left")
    counts = np.bincount(bins, minlength=len(edges) + 1)
    return counts / max(len(values), 1)


def category_counts(values: pd.Series, buckets: list[str]) -> np.ndarray:
    """Rows per bucket; values outside the known buckets count as the last one, `__other__`."""
    known = set(buckets[:-1])
    labels = values.dropna().astype(str).where(lambda s: s.isin(known), OTHER)
    counts = labels.value_counts()
    return np.array([counts.get(b, 0) for b in buckets], dtype=float)
