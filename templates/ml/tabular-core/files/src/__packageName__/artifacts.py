"""The on-disk layout of a trained model, shared by training runs and registry versions.

A model folder holds `model.joblib` (the fitted pipeline), `reference.json` (training
statistics for drift) and `metadata.json` (written last, so its presence marks a
complete folder).
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import joblib
import sklearn

MODEL_FILE = "model.joblib"
REFERENCE_FILE = "reference.json"
METADATA_FILE = "metadata.json"


class IncompatibleModelError(RuntimeError):
    """The model was pickled by another scikit-learn version, so it cannot be trusted here."""


@dataclass
class ModelBundle:
    """A fitted pipeline with its drift reference and descriptive metadata."""

    model: Any
    reference: dict[str, Any]
    metadata: dict[str, Any]

    @property
    def version_label(self) -> str:
        """`v<N>` for a registered model, `run-<id>` for a run that was never registered."""
        if "version" in self.metadata:
            return f"v{self.metadata['version']}"
        return f"run-{self.metadata.get('run_id', 'unknown')}"


def save_bundle(directory: Path, bundle: ModelBundle) -> None:
    """Write the three files of a model folder."""
    directory.mkdir(parents=True, exist_ok=True)
    joblib.dump(bundle.model, directory / MODEL_FILE)
    write_json(directory / REFERENCE_FILE, bundle.reference)
    write_json(directory / METADATA_FILE, bundle.metadata)


def load_bundle(directory: Path) -> ModelBundle:
    """Read a model folder written by `save_bundle`.

    `model.joblib` is a pickle: only load model folders from a source you trust.
    """
    if not (directory / METADATA_FILE).is_file():
        raise FileNotFoundError(f"{directory} is not a model folder (no {METADATA_FILE})")
    metadata = read_json(directory / METADATA_FILE)
    # scikit-learn pickles are only supported by the version that wrote them; checking
    # first turns a later obscure failure or silently wrong scores into a clear error.
    trained_with = metadata.get("sklearn_version")
    if trained_with != sklearn.__version__:
        raise IncompatibleModelError(
            f"{directory} was trained with scikit-learn {trained_with}, this environment has "
            f"{sklearn.__version__}: use the training environment's versions, or retrain"
        )
    return ModelBundle(
        model=joblib.load(directory / MODEL_FILE),
        reference=read_json(directory / REFERENCE_FILE),
        metadata=metadata,
    )


def write_json(path: Path, payload: Any) -> None:
    """Write JSON atomically, so a reader never sees a half-written file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile(
        "w", encoding="utf-8", dir=path.parent, suffix=".tmp", delete=False
    ) as handle:
        json.dump(payload, handle, indent=2, sort_keys=True)
        handle.write("\n")
    os.replace(handle.name, path)


def read_json(path: Path) -> Any:
    with path.open(encoding="utf-8") as handle:
        return json.load(handle)
