"""Choosing the model to score with, and scoring rows; shared by batch and online serving.

Resolution order, all explicit:
1. `MODEL_PATH`: a model folder (a registry version or a training run);
2. the champion of the local registry (`MODEL_REGISTRY_DIR`, `MODEL_NAME`);
3. only with `TRAIN_ON_STARTUP=1`: a model trained in memory from `DATA_PATH`.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from . import config
from .artifacts import ModelBundle, load_bundle
from .data import load_csv
from .metrics import predicted_class
from .registry import ModelRegistry
from .train import fit_bundle


class ModelNotFoundError(RuntimeError):
    """No model folder, no champion, and training on startup was not requested."""


def load_model(model_path: Path | None = None) -> ModelBundle:
    """Load the model to score with (see the module docstring for the order)."""
    path = model_path or config.model_path()
    if path is not None:
        return load_bundle(path)
    registry = ModelRegistry(config.registry_dir(), config.model_name())
    champion = registry.champion()
    if champion is not None:
        return champion.load()
    if config.train_on_startup():
        bundle, _ = fit_bundle(load_csv(config.data_path()))
        bundle.metadata["run_id"] = "trained-on-startup"
        return bundle
    raise ModelNotFoundError(
        f"no champion for {registry.model_name!r} in {registry.root}: run the train and "
        "evaluate steps, set MODEL_PATH to a model folder, or set TRAIN_ON_STARTUP=1 "
        "to train from DATA_PATH"
    )


def predict(bundle: ModelBundle, frame: pd.DataFrame) -> pd.DataFrame:
    """Predicted class and positive-class probability for each row of `frame`."""
    probability = bundle.model.positive_probability(frame)
    return pd.DataFrame(
        {"prediction": predicted_class(probability), "probability": probability},
        index=frame.index,
    )
