"""The on-disk layout of a trained model, shared by training runs and registry versions.

A model folder holds `encoder.json` (the feature encoding), the framework's model files
(written by `model.save`), `reference.json` (training statistics for drift), `rows.json`
(the fingerprints of the rows it was trained, validated and tested on) and `metadata.json`
(written last, so its presence marks a complete folder).
"""

from __future__ import annotations

import json
import math
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from . import model
from .classifier import Classifier
from .encoding import FeatureEncoder

ENCODER_FILE = "encoder.json"
REFERENCE_FILE = "reference.json"
ROWS_FILE = "rows.json"
# PNG plots of a run (learning curve, importance, reliability), copied into its registry version.
PLOTS_DIR = "plots"
METADATA_FILE = "metadata.json"


class IncompatibleModelError(RuntimeError):
    """The model was written by another framework, or by a version this one cannot trust."""


@dataclass
class ModelBundle:
    """A fitted classifier with its drift reference, its rows' fingerprints and descriptive metadata."""

    model: Classifier
    reference: dict[str, Any]
    metadata: dict[str, Any]
    rows: dict[str, list[str]]  # split name -> sorted row fingerprints

    @property
    def seen_rows(self) -> frozenset[str]:
        """The rows the model learned from: fitted on, or stopped and selected on."""
        return frozenset(self.rows.get("train", [])) | frozenset(self.rows.get("validation", []))

    @property
    def version_label(self) -> str:
        """`v<N>` for a registered model, `run-<id>` for a run that was never registered."""
        if "version" in self.metadata:
            return f"v{self.metadata['version']}"
        return f"run-{self.metadata.get('run_id', 'unknown')}"


def save_bundle(directory: Path, bundle: ModelBundle) -> None:
    """Write the files of a model folder, metadata last."""
    directory.mkdir(parents=True, exist_ok=True)
    write_json(directory / ENCODER_FILE, bundle.model.encoder.to_dict())
    model.save(bundle.model.estimator, directory)
    write_json(directory / REFERENCE_FILE, bundle.reference)
    write_json(directory / ROWS_FILE, bundle.rows)
    write_json(directory / METADATA_FILE, bundle.metadata)


def load_bundle(directory: Path) -> ModelBundle:
    """Read a model folder written by `save_bundle`; only load folders from a source you trust."""
    if not (directory / METADATA_FILE).is_file():
        raise FileNotFoundError(f"{directory} is not a model folder (no {METADATA_FILE})")
    metadata = read_json(directory / METADATA_FILE)
    check_compatible(directory, metadata)
    classifier = Classifier(
        encoder=FeatureEncoder.from_dict(read_json(directory / ENCODER_FILE)),
        estimator=model.load(directory),
    )
    return ModelBundle(
        model=classifier,
        reference=read_json(directory / REFERENCE_FILE),
        metadata=metadata,
        # Folders written before rows were fingerprinted have no rows file: their rows are unknown.
        rows=read_json(directory / ROWS_FILE) if (directory / ROWS_FILE).is_file() else {},
    )


def check_compatible(directory: Path, metadata: dict[str, Any]) -> None:
    """Refuse a model this project's framework cannot load correctly, with a clear reason.

    Checking first turns a later obscure failure or silently wrong scores into an error.
    """
    framework, version = metadata.get("framework"), metadata.get("framework_version")
    if framework != model.FRAMEWORK:
        raise IncompatibleModelError(
            f"{directory} holds a {framework} model, this project uses {model.FRAMEWORK}: retrain"
        )
    if model.VERSION_LOCKED and version != model.FRAMEWORK_VERSION:
        raise IncompatibleModelError(
            f"{directory} was trained with {framework} {version}, this environment has "
            f"{model.FRAMEWORK_VERSION}: use the training environment's versions, or retrain"
        )


def write_json(path: Path, payload: Any) -> None:
    """Write strict JSON atomically, so a reader never sees a half-written file.

    numpy scalars are written as the Python values they hold, and an undefined number (NaN, such
    as the ROC AUC of a segment with one label) as null.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile(
        "w", encoding="utf-8", dir=path.parent, suffix=".tmp", delete=False
    ) as handle:
        json.dump(_defined(payload), handle, indent=2, sort_keys=True, allow_nan=False)
        handle.write("\n")
    os.replace(handle.name, path)


def _defined(value: Any) -> Any:
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, dict):
        return {key: _defined(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [_defined(item) for item in value]
    return value


def read_json(path: Path) -> Any:
    with path.open(encoding="utf-8") as handle:
        return json.load(handle)
