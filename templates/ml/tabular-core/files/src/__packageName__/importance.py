"""Permutation importance: how much worse the model scores when one feature's values are shuffled.

Shuffling a column across rows keeps its distribution but breaks its link to the target, so the
loss in score is what the model relies on that feature for. It is measured on validation rows
(not the training rows, where an overfitted model relies on noise too) and works the same for
any framework, since it only calls the classifier. Correlated features share their importance:
shuffling one leaves the other to carry the signal, so both can look less important than they are.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from .classifier import Classifier
from .metrics import metric_value
from .schema import FEATURES, TARGET

REPEATS = 5
SEED = 0


def permutation_importance(
    classifier: Classifier, frame: pd.DataFrame, repeats: int = REPEATS, seed: int = SEED
) -> list[dict[str, Any]]:
    """Per feature, the mean and standard deviation over `repeats` shuffles of the drop in ROC AUC
    and the rise in log loss; most important first."""
    rng = np.random.default_rng(seed)
    labels = frame[TARGET].to_numpy()
    baseline = classifier.positive_probability(frame)
    base_auc, base_loss = (
        metric_value("roc_auc", labels, baseline),
        metric_value("log_loss", labels, baseline),
    )
    results = []
    for name in FEATURES:
        auc_drops, loss_rises = [], []
        for _ in range(repeats):
            shuffled = frame.copy()
            shuffled[name] = rng.permutation(shuffled[name].to_numpy())
            probability = classifier.positive_probability(shuffled)
            auc_drops.append(base_auc - metric_value("roc_auc", labels, probability))
            loss_rises.append(metric_value("log_loss", labels, probability) - base_loss)
        results.append(
            {
                "feature": name,
                "roc_auc_drop": float(np.mean(auc_drops)),
                "roc_auc_drop_std": float(np.std(auc_drops)),
                "log_loss_rise": float(np.mean(loss_rises)),
                "log_loss_rise_std": float(np.std(loss_rises)),
            }
        )
    return sorted(results, key=lambda row: row["roc_auc_drop"], reverse=True)
