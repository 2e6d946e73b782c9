"""Classification metrics used by training and by the promotion gate."""

from __future__ import annotations

import numpy as np
import pandas as pd
from sklearn.metrics import accuracy_score, f1_score, roc_auc_score

# Rows whose positive-class probability reaches this are predicted as class 1.
DECISION_THRESHOLD = 0.5


def predicted_class(probability: np.ndarray) -> np.ndarray:
    """Class 0 or 1 for each positive-class probability."""
    return (np.asarray(probability) >= DECISION_THRESHOLD).astype(int)


def classification_metrics(labels: pd.Series | np.ndarray, probability: np.ndarray) -> dict[str, float]:
    """ROC AUC (the gate's primary metric), accuracy and F1 of positive-class probabilities."""
    predicted = predicted_class(probability)
    return {
        "roc_auc": float(roc_auc_score(labels, probability)),
        "accuracy": float(accuracy_score(labels, predicted)),
        "f1": float(f1_score(labels, predicted, zero_division=0)),
    }
