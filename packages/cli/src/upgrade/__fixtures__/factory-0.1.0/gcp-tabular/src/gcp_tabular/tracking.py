"""Experiment tracking: MLflow when it is installed, plain JSON files otherwise.

Every run gets a local folder `runs/<run_id>/` with `params.json`, `metrics.json` and the
model files, because evaluation reads the model from there. With MLflow the same
params, metrics and files are logged to the MLflow run as well, and the folder is named
after the MLflow run id. Set `TRACKING_BACKEND=file` to skip MLflow even if installed.
"""

from __future__ import annotations

import importlib
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path
from types import ModuleType
from typing import Any

from .artifacts import write_json
from .config import tracking_backend


class Run:
    """An active run: logs to its folder and, when given, to the MLflow module."""

    def __init__(self, run_id: str, run_dir: Path, mlflow: ModuleType | None = None) -> None:
        self.run_id = run_id
        self.run_dir = run_dir
        self._mlflow = mlflow
        self._params: dict[str, Any] = {}
        self._metrics: dict[str, float] = {}

    def log_params(self, params: dict[str, Any]) -> None:
        self._params.update(params)
        write_json(self.run_dir / "params.json", self._params)
        if self._mlflow is not None:
            self._mlflow.log_params(params)

    def log_metrics(self, metrics: dict[str, float]) -> None:
        self._metrics.update(metrics)
        write_json(self.run_dir / "metrics.json", self._metrics)
        if self._mlflow is not None:
            self._mlflow.log_metrics(metrics)


@contextmanager
def start_run(runs_dir: Path, experiment: str) -> Iterator[Run]:
    """Open a run; on exit with MLflow, the run folder is uploaded as the run's artifacts."""
    mlflow = _load_mlflow()
    if mlflow is None:
        run_id = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ") + "-" + uuid.uuid4().hex[:8]
        run_dir = runs_dir / run_id
        run_dir.mkdir(parents=True)
        yield Run(run_id, run_dir)
        return
    mlflow.set_experiment(experiment)
    with mlflow.start_run() as active:
        run_id = active.info.run_id
        run_dir = runs_dir / run_id
        run_dir.mkdir(parents=True)
        yield Run(run_id, run_dir, mlflow)
        mlflow.log_artifacts(str(run_dir))


def _load_mlflow() -> ModuleType | None:
    backend = tracking_backend()
    if backend == "file":
        return None
    try:
        return importlib.import_module("mlflow")
    except ImportError:
        if backend == "mlflow":
            raise
        return None
