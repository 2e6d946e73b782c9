"""Train the churn model: `python -m <package>.train [--data data/sample.csv] [--runs-dir runs]`.

Validates the data, fits the project's model (see `classifier` and `model`) on the
training split, scores it on the held-out split, and writes the model, drift reference
and metadata to `runs/<run_id>/`. `runs/latest.json` points at the newest run for `evaluate`.

Launched by torchrun or a cluster's distributed job, every process trains (the framework
synchronises them) and only rank 0 writes the run.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

import pandas as pd

from . import config, model
from .artifacts import ModelBundle, save_bundle, write_json
from .classifier import fit_classifier
from .data import SPLIT_SEED, features, load_csv, split_dataset
from .drift import build_reference
from .metrics import classification_metrics
from .schema import FEATURES, TARGET
from .tracking import start_run
from .validation import DataValidationError, validate

LATEST_RUN_FILE = "latest.json"


@dataclass(frozen=True)
class TrainResult:
    """Where a run was written and how it scored on the held-out split."""

    run_id: str
    run_dir: Path
    metrics: dict[str, float]


def fit_bundle(frame: pd.DataFrame) -> tuple[ModelBundle, dict[str, float]]:
    """Validate `frame`, fit on its training split; return the bundle and held-out metrics."""
    validate(frame).raise_if_invalid()
    split = split_dataset(frame)
    classifier = fit_classifier(split.train)
    metrics = classification_metrics(split.test[TARGET], classifier.positive_probability(split.test))
    metadata = {
        "trained_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "features": list(FEATURES),
        "target": TARGET,
        "n_train": len(split.train),
        "n_test": len(split.test),
        "metrics": metrics,
        "framework": model.FRAMEWORK,
        "framework_version": model.FRAMEWORK_VERSION,
    }
    reference = build_reference(features(split.train))
    return ModelBundle(model=classifier, reference=reference, metadata=metadata), metrics


def train(data_path: Path, runs_dir: Path) -> TrainResult | None:
    """Train on the CSV at `data_path` and record the run under `runs_dir`.

    Returns None in the processes of a distributed job other than rank 0, which write nothing.
    """
    bundle, metrics = fit_bundle(load_csv(data_path))
    if config.process_rank() != 0:
        return None
    with start_run(runs_dir, experiment=config.model_name()) as run:
        run.log_params({**model.HYPERPARAMETERS, "split_seed": SPLIT_SEED, "data_path": str(data_path)})
        run.log_metrics(metrics)
        bundle.metadata.update(run_id=run.run_id, data_path=str(data_path), data_sha256=_sha256(data_path))
        save_bundle(run.run_dir, bundle)
    write_json(runs_dir / LATEST_RUN_FILE, {"run_id": run.run_id, "run_dir": str(run.run_dir)})
    return TrainResult(run_id=run.run_id, run_dir=run.run_dir, metrics=metrics)


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Train the model and record a run.")
    parser.add_argument("--data", type=Path, default=config.data_path(), help="training CSV")
    parser.add_argument("--runs-dir", type=Path, default=config.runs_dir(), help="where runs are written")
    args = parser.parse_args(argv)
    try:
        result = train(args.data, args.runs_dir)
    except DataValidationError as error:
        print(f"invalid training data in {args.data}:\n{error}", file=sys.stderr)
        return 2
    if result is not None:
        print(
            json.dumps(
                {"run_id": result.run_id, "run_dir": str(result.run_dir), "metrics": result.metrics}, indent=2
            )
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
