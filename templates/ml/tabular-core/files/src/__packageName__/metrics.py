"""Classification metrics, computed the same way for a point estimate and for bootstrap resamples.

Each metric takes a matrix of row indices (one resample per row) and returns one value per
resample; the point estimate is the single "resample" of all rows in order. One implementation
for both keeps a reported score and its interval consistent.

ROC AUC measures ranking; log loss and the Brier score are proper scores, which reward
probabilities that are both sharp and calibrated, so they are what a model must beat the
class prior on.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import pandas as pd

# Rows whose positive-class probability reaches this are predicted as class 1.
DECISION_THRESHOLD = 0.5
# Probabilities are clipped this far from 0 and 1, so a confident mistake costs a finite log loss.
LOG_LOSS_EPSILON = 1e-15

Resampled = Callable[[np.ndarray, np.ndarray, np.ndarray], np.ndarray]


@dataclass(frozen=True)
class Metric:
    name: str
    higher_is_better: bool
    compute: Resampled  # (labels, probability, indices of shape (resamples, rows)) -> (resamples,)


def predicted_class(probability: np.ndarray) -> np.ndarray:
    """Class 0 or 1 for each positive-class probability."""
    return (np.asarray(probability) >= DECISION_THRESHOLD).astype(int)


def _roc_auc(labels: np.ndarray, probability: np.ndarray, indices: np.ndarray) -> np.ndarray:
    """Mann-Whitney: the share of (positive, negative) pairs ranked correctly, ties counting half.

    A resample is a count of how often it drew each row, so the rows are sorted by probability once
    and each resample's pairs are counted from cumulative sums over groups of tied probabilities.
    """
    rows = len(labels)
    order = np.argsort(probability, kind="mergesort")
    position = np.empty(rows, dtype=np.intp)
    position[order] = np.arange(rows)
    resamples = indices.shape[0]
    flat = (np.arange(resamples)[:, None] * rows + position[indices]).ravel()
    counts = np.bincount(flat, minlength=resamples * rows).reshape(resamples, rows).astype(float)
    sorted_probability, positive = probability[order], labels[order]
    starts = np.flatnonzero(np.r_[True, sorted_probability[1:] != sorted_probability[:-1]])
    positives = np.add.reduceat(counts * positive, starts, axis=1)
    negatives = np.add.reduceat(counts * (1 - positive), starts, axis=1)
    below = np.cumsum(negatives, axis=1) - negatives
    pairs = positives.sum(axis=1) * negatives.sum(axis=1)
    with np.errstate(divide="ignore", invalid="ignore"):
        auc = (positives * (below + 0.5 * negatives)).sum(axis=1) / pairs
    return np.where(pairs > 0, auc, np.nan)


def _log_loss(labels: np.ndarray, probability: np.ndarray, indices: np.ndarray) -> np.ndarray:
    p = np.clip(probability, LOG_LOSS_EPSILON, 1 - LOG_LOSS_EPSILON)
    per_row = -(labels * np.log(p) + (1 - labels) * np.log(1 - p))
    return per_row[indices].mean(axis=1)


def _brier(labels: np.ndarray, probability: np.ndarray, indices: np.ndarray) -> np.ndarray:
    return ((probability - labels) ** 2)[indices].mean(axis=1)


def _accuracy(labels: np.ndarray, probability: np.ndarray, indices: np.ndarray) -> np.ndarray:
    return (predicted_class(probability) == labels)[indices].mean(axis=1)


def _f1(labels: np.ndarray, probability: np.ndarray, indices: np.ndarray) -> np.ndarray:
    y, predicted = labels[indices], predicted_class(probability)[indices]
    true_positives = (y * predicted).sum(axis=1)
    # F1 = 2TP / (2TP + FP + FN); 0 when there is nothing to find and nothing was predicted.
    denominator = y.sum(axis=1) + predicted.sum(axis=1)
    return np.divide(2 * true_positives, denominator, out=np.zeros(len(y)), where=denominator > 0)


METRICS: dict[str, Metric] = {
    m.name: m
    for m in (
        Metric("roc_auc", True, _roc_auc),
        Metric("log_loss", False, _log_loss),
        Metric("brier", False, _brier),
        Metric("accuracy", True, _accuracy),
        Metric("f1", True, _f1),
    )
}


def as_arrays(labels: pd.Series | np.ndarray, probability: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    return np.asarray(labels, dtype=float), np.asarray(probability, dtype=float)


def metric_value(name: str, labels: pd.Series | np.ndarray, probability: np.ndarray) -> float:
    """One metric over all rows (NaN for ROC AUC when only one class is present)."""
    y, p = as_arrays(labels, probability)
    return float(METRICS[name].compute(y, p, np.arange(len(y))[None, :])[0])


def classification_metrics(labels: pd.Series | np.ndarray, probability: np.ndarray) -> dict[str, float]:
    """Every metric of positive-class probabilities against 0/1 labels."""
    return {name: metric_value(name, labels, probability) for name in METRICS}
