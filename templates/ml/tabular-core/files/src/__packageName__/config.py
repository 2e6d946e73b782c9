"""Runtime settings, read from environment variables at call time.

Paths default to folders relative to the working directory (the project root),
so the same code works locally, in CI and in the containers. What the model must achieve
to be promoted and when data has drifted is not a runtime setting: it is declared in
`ai-factory.config.ts` and reaches the code through the managed `model_policy.json`
(see `policy`).
"""

from __future__ import annotations

import os
from pathlib import Path

PACKAGE = __name__.rpartition(".")[0]


def data_path() -> Path:
    """CSV, or folder of CSVs, used for training and evaluation (`DATA_PATH`): where this process reads it.

    The bundled sample by default; a cloud job points it at the folder or file the platform mounted
    the declared data on.
    """
    return Path(os.environ.get("DATA_PATH", "data/sample.csv"))


def data_uri() -> str | None:
    """Where the training data lives (`DATA_URI`, the declared URI), when it is not `DATA_PATH` itself."""
    return os.environ.get("DATA_URI") or None


def data_version() -> str | None:
    """Version of the training data (`DATA_VERSION`), recorded with the run when it is given."""
    return os.environ.get("DATA_VERSION") or None


def model_policy_path() -> Path:
    """The model policy (`MODEL_POLICY_PATH`, default: `model_policy.json` beside this package's code)."""
    value = os.environ.get("MODEL_POLICY_PATH")
    return Path(value) if value else Path(__file__).with_name("model_policy.json")


def runs_dir() -> Path:
    """Folder that holds one sub-folder per training run (`RUNS_DIR`)."""
    return Path(os.environ.get("RUNS_DIR", "runs"))


def registry_dir() -> Path:
    """Root of the local model registry (`MODEL_REGISTRY_DIR`)."""
    return Path(os.environ.get("MODEL_REGISTRY_DIR", "model-registry"))


def model_name() -> str:
    """Name the model is registered under (`MODEL_NAME`, default: the package name)."""
    return os.environ.get("MODEL_NAME", PACKAGE)


def model_path() -> Path | None:
    """Explicit model folder to serve instead of the registry champion (`MODEL_PATH`)."""
    value = os.environ.get("MODEL_PATH")
    return Path(value) if value else None


def train_on_startup() -> bool:
    """Whether serving may train a model from `DATA_PATH` when none is registered (`TRAIN_ON_STARTUP=1`)."""
    return os.environ.get("TRAIN_ON_STARTUP", "0").lower() in {"1", "true", "yes"}


def process_rank() -> int:
    """Rank of this process in a distributed training job (`RANK`); 0 when training alone.

    torchrun, Kubeflow's PyTorchJob, Azure ML and SageMaker set it for every process they start.
    """
    return int(os.environ.get("RANK", "0"))


def tracking_backend() -> str:
    """`auto` (MLflow if installed, else files), `mlflow` or `file` (`TRACKING_BACKEND`)."""
    value = os.environ.get("TRACKING_BACKEND", "auto").lower()
    if value not in {"auto", "mlflow", "file"}:
        raise ValueError(f"TRACKING_BACKEND must be auto, mlflow or file, not {value!r}")
    return value
