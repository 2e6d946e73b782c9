"""Batch scoring: `python -m <package>.batch --input customers.csv --output scored.csv`.

Validates the input against the schema (the target column is not required), scores
every row with the model chosen by `inference.load_model` (`--model-path`, MODEL_PATH,
or the registry champion), and writes the input columns plus `prediction`,
`probability` and `model_version`. Exit code 2 and a list of problems for invalid input.
With `PUSHGATEWAY_URL` set, the PSI of the scored rows against the training reference is
pushed there (`feature_drift_psi`, `drift_window_rows`, `instance="batch"`), so drift of
batch-scored data reaches the same dashboards and alerts as the online service's.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import pandas as pd
from prometheus_client import CollectorRegistry, Gauge

from .artifacts import IncompatibleModelError, ModelBundle
from .data import load_csv
from .drift import create_psi_gauge, feature_psi, publish_psi
from .inference import ModelNotFoundError, load_model, predict
from .metrics_push import BATCH_INSTANCE, push, pushgateway_url
from .validation import DataValidationError, validate


def score_frame(bundle: ModelBundle, frame: pd.DataFrame) -> pd.DataFrame:
    """`frame` with prediction, probability and model version columns appended."""
    validate(frame, require_target=False).raise_if_invalid()
    scored = pd.concat([frame, predict(bundle, frame)], axis=1)
    scored["model_version"] = bundle.version_label
    return scored


def score_file(bundle: ModelBundle, input_path: Path, output_path: Path) -> int:
    """Score the CSV at `input_path` into `output_path`; returns the number of rows."""
    frame = load_csv(input_path)
    scored = score_frame(bundle, frame)
    output_path.parent.mkdir(parents=True, exist_ok=True)
    scored.to_csv(output_path, index=False)
    if pushgateway_url() is not None:
        try:
            push_drift(bundle, frame)
        except OSError as error:
            # The scores are written; missing PSI raises the drift-unknown alert instead.
            print(f"could not push the drift metrics: {error}", file=sys.stderr)
    return len(scored)


def push_drift(bundle: ModelBundle, frame: pd.DataFrame) -> None:
    """Push the PSI of the scored rows of `frame` and their count (the service's gauge names)."""
    registry = CollectorRegistry()
    publish_psi(create_psi_gauge(registry), feature_psi(bundle.reference, frame))
    Gauge("drift_window_rows", "Rows the drift gauges are computed over", registry=registry).set(len(frame))
    push(registry, BATCH_INSTANCE)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Score a CSV file with the champion model.")
    parser.add_argument("--input", type=Path, required=True, help="CSV with the feature columns")
    parser.add_argument("--output", type=Path, required=True, help="where to write the scored CSV")
    parser.add_argument("--model-path", type=Path, help="model folder (default: MODEL_PATH or the champion)")
    args = parser.parse_args(argv)
    try:
        bundle = load_model(args.model_path)
        rows = score_file(bundle, args.input, args.output)
    except DataValidationError as error:
        print(f"invalid input {args.input}:\n{error}", file=sys.stderr)
        return 2
    except (ModelNotFoundError, IncompatibleModelError) as error:
        print(error, file=sys.stderr)
        return 2
    print(f"scored {rows} rows with model {bundle.version_label} into {args.output}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
