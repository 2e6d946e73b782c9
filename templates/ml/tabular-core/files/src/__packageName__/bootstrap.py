"""Bootstrap intervals of a metric, and of the difference between two models on the same rows.

The paired bootstrap draws the same resampled rows for both models, so the noise they share
(which rows happen to be in the held-out set) cancels out of the difference: that is what
lets the gate tell a real improvement from luck. Resampling is seeded: the same inputs always
give the same interval. Resample once (`resample_indices`) and pass the indices to every interval of
the same rows: each then uses the same resamples, and the draw is paid for once.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from .metrics import METRICS, as_arrays, metric_value

SEED = 0


def resample_indices(rows: int, resamples: int, seed: int = SEED) -> np.ndarray:
    """`resamples` rows of `rows` indices drawn with replacement; row 0 of the result is resample 1."""
    return np.random.default_rng(seed).integers(0, rows, size=(resamples, rows))


def percentile_interval(values: np.ndarray, confidence: float) -> tuple[float, float]:
    """The central `confidence` share of `values`, ignoring resamples where the metric is undefined."""
    tail = (1.0 - confidence) / 2.0 * 100.0
    low, high = np.nanpercentile(values, [tail, 100.0 - tail])
    return float(low), float(high)


def metric_interval(
    name: str, labels: Any, probability: Any, indices: np.ndarray, confidence: float
) -> dict[str, float]:
    """Point estimate and bootstrap interval of one metric over the resamples in `indices`."""
    y, p = as_arrays(labels, probability)
    values = METRICS[name].compute(y, p, indices)
    low, high = percentile_interval(values, confidence)
    return {"value": metric_value(name, y, p), "low": low, "high": high}


def paired_improvement(
    name: str, labels: Any, challenger: Any, reference: Any, indices: np.ndarray, confidence: float
) -> dict[str, Any]:
    """How much better `challenger` scores than `reference` on `name`, with a paired interval.

    Positive means better whatever the metric's direction (a lower log loss is an improvement).
    """
    metric = METRICS[name]
    y, ours = as_arrays(labels, challenger)
    _, theirs = as_arrays(labels, reference)
    sign = 1.0 if metric.higher_is_better else -1.0
    differences = sign * (metric.compute(y, ours, indices) - metric.compute(y, theirs, indices))
    low, high = percentile_interval(differences, confidence)
    return {
        "metric": name,
        "challenger": metric_value(name, y, ours),
        "reference": metric_value(name, y, theirs),
        "improvement": sign * (metric_value(name, y, ours) - metric_value(name, y, theirs)),
        "low": low,
        "high": high,
        "confidence": confidence,
        "resamples": len(indices),
        "identical_predictions": bool(np.array_equal(ours, theirs)),
    }
