import json
from pathlib import Path

from azure_tabular.evaluate import main as evaluate_cli
from azure_tabular.registry import ModelRegistry
from azure_tabular.train import train


def test_run_holds_the_fitted_estimator(sample_csv: Path, tmp_path: Path) -> None:
    result = train(sample_csv, tmp_path / "runs")
    assert (result.run_dir / "model.joblib").is_file()


def test_champion_pickled_by_another_sklearn_is_reported(
    sample_csv: Path, champion_registry: ModelRegistry, capsys
) -> None:
    metadata_file = champion_registry.champion().path / "metadata.json"
    metadata = json.loads(metadata_file.read_text())
    metadata["framework_version"] = "0.0.1"
    metadata_file.write_text(json.dumps(metadata))
    train(sample_csv, Path("runs"))
    assert evaluate_cli([]) == 2
    assert "trained with scikit-learn 0.0.1" in capsys.readouterr().err
