"""Classification metrics used by training and by the promotion gate."""

from __future__ import annotations

from typing import Any

import pandas as pd
from sklearn.metrics import accuracy_score, f1_score, roc_auc_score


def positive_probability(model: Any, inputs: pd.DataFrame) -> Any:
    """Probability of the positive class (label 1) for each row."""
    classes = list(model.classes_)
    return model.predict_proba(inputs)[:, classes.index(1)]


def classification_metrics(model: Any, inputs: pd.DataFrame, labels: pd.Series) -> dict[str, float]:
    """ROC AUC (the gate's primary metric), accuracy and F1 on labelled rows."""
    predicted = model.predict(inputs)
    return {
        "roc_auc": float(roc_auc_score(labels, positive_probability(model, inputs))),
        "accuracy": float(accuracy_score(labels, predicted)),
        "f1": float(f1_score(labels, predicted, zero_division=0)),
    }
