"""Loading the tabular data and splitting it the same way in every step."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd
from sklearn.model_selection import train_test_split

from .schema import FEATURES, TARGET

SPLIT_SEED = 42
TEST_SIZE = 0.25


@dataclass(frozen=True)
class Split:
    """Training and held-out rows of one data set."""

    train: pd.DataFrame
    test: pd.DataFrame


def load_csv(path: Path | str) -> pd.DataFrame:
    """Read a CSV file; identifiers stay strings, everything else is inferred."""
    return pd.read_csv(path)


def split_dataset(frame: pd.DataFrame, test_size: float = TEST_SIZE, seed: int = SPLIT_SEED) -> Split:
    """Deterministic stratified split: training and evaluation see the same held-out rows."""
    train, test = train_test_split(frame, test_size=test_size, random_state=seed, stratify=frame[TARGET])
    return Split(train=train.reset_index(drop=True), test=test.reset_index(drop=True))


def features(frame: pd.DataFrame) -> pd.DataFrame:
    """The model inputs of `frame`, in schema order."""
    return frame.loc[:, list(FEATURES)]
