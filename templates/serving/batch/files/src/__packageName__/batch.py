"""Batch scoring: `python -m <package>.batch --input customers.csv --output scored.csv`.

Validates the input against the schema (the target column is not required), scores
every row with the model chosen by `inference.load_model` (`--model-path`, MODEL_PATH,
or the registry champion), and writes the input columns plus `prediction`,
`probability` and `model_version`. Beside the output, `<output>.drift.json` holds the drift
report of the batch against the model's reference (see `drift_report`): its features, its
predictions and, when the input is labelled, its target. Exit code 2 and a list of problems
for invalid input. With `PUSHGATEWAY_URL` set, the drift is pushed there as the online
service's gauges (`feature_drift_psi`, `prediction_drift_psi`, `drift_window_rows`,
`instance="batch"`), so drift of batch-scored data reaches the same dashboards and alerts.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

import pandas as pd
from prometheus_client import CollectorRegistry

from .artifacts import IncompatibleModelError, ModelBundle, write_json
from .data import load_csv
from .drift import create_prediction_psi_gauge, create_psi_gauge, create_window_rows_gauge, publish_psi
from .drift_report import drift_report
from .inference import ModelNotFoundError, load_model, predict
from .metrics_push import BATCH_INSTANCE, push, pushgateway_url
from .policy import PolicyError, load_policy
from .schema import TARGET
from .validation import DataValidationError, validate


def score_frame(bundle: ModelBundle, frame: pd.DataFrame) -> pd.DataFrame:
    """`frame` with prediction, probability and model version columns appended."""
    validate(frame, require_target=False).raise_if_invalid()
    scored = pd.concat([frame, predict(bundle, frame)], axis=1)
    scored["model_version"] = bundle.version_label
    return scored


def drift_report_path(output_path: Path) -> Path:
    return output_path.with_name(output_path.name + ".drift.json")


def score_file(bundle: ModelBundle, input_path: Path, output_path: Path) -> tuple[int, dict[str, Any]]:
    """Score the CSV at `input_path` into `output_path`, write its drift report and push its drift.

    Returns the number of rows and the report.
    """
    frame = load_csv(input_path)
    scored = score_frame(bundle, frame)
    output_path.parent.mkdir(parents=True, exist_ok=True)
    scored.to_csv(output_path, index=False)
    # Labels arrive later than features: whichever rows have one show the target's drift.
    labels = frame[TARGET].dropna().to_numpy(dtype=float) if TARGET in frame.columns else None
    probabilities = scored["probability"].to_numpy()
    report = drift_report(
        bundle.reference, frame, load_policy().drift, predictions=probabilities, labels=labels
    )
    write_json(drift_report_path(output_path), {"model_version": bundle.version_label, **report})
    if pushgateway_url() is not None:
        try:
            push_drift(report)
        except OSError as error:
            # The scores are written; missing PSI raises the drift-unknown alert instead.
            print(f"could not push the drift metrics: {error}", file=sys.stderr)
    return len(scored), report


def push_drift(report: dict[str, Any]) -> None:
    """Push the batch's drift report as the service's gauges, replacing the last run's.

    The rows always; the features' and predictions' PSI only when the batch holds the policy's
    minimum rows, as the service publishes them: a batch too small to judge leaves drift unknown.
    """
    registry = CollectorRegistry()
    create_window_rows_gauge(registry).set(report["rows"])
    if "features" in report:
        psi = {feature: check["psi"] for feature, check in report["features"].items()}
        publish_psi(create_psi_gauge(registry), psi)
    if "prediction" in report:
        create_prediction_psi_gauge(registry).set(report["prediction"]["psi"])
    push(registry, BATCH_INSTANCE)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Score a CSV file with the champion model.")
    parser.add_argument("--input", type=Path, required=True, help="CSV with the feature columns")
    parser.add_argument("--output", type=Path, required=True, help="where to write the scored CSV")
    parser.add_argument("--model-path", type=Path, help="model folder (default: MODEL_PATH or the champion)")
    args = parser.parse_args(argv)
    try:
        bundle = load_model(args.model_path)
        rows, report = score_file(bundle, args.input, args.output)
    except DataValidationError as error:
        print(f"invalid input {args.input}:\n{error}", file=sys.stderr)
        return 2
    except (ModelNotFoundError, IncompatibleModelError, PolicyError) as error:
        print(error, file=sys.stderr)
        return 2
    print(f"scored {rows} rows with model {bundle.version_label} into {args.output}")
    print(f"drift: {report['status']} (report: {drift_report_path(args.output)})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
