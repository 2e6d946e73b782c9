"""The trained classifier: the shared feature encoding followed by the framework's model.

`model` is this project's framework module (scikit-learn or PyTorch). It only ever sees
encoded matrices and implements a small interface:

- `FRAMEWORK`, `FRAMEWORK_VERSION`: recorded with every model;
- `VERSION_LOCKED`: True when saved models only load in the exact version that wrote them;
- `HYPERPARAMETERS`: the defaults `fit` is called with, logged with every run;
- `fit(x, y, params) -> estimator` and `positive_probability(estimator, x) -> ndarray`;
- `save(estimator, directory)` and `load(directory) -> estimator`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from . import model
from .encoding import FeatureEncoder
from .schema import TARGET


@dataclass
class Classifier:
    """Encoder plus the estimator the framework module fitted on encoded rows."""

    encoder: FeatureEncoder
    estimator: Any

    def positive_probability(self, frame: pd.DataFrame) -> np.ndarray:
        """Probability of the positive class (label 1) for each row of `frame`."""
        encoded = self.encoder.transform(frame)
        return np.asarray(model.positive_probability(self.estimator, encoded), dtype=float)


def fit_classifier(train: pd.DataFrame, params: Mapping[str, Any] = model.HYPERPARAMETERS) -> Classifier:
    """Fit the encoder and then the framework's model on the labelled rows of `train`."""
    encoder = FeatureEncoder.fit(train)
    estimator = model.fit(encoder.transform(train), train[TARGET].to_numpy(dtype=int), params)
    return Classifier(encoder=encoder, estimator=estimator)
