"""The scikit-learn model behind `classifier`: logistic regression on the encoded features.

Implements the framework interface described in `classifier`. The lbfgs solver is
deterministic, so the same data always gives the same model. A logistic regression is
linear in the encoded features: it cannot represent an effect that rises on both sides of a
middle value, which is what a neural network (the PyTorch module) is for.

Fitted in one go, it has no epochs: its learning curve is the training and validation log
loss of fits on growing shares of the training rows. Training loss far below validation
loss means overfitting; both high and close together, underfitting; a validation loss still
falling at the full size, that more data would help.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import joblib
import numpy as np
import sklearn
from sklearn.linear_model import LogisticRegression

from .metrics import metric_value

FRAMEWORK = "scikit-learn"
FRAMEWORK_VERSION = sklearn.__version__
# scikit-learn pickles are only supported by the version that wrote them.
VERSION_LOCKED = True
HYPERPARAMETERS: dict[str, Any] = {"C": 1.0, "max_iter": 1000}
MODEL_FILE = "model.joblib"
# Shares of the training rows the learning curve is drawn at; the last fit is the model.
CURVE_SHARES = (0.1, 0.25, 0.5, 0.75, 1.0)


def fit(
    x: np.ndarray, y: np.ndarray, params: Mapping[str, Any], validation: tuple[np.ndarray, np.ndarray]
) -> tuple[LogisticRegression, dict[str, Any]]:
    """Fit a logistic regression on encoded rows `x` with labels `y` (0 or 1); see the module docstring."""
    x_validation, y_validation = validation
    points = []
    for share in CURVE_SHARES:
        # The training rows come in hash order, which is unrelated to their content: a prefix is a sample.
        rows = int(round(share * len(y)))
        if share < 1.0 and len(np.unique(y[:rows])) < 2:
            continue  # too few rows for both classes: no point on the curve
        estimator = LogisticRegression(**params).fit(x[:rows], y[:rows])
        points.append(
            {
                "step": rows,
                "train_loss": metric_value("log_loss", y[:rows], positive_probability(estimator, x[:rows])),
                "validation_loss": metric_value(
                    "log_loss", y_validation, positive_probability(estimator, x_validation)
                ),
            }
        )
    return estimator, {"axis": "training rows", "points": points, "best_step": points[-1]["step"]}


def positive_probability(estimator: LogisticRegression, x: np.ndarray) -> np.ndarray:
    """Probability of label 1 for each encoded row."""
    return estimator.predict_proba(x)[:, list(estimator.classes_).index(1)]


def save(estimator: LogisticRegression, directory: Path) -> None:
    """Write the fitted estimator to `directory/model.joblib`."""
    joblib.dump(estimator, directory / MODEL_FILE)


def load(directory: Path) -> LogisticRegression:
    """Read the estimator written by `save`; it is a pickle, so only load folders you trust."""
    return joblib.load(directory / MODEL_FILE)
