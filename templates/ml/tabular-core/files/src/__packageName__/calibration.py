"""Calibration: whether a predicted 30% churn risk means that 30% of such customers churn.

The reliability curve bins the predicted probabilities into equal-width bins and compares each
bin's mean prediction with the share of positives in it; the expected calibration error is the
row-weighted mean distance between the two. Empty bins are kept (with no values) so the curve
always has the same bins.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from .metrics import as_arrays, metric_value

N_BINS = 10


def reliability(labels: Any, probability: Any, n_bins: int = N_BINS) -> dict[str, Any]:
    """Reliability curve data, the Brier score and the expected calibration error."""
    y, p = as_arrays(labels, probability)
    edges = np.linspace(0.0, 1.0, n_bins + 1)
    # Bin i holds edges[i] <= p < edges[i + 1]; a probability of exactly 1 joins the last bin.
    which = np.clip(np.searchsorted(edges, p, side="right") - 1, 0, n_bins - 1)
    bins = []
    error = 0.0
    for i in range(n_bins):
        inside = which == i
        count = int(inside.sum())
        mean_predicted = float(p[inside].mean()) if count else None
        observed = float(y[inside].mean()) if count else None
        if count:
            error += count / len(y) * abs(mean_predicted - observed)
        bins.append(
            {
                "low": float(edges[i]),
                "high": float(edges[i + 1]),
                "rows": count,
                "mean_predicted": mean_predicted,
                "observed_rate": observed,
            }
        )
    return {"brier": metric_value("brier", y, p), "expected_calibration_error": error, "bins": bins}
