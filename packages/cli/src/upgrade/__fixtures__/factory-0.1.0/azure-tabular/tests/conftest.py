"""Shared fixtures. Every test runs in its own temporary working directory, with the
registry, runs and tracking pointed there, so tests never write into the project."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from azure_tabular.data import load_csv
from azure_tabular.evaluate import evaluate_run
from azure_tabular.registry import ModelRegistry
from azure_tabular.train import train

SAMPLE_CSV = Path(__file__).resolve().parents[1] / "data" / "sample.csv"
MODEL_NAME = "test-model"


@pytest.fixture(autouse=True)
def isolated_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("RUNS_DIR", str(tmp_path / "runs"))
    monkeypatch.setenv("MODEL_REGISTRY_DIR", str(tmp_path / "model-registry"))
    monkeypatch.setenv("MODEL_NAME", MODEL_NAME)
    monkeypatch.setenv("DATA_PATH", str(SAMPLE_CSV))
    # Tests never log to an MLflow server or ./mlruns, even when mlflow is installed.
    monkeypatch.setenv("TRACKING_BACKEND", "file")
    monkeypatch.delenv("MODEL_PATH", raising=False)
    monkeypatch.delenv("TRAIN_ON_STARTUP", raising=False)
    return tmp_path


@pytest.fixture(scope="session")
def sample_csv() -> Path:
    return SAMPLE_CSV


@pytest.fixture(scope="session")
def sample_frame() -> pd.DataFrame:
    return load_csv(SAMPLE_CSV)


@pytest.fixture()
def sample_df(sample_frame: pd.DataFrame) -> pd.DataFrame:
    """A copy tests may modify."""
    return sample_frame.copy()


@pytest.fixture()
def registry(isolated_environment: Path) -> ModelRegistry:
    return ModelRegistry(isolated_environment / "model-registry", MODEL_NAME)


@pytest.fixture()
def champion_registry(registry: ModelRegistry, isolated_environment: Path) -> ModelRegistry:
    """A registry whose champion is a model trained on the sample data."""
    result = train(SAMPLE_CSV, isolated_environment / "runs")
    decision, _ = evaluate_run(result.run_dir, registry)
    assert decision.promote, decision.reasons
    return registry
