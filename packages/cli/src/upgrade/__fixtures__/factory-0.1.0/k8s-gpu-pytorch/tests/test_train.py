import json
from pathlib import Path

import numpy as np
import pandas as pd

from k8s_gpu_pytorch import model
from k8s_gpu_pytorch.__main__ import main as package_cli
from k8s_gpu_pytorch.artifacts import load_bundle
from k8s_gpu_pytorch.data import split_dataset
from k8s_gpu_pytorch.evaluate import gate
from k8s_gpu_pytorch.schema import FEATURES
from k8s_gpu_pytorch.train import main, train


def test_train_writes_run_artifacts(sample_csv: Path, tmp_path: Path) -> None:
    result = train(sample_csv, tmp_path / "runs")
    for name in ("encoder.json", "reference.json", "metadata.json", "params.json", "metrics.json"):
        assert (result.run_dir / name).is_file(), name
    metadata = json.loads((result.run_dir / "metadata.json").read_text())
    assert metadata["features"] == list(FEATURES)
    assert metadata["run_id"] == result.run_id
    assert metadata["framework"] == model.FRAMEWORK
    reference = json.loads((result.run_dir / "reference.json").read_text())
    assert set(reference["numeric"]) | set(reference["categorical"]) == set(FEATURES)
    latest = json.loads((tmp_path / "runs" / "latest.json").read_text())
    assert latest["run_id"] == result.run_id


def test_model_beats_baseline_on_held_out_split(
    sample_csv: Path, tmp_path: Path, sample_df: pd.DataFrame
) -> None:
    result = train(sample_csv, tmp_path / "runs")
    decision = gate(load_bundle(result.run_dir).model, split_dataset(sample_df))
    challenger, baseline = decision.scores["challenger"], decision.scores["baseline"]
    assert challenger["roc_auc"] > 0.7
    assert challenger["roc_auc"] > baseline["roc_auc"] + 0.15
    assert challenger["accuracy"] > baseline["accuracy"]


def test_training_is_deterministic(sample_csv: Path, tmp_path: Path, sample_df: pd.DataFrame) -> None:
    first = train(sample_csv, tmp_path / "first")
    second = train(sample_csv, tmp_path / "second")
    assert first.metrics == second.metrics
    np.testing.assert_array_equal(
        load_bundle(first.run_dir).model.positive_probability(sample_df),
        load_bundle(second.run_dir).model.positive_probability(sample_df),
    )


def test_cli_rejects_invalid_data(tmp_path: Path, sample_df: pd.DataFrame, capsys) -> None:
    bad = tmp_path / "bad.csv"
    sample_df.drop(columns=["age"]).to_csv(bad, index=False)
    assert main(["--data", str(bad), "--runs-dir", str(tmp_path / "runs")]) == 2
    assert "age: column is missing" in capsys.readouterr().err
    assert not (tmp_path / "runs").exists()


def test_package_command_line_runs_train(sample_csv: Path, tmp_path: Path, capsys) -> None:
    assert package_cli([]) == 2
    assert "train,evaluate" in capsys.readouterr().err
    assert package_cli(["train", "--data", str(sample_csv), "--runs-dir", str(tmp_path / "runs")]) == 0
    assert (tmp_path / "runs" / "latest.json").is_file()
