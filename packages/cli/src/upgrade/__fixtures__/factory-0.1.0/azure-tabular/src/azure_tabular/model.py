"""The scikit-learn model behind `classifier`: logistic regression on the encoded features.

Implements the framework interface described in `classifier`. The lbfgs solver is
deterministic, so the same data always gives the same model.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import joblib
import numpy as np
import sklearn
from sklearn.linear_model import LogisticRegression

FRAMEWORK = "scikit-learn"
FRAMEWORK_VERSION = sklearn.__version__
# scikit-learn pickles are only supported by the version that wrote them.
VERSION_LOCKED = True
HYPERPARAMETERS: dict[str, Any] = {"C": 1.0, "max_iter": 1000}
MODEL_FILE = "model.joblib"


def fit(x: np.ndarray, y: np.ndarray, params: Mapping[str, Any]) -> LogisticRegression:
    """Fit a logistic regression on encoded rows `x` with labels `y` (0 or 1)."""
    return LogisticRegression(**params).fit(x, y)


def positive_probability(estimator: LogisticRegression, x: np.ndarray) -> np.ndarray:
    """Probability of label 1 for each encoded row."""
    return estimator.predict_proba(x)[:, list(estimator.classes_).index(1)]


def save(estimator: LogisticRegression, directory: Path) -> None:
    """Write the fitted estimator to `directory/model.joblib`."""
    joblib.dump(estimator, directory / MODEL_FILE)


def load(directory: Path) -> LogisticRegression:
    """Read the estimator written by `save`; it is a pickle, so only load folders you trust."""
    return joblib.load(directory / MODEL_FILE)
