import json
import os
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

torch = pytest.importorskip("torch", reason="PyTorch is not installed: pip install -e .[dev]")

from k8s_gpu_pytorch import model  # noqa: E402
from k8s_gpu_pytorch.artifacts import load_bundle  # noqa: E402
from k8s_gpu_pytorch.data import split_dataset  # noqa: E402
from k8s_gpu_pytorch.evaluate import gate  # noqa: E402
from k8s_gpu_pytorch.registry import ModelRegistry  # noqa: E402
from k8s_gpu_pytorch.train import train  # noqa: E402

PACKAGE = "k8s_gpu_pytorch"
SRC = Path(__file__).resolve().parents[1] / "src"
LAUNCHER_VARIABLES = ("RANK", "WORLD_SIZE", "LOCAL_RANK", "MASTER_ADDR", "MASTER_PORT")


def test_run_holds_the_network_weights(sample_csv: Path, tmp_path: Path, sample_df: pd.DataFrame) -> None:
    result = train(sample_csv, tmp_path / "runs")
    assert (result.run_dir / "model.pt").is_file()
    # The file is tensors and plain data only: it loads with weights_only, not as a pickle.
    payload = torch.load(result.run_dir / "model.pt", weights_only=True)
    assert payload["hidden_sizes"] == model.HYPERPARAMETERS["hidden_sizes"]
    probability = load_bundle(result.run_dir).model.positive_probability(sample_df)
    assert ((probability > 0) & (probability < 1)).all()


def test_champion_from_another_torch_version_still_loads(champion_registry: ModelRegistry) -> None:
    metadata_file = champion_registry.champion().path / "metadata.json"
    metadata = json.loads(metadata_file.read_text())
    metadata["framework_version"] = "1.0.0"
    metadata_file.write_text(json.dumps(metadata))
    assert champion_registry.champion().load().metadata["framework_version"] == "1.0.0"


@pytest.mark.skipif(
    not torch.distributed.is_available(), reason="this PyTorch build has no torch.distributed"
)
def test_torchrun_with_two_processes_writes_one_run(
    sample_csv: Path, tmp_path: Path, sample_df: pd.DataFrame
) -> None:
    runs = tmp_path / "runs"
    env = {key: value for key, value in os.environ.items() if key not in LAUNCHER_VARIABLES}
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(SRC), env.get("PYTHONPATH")]))
    env.update(RUNS_DIR=str(runs), DATA_PATH=str(sample_csv), TRACKING_BACKEND="file")
    # torchrun's module form, so no torchrun script is needed on PATH. Explicit output flags:
    # before 2.0, torchrun on Python 3.11 cannot parse its own default for them ("0").
    command = [sys.executable, "-m", "torch.distributed.run", "--standalone", "--nproc_per_node", "2"]
    command += ["--redirects", "1", "--tee", "1"]
    completed = subprocess.run(
        [*command, "-m", PACKAGE, "train"],
        cwd=tmp_path, env=env, capture_output=True, text=True, timeout=600, check=False,
    )
    assert completed.returncode == 0, completed.stderr
    run_dirs = [path for path in runs.iterdir() if path.is_dir()]
    assert len(run_dirs) == 1, run_dirs
    assert json.loads((runs / "latest.json").read_text())["run_dir"] == str(run_dirs[0])
    # Only rank 0 reports its run (torchrun prefixes each line with the worker).
    assert completed.stdout.count('"run_id"') == 1, completed.stdout
    decision = gate(load_bundle(run_dirs[0]).model, split_dataset(sample_df))
    assert decision.scores["challenger"]["roc_auc"] > decision.scores["baseline"]["roc_auc"] + 0.15
