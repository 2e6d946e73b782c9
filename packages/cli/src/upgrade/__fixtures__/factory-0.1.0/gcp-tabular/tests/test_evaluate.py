import json
from pathlib import Path

import pandas as pd

from gcp_tabular.artifacts import load_bundle, save_bundle
from gcp_tabular.classifier import fit_classifier
from gcp_tabular.data import split_dataset
from gcp_tabular.evaluate import evaluate_run, main
from gcp_tabular.registry import ModelRegistry
from gcp_tabular.schema import FEATURES
from gcp_tabular.train import train


def _weak_run(strong_run: Path, target_dir: Path, frame: pd.DataFrame) -> Path:
    """A copy of a run whose model can only learn from support calls: better than guessing,
    worse than the champion. The other features are shuffled across rows, so they keep their
    distribution but lose their link to the target."""
    train = split_dataset(frame).train.copy()
    for offset, name in enumerate(f for f in FEATURES if f != "support_calls"):
        train[name] = train[name].sample(frac=1.0, random_state=offset).to_numpy()
    bundle = load_bundle(strong_run)
    bundle.model = fit_classifier(train)
    save_bundle(target_dir, bundle)
    return target_dir


def test_first_model_is_promoted(sample_csv: Path, tmp_path: Path, registry: ModelRegistry) -> None:
    run = train(sample_csv, tmp_path / "runs")
    decision, version = evaluate_run(run.run_dir, registry)
    assert decision.promote
    assert any("no champion" in reason for reason in decision.reasons)
    assert version is not None and version.label == "v1"
    assert registry.champion() == version
    assert version.load().metadata["evaluation"]["promote"] is True
    assert (run.run_dir / "evaluation.json").is_file()


def test_worse_challenger_is_rejected(
    tmp_path: Path, champion_registry: ModelRegistry, sample_df: pd.DataFrame
) -> None:
    champion = champion_registry.champion()
    weak_dir = _weak_run(champion.path, tmp_path / "weak-run", sample_df)
    decision, version = evaluate_run(weak_dir, champion_registry)
    assert not decision.promote
    assert version is None
    assert any("champion v1" in reason and reason.endswith("(fail)") for reason in decision.reasons)
    assert decision.scores["challenger"]["roc_auc"] < decision.scores["champion"]["roc_auc"]
    assert champion_registry.champion() == champion
    assert [v.label for v in champion_registry.versions()] == ["v1"]


def test_equal_challenger_is_promoted_as_new_version(
    sample_csv: Path, tmp_path: Path, champion_registry: ModelRegistry
) -> None:
    run = train(sample_csv, tmp_path / "again")
    decision, version = evaluate_run(run.run_dir, champion_registry)
    assert decision.promote, decision.reasons
    assert version.label == "v2"
    assert champion_registry.champion().label == "v2"


def test_cli_gates_latest_run(sample_csv: Path, registry: ModelRegistry, capsys) -> None:
    train(sample_csv, Path("runs"))
    assert main([]) == 0
    assert '"promote": true' in capsys.readouterr().out
    assert registry.champion().label == "v1"


def test_cli_without_runs_explains(capsys) -> None:
    assert main([]) == 2
    assert "run training first" in capsys.readouterr().err


def test_champion_of_another_framework_is_reported(
    sample_csv: Path, champion_registry: ModelRegistry, capsys
) -> None:
    metadata_file = champion_registry.champion().path / "metadata.json"
    metadata = json.loads(metadata_file.read_text())
    metadata["framework"] = "another-framework"
    metadata_file.write_text(json.dumps(metadata))
    train(sample_csv, Path("runs"))
    assert main([]) == 2
    assert "holds a another-framework model" in capsys.readouterr().err
