"""Turns feature rows into the numeric matrix every model framework trains on.

Numeric features are standardised with the training mean and standard deviation;
categorical features are one-hot encoded over the schema's categories, so the column
layout never depends on which rows were seen. An unknown category encodes as all zeros.
The fitted statistics are plain JSON, so any framework can load them safely.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from .schema import CATEGORICAL_FEATURES, NUMERIC_NAMES


@dataclass(frozen=True)
class ScaledColumn:
    """A numeric feature and the statistics it is standardised with."""

    name: str
    mean: float
    scale: float


@dataclass(frozen=True)
class OneHotColumn:
    """A categorical feature and the categories it is one-hot encoded over, in column order."""

    name: str
    categories: tuple[str, ...]


@dataclass(frozen=True)
class FeatureEncoder:
    """The fitted encoding; lists, not mappings, so the column order survives JSON with sorted keys."""

    numeric: tuple[ScaledColumn, ...]
    categorical: tuple[OneHotColumn, ...]

    @classmethod
    def fit(cls, frame: pd.DataFrame) -> FeatureEncoder:
        """Learn the standardisation statistics from training rows."""
        numeric = []
        for name in NUMERIC_NAMES:
            values = frame[name].to_numpy(dtype=float)
            # A constant column would divide by zero; it carries no signal, so it is only centred.
            numeric.append(ScaledColumn(name, float(values.mean()), float(values.std()) or 1.0))
        categorical = [OneHotColumn(spec.name, spec.categories) for spec in CATEGORICAL_FEATURES]
        return cls(numeric=tuple(numeric), categorical=tuple(categorical))

    @property
    def width(self) -> int:
        """Number of columns `transform` produces."""
        return len(self.numeric) + sum(len(column.categories) for column in self.categorical)

    def transform(self, frame: pd.DataFrame) -> np.ndarray:
        """A float64 matrix of shape (rows, width): scaled numerics, then one-hot blocks."""
        blocks = [
            ((frame[column.name].to_numpy(dtype=float) - column.mean) / column.scale)[:, None]
            for column in self.numeric
        ]
        for column in self.categorical:
            values = frame[column.name].astype(str).to_numpy()
            blocks.append((values[:, None] == np.asarray(column.categories)[None, :]).astype(float))
        return np.hstack(blocks)

    def to_dict(self) -> dict[str, Any]:
        return {
            "numeric": [{"name": c.name, "mean": c.mean, "scale": c.scale} for c in self.numeric],
            "categorical": [{"name": c.name, "categories": list(c.categories)} for c in self.categorical],
        }

    @classmethod
    def from_dict(cls, payload: dict[str, Any]) -> FeatureEncoder:
        return cls(
            numeric=tuple(ScaledColumn(c["name"], c["mean"], c["scale"]) for c in payload["numeric"]),
            categorical=tuple(
                OneHotColumn(c["name"], tuple(c["categories"])) for c in payload["categorical"]
            ),
        )
