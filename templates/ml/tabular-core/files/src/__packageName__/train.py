"""Train the churn model: `python -m <package>.train [--data data/sample.csv] [--runs-dir runs]`.

Validates the data, fits a deterministic scikit-learn pipeline on the training split,
scores it on the held-out split, and writes the model, drift reference and metadata to
`runs/<run_id>/`. `runs/latest.json` points at the newest run for `evaluate`.
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
import sklearn
from sklearn.compose import ColumnTransformer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

from . import config
from .artifacts import ModelBundle, save_bundle, write_json
from .data import SPLIT_SEED, features, load_csv, split_dataset
from .drift import build_reference
from .metrics import classification_metrics
from .schema import CATEGORICAL_FEATURES, CATEGORICAL_NAMES, FEATURES, NUMERIC_NAMES, TARGET
from .tracking import start_run
from .validation import DataValidationError, validate

LATEST_RUN_FILE = "latest.json"
HYPERPARAMETERS = {"C": 1.0, "max_iter": 1000}


@dataclass(frozen=True)
class TrainResult:
    """Where a run was written and how it scored on the held-out split."""

    run_id: str
    run_dir: Path
    metrics: dict[str, float]


def build_pipeline() -> Pipeline:
    """Scaling + one-hot encoding + logistic regression; the lbfgs solver is deterministic."""
    preprocess = ColumnTransformer(
        [
            ("numeric", StandardScaler(), list(NUMERIC_NAMES)),
            (
                "categorical",
                # Fixed categories keep the feature layout independent of the rows seen.
                OneHotEncoder(
                    categories=[list(f.categories) for f in CATEGORICAL_FEATURES],
                    handle_unknown="ignore",
                ),
                list(CATEGORICAL_NAMES),
            ),
        ]
    )
    classifier = LogisticRegression(**HYPERPARAMETERS)
    return Pipeline([("preprocess", preprocess), ("classifier", classifier)])


def fit_bundle(frame: pd.DataFrame) -> tuple[ModelBundle, dict[str, float]]:
    """Validate `frame`, fit on its training split; return the bundle and held-out metrics."""
    validate(frame).raise_if_invalid()
    split = split_dataset(frame)
    model = build_pipeline().fit(features(split.train), split.train[TARGET])
    metrics = classification_metrics(model, features(split.test), split.test[TARGET])
    metadata = {
        "trained_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "features": list(FEATURES),
        "target": TARGET,
        "n_train": len(split.train),
        "n_test": len(split.test),
        "metrics": metrics,
        "sklearn_version": sklearn.__version__,
    }
    bundle = ModelBundle(model=model, reference=build_reference(features(split.train)), metadata=metadata)
    return bundle, metrics


def train(data_path: Path, runs_dir: Path) -> TrainResult:
    """Train on the CSV at `data_path` and record the run under `runs_dir`."""
    bundle, metrics = fit_bundle(load_csv(data_path))
    with start_run(runs_dir, experiment=config.model_name()) as run:
        run.log_params({**HYPERPARAMETERS, "split_seed": SPLIT_SEED, "data_path": str(data_path)})
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
    print(
        json.dumps(
            {"run_id": result.run_id, "run_dir": str(result.run_dir), "metrics": result.metrics}, indent=2
        )
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
