"""Per-segment metrics: the model measured separately on each value of every segment column.

A model can score well overall and badly for one group. For each column the schema marks as a
segment, every segment's rows are scored on their own, and the largest gap in the gate's metric
between two segments is what the gate compares with the declared maximum. Segments with fewer
rows than the declared minimum are listed but left out of the gap: on a few dozen rows a metric
moves by more than any sensible threshold through noise alone.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from .metrics import METRICS, metric_value
from .schema import SEGMENT_COLUMNS, TARGET


def segment_metrics(
    frame: pd.DataFrame, probability: np.ndarray, metric: str, min_rows: int
) -> dict[str, dict[str, Any]]:
    """For each segment column: every segment's rows, positive rate and metrics, and the largest gap."""
    probability = np.asarray(probability, dtype=float)
    report = {}
    for column in SEGMENT_COLUMNS:
        segments = []
        for value in sorted(frame[column].astype(str).unique()):
            inside = (frame[column].astype(str) == value).to_numpy()
            labels = frame.loc[inside, TARGET].to_numpy()
            scores = {name: metric_value(name, labels, probability[inside]) for name in METRICS}
            compared = bool(inside.sum() >= min_rows and not np.isnan(scores[metric]))
            segments.append(
                {
                    "segment": value,
                    "rows": int(inside.sum()),
                    "positive_rate": float(labels.mean()),
                    "mean_predicted": float(probability[inside].mean()),
                    "metrics": scores,
                    "compared": compared,
                }
            )
        values = [s["metrics"][metric] for s in segments if s["compared"]]
        worst, best = _extremes(segments, metric)
        report[column] = {
            "metric": metric,
            "segments": segments,
            "gap": float(max(values) - min(values)) if len(values) >= 2 else 0.0,
            "best": best,
            "worst": worst,
        }
    return report


def _extremes(segments: list[dict[str, Any]], metric: str) -> tuple[str | None, str | None]:
    """The worst and best compared segment by `metric`, whatever its direction."""
    compared = [s for s in segments if s["compared"]]
    if not compared:
        return None, None
    sign = 1.0 if METRICS[metric].higher_is_better else -1.0
    ordered = sorted(compared, key=lambda s: sign * s["metrics"][metric])
    return ordered[0]["segment"], ordered[-1]["segment"]
