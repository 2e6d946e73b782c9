"""The trained classifier: the shared feature encoding followed by the framework's model.

`model` is this project's framework module (scikit-learn or PyTorch). It only ever sees
encoded matrices and implements a small interface:

- `FRAMEWORK`, `FRAMEWORK_VERSION`: recorded with every model;
- `VERSION_LOCKED`: True when saved models only load in the exact version that wrote them;
- `HYPERPARAMETERS`: the defaults `fit` is called with, logged with every run;
- `fit(x, y, params, validation) -> (estimator, learning_curve)`, where `validation` is the
  encoded validation rows and labels, and the learning curve is training and validation log
  loss per step: per epoch for a network, per training-set size for a model fitted in one go
  (`{"axis": ..., "points": [{"step", "train_loss", "validation_loss"}], "best_step": ...}`);
- `positive_probability(estimator, x) -> ndarray`;
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


def fit_classifier(
    train: pd.DataFrame, validation: pd.DataFrame, params: Mapping[str, Any] = model.HYPERPARAMETERS
) -> tuple[Classifier, dict[str, Any]]:
    """Fit the encoder on `train`, then the framework's model, watching `validation`.

    Returns the classifier and its learning curve.
    """
    encoder = FeatureEncoder.fit(train)
    estimator, curve = model.fit(
        encoder.transform(train),
        train[TARGET].to_numpy(dtype=int),
        params,
        (encoder.transform(validation), validation[TARGET].to_numpy(dtype=int)),
    )
    return Classifier(encoder=encoder, estimator=estimator), curve
