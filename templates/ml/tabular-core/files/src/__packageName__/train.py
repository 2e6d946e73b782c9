"""Train the churn model: `python -m <package>.train [--data data/sample.csv] [--runs-dir runs]`.

Validates the data, splits it into training, validation and test rows (see `data`), fits
the project's model (see `classifier` and `model`) on the training rows while watching the
validation rows, and writes to `runs/<run_id>/`: the model, its drift reference, the
fingerprints of every split, validation metrics, the learning curve and permutation
importance (in `metadata.json`, and as PNGs under `plots/`). The test rows are left to the
gate. `runs/latest.json` points at the newest run for `evaluate`.

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
from .artifacts import PLOTS_DIR, ModelBundle, save_bundle, write_json
from .classifier import fit_classifier
from .data import SPLIT_SALT, Split, data_source, load_csv, split_dataset
from .drift import build_reference
from .importance import permutation_importance
from .metrics import classification_metrics
from .plots import IMPORTANCE_FILE, LEARNING_CURVE_FILE, importance_png, learning_curve_png
from .schema import FEATURES, SEGMENT_COLUMNS, TARGET
from .tracking import start_run
from .validation import DataValidationError, validate

LATEST_RUN_FILE = "latest.json"


@dataclass(frozen=True)
class TrainResult:
    """Where a run was written and how it scored on the validation rows."""

    run_id: str
    run_dir: Path
    metrics: dict[str, float]


def describe_splits(split: Split) -> dict[str, dict[str, object]]:
    """Rows, positive rate and a fingerprint of the row set of each split."""
    described = {}
    for name, fingerprints in split.fingerprints().items():
        labels = split.part(name)[TARGET]
        described[name] = {
            "rows": len(fingerprints),
            "positive_rate": float(labels.mean()) if len(labels) else 0.0,
            "fingerprint": hashlib.sha256("\n".join(fingerprints).encode()).hexdigest()[:16],
        }
    return described


def fit_bundle(frame: pd.DataFrame) -> tuple[ModelBundle, dict[str, float]]:
    """Validate `frame` and fit on its training rows; return the bundle and validation metrics."""
    validate(frame).raise_if_invalid()
    split = split_dataset(frame)
    classifier, curve = fit_classifier(split.train, split.validation)
    validation_probability = classifier.positive_probability(split.validation)
    metrics = classification_metrics(split.validation[TARGET], validation_probability)
    metadata = {
        "trained_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "features": list(FEATURES),
        "target": TARGET,
        "segment_columns": list(SEGMENT_COLUMNS),
        "split_salt": SPLIT_SALT,
        "splits": describe_splits(split),
        "metrics": {"validation": metrics},
        "diagnostics": {
            "learning_curve": curve,
            "importance": permutation_importance(classifier, split.validation),
        },
        "framework": model.FRAMEWORK,
        "framework_version": model.FRAMEWORK_VERSION,
    }
    reference = build_reference(split.train, validation_probability)
    bundle = ModelBundle(classifier, reference, metadata, rows=split.fingerprints())
    return bundle, metrics


def train(data_path: Path, runs_dir: Path) -> TrainResult | None:
    """Train on the CSV at `data_path` and record the run under `runs_dir`.

    Returns None in the processes of a distributed job other than rank 0, which write nothing.
    """
    bundle, metrics = fit_bundle(load_csv(data_path))
    if config.process_rank() != 0:
        return None
    source = data_source(data_path)
    with start_run(runs_dir, experiment=config.model_name()) as run:
        run.log_params({**model.HYPERPARAMETERS, "split_salt": SPLIT_SALT, **_prefixed("data", source)})
        run.log_metrics(_prefixed("validation", metrics))
        bundle.metadata.update(run_id=run.run_id, data=source)
        diagnostics = bundle.metadata["diagnostics"]
        learning_curve_png(diagnostics["learning_curve"], run.run_dir / PLOTS_DIR / LEARNING_CURVE_FILE)
        importance_png(diagnostics["importance"], run.run_dir / PLOTS_DIR / IMPORTANCE_FILE)
        save_bundle(run.run_dir, bundle)
    write_json(runs_dir / LATEST_RUN_FILE, {"run_id": run.run_id, "run_dir": str(run.run_dir)})
    return TrainResult(run_id=run.run_id, run_dir=run.run_dir, metrics=metrics)


def _prefixed(prefix: str, values: dict[str, object]) -> dict[str, object]:
    return {f"{prefix}_{key}": value for key, value in values.items() if value is not None}


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
