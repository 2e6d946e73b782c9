"""Loading the tabular data, recording where it came from, and splitting it the same way everywhere.

Every row has a fingerprint, a hash of its values, so a run can record exactly which rows it
trained, validated and was tested on, and the gate can score models only on rows none of them
has seen. A row's split is decided by a hash of its customer id alone, not by a random draw over
the whole file: a customer stays in the same split when the data grows, so a model retrained on
accumulated data is never tested on a customer an earlier model trained on.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from . import config
from .schema import FEATURES, ID_COLUMN, TARGET

# Part of every split hash: changing it reshuffles which customers are held out.
SPLIT_SALT = "split-v1"
TEST_SHARE = 0.2
VALIDATION_SHARE = 0.2
SPLIT_NAMES = ("train", "validation", "test")


@dataclass(frozen=True)
class Split:
    """Training rows (fitted on), validation rows (early stopping, importance) and test rows (the gate)."""

    train: pd.DataFrame
    validation: pd.DataFrame
    test: pd.DataFrame

    def part(self, name: str) -> pd.DataFrame:
        return {"train": self.train, "validation": self.validation, "test": self.test}[name]

    def fingerprints(self) -> dict[str, list[str]]:
        """The sorted row fingerprints of each split."""
        return {name: sorted(row_fingerprints(self.part(name))) for name in SPLIT_NAMES}


def data_files(path: Path | str) -> list[Path]:
    """The CSV files at `path`: the file itself, or every `*.csv` under a folder, sorted.

    Platforms hand a job its data as a folder (a SageMaker channel, an Azure ML folder input, a
    mounted prefix) as often as a file, so both are data.
    """
    path = Path(path)
    if not path.is_dir():
        return [path]
    files = sorted(path.rglob("*.csv"))
    if not files:
        raise FileNotFoundError(f"no CSV file under {path}")
    return files


def load_csv(path: Path | str) -> pd.DataFrame:
    """Read a CSV file, or the CSV files of a folder one after the other, as one frame."""
    frames = [pd.read_csv(file) for file in data_files(path)]
    return frames[0] if len(frames) == 1 else pd.concat(frames, ignore_index=True)


def data_source(path: Path) -> dict[str, Any]:
    """What a run records about its data: the URI, the version when one is given, and a content hash.

    The URI is the declared one (`DATA_URI`) when the platform mounted it at `path`, else `path`
    itself; `path` is kept too, for a later step on the same machine to read the same rows. The
    hash covers every file of a folder, with its name, so renaming or adding a file changes it.
    The one place that describes the data, as `config.data_path` is the one place that locates it.
    """
    files = data_files(path)
    if len(files) == 1:
        digest = hashlib.sha256(files[0].read_bytes()).hexdigest()
    else:
        hasher = hashlib.sha256()
        for file in files:
            hasher.update(f"{file.relative_to(path).as_posix()}\0".encode())
            hasher.update(file.read_bytes())
        digest = hasher.hexdigest()
    return {
        "uri": config.data_uri() or str(path),
        "path": str(path),
        "version": config.data_version(),
        "sha256": digest,
    }


def row_fingerprints(frame: pd.DataFrame) -> pd.Series:
    """A 64-bit hex hash of each row's id, features and label (those present), aligned with `frame`.

    Numbers are hashed as Python floats and text as text, so the hash does not depend on the
    column's dtype or the numpy and pandas versions.
    """
    columns = [c for c in (ID_COLUMN, *FEATURES, TARGET) if c in frame.columns]
    rendered = [frame[c].map(_canonical) for c in columns]
    rows = ["\x1f".join(values) for values in zip(*rendered, strict=True)] if columns else [""] * len(frame)
    return pd.Series([_hash(row) for row in rows], index=frame.index, dtype=object)


def split_dataset(frame: pd.DataFrame) -> Split:
    """Deterministic train / validation / test split by a salted hash of each customer id.

    Without an id column the row fingerprint is hashed instead.
    """
    keys = frame[ID_COLUMN].astype(str) if ID_COLUMN in frame.columns else row_fingerprints(frame)
    position = np.array([int(_hash(f"{SPLIT_SALT}:{key}"), 16) / 2.0**64 for key in keys])
    test = position < TEST_SHARE
    validation = ~test & (position < TEST_SHARE + VALIDATION_SHARE)
    train = ~(test | validation)
    return Split(*(frame[mask].reset_index(drop=True) for mask in (train, validation, test)))


def features(frame: pd.DataFrame) -> pd.DataFrame:
    """The model inputs of `frame`, in schema order."""
    return frame.loc[:, list(FEATURES)]


def _canonical(value: Any) -> str:
    if isinstance(value, (int, float, np.integer, np.floating)) and not isinstance(value, bool):
        return repr(float(value))
    return str(value)


def _hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]
