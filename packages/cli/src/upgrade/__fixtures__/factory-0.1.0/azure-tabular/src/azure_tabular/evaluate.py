"""Champion/challenger gate: `python -m <package>.evaluate [--run-dir runs/<id>]`.

The challenger (a training run) is scored on the held-out split of its training data,
next to a trivial baseline (the training positive rate for every row) and the current
registry champion. It is
registered and promoted only if it beats the baseline by a margin and is not worse
than the champion. Exit code 0: promoted; 1: rejected; 2: invalid input.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import numpy as np

from . import config
from .artifacts import IncompatibleModelError, load_bundle, read_json, write_json
from .classifier import Classifier
from .data import Split, load_csv, split_dataset
from .metrics import classification_metrics
from .registry import ModelRegistry, ModelVersion
from .schema import TARGET
from .train import LATEST_RUN_FILE
from .validation import DataValidationError, validate

PRIMARY_METRIC = "roc_auc"
# The challenger must beat the always-predict-the-prior baseline by this much.
MIN_LIFT_OVER_BASELINE = 0.05
# How much worse than the champion a challenger may score and still be promoted.
MAX_REGRESSION_VS_CHAMPION = 0.0


@dataclass(frozen=True)
class GateDecision:
    """Whether to promote, why, and the scores the decision was based on."""

    promote: bool
    reasons: list[str]
    scores: dict[str, dict[str, float]]

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def gate(challenger: Classifier, split: Split, champion: ModelVersion | None = None) -> GateDecision:
    """Score challenger, baseline and champion on `split.test` and decide on promotion."""
    y_test = split.test[TARGET]
    # The baseline knows only the training churn rate: its ROC AUC is 0.5 by construction.
    baseline = np.full(len(split.test), split.train[TARGET].mean())
    scores = {
        "challenger": classification_metrics(y_test, challenger.positive_probability(split.test)),
        "baseline": classification_metrics(y_test, baseline),
    }
    ours, base = scores["challenger"][PRIMARY_METRIC], scores["baseline"][PRIMARY_METRIC]
    lift = ours - base
    beats_baseline = lift >= MIN_LIFT_OVER_BASELINE
    reasons = [
        f"{PRIMARY_METRIC} {ours:.3f} vs baseline {base:.3f}: lift {lift:+.3f}, "
        f"required {MIN_LIFT_OVER_BASELINE:+.3f} ({'pass' if beats_baseline else 'fail'})"
    ]
    holds_champion = True
    if champion is None:
        reasons.append("no champion registered yet")
    else:
        champion_model = champion.load().model
        scores["champion"] = classification_metrics(y_test, champion_model.positive_probability(split.test))
        theirs = scores["champion"][PRIMARY_METRIC]
        holds_champion = ours >= theirs - MAX_REGRESSION_VS_CHAMPION
        reasons.append(
            f"{PRIMARY_METRIC} {ours:.3f} vs champion {champion.label} {theirs:.3f}: "
            f"{'not worse' if holds_champion else 'worse'}, "
            f"allowed regression {MAX_REGRESSION_VS_CHAMPION:.3f} ({'pass' if holds_champion else 'fail'})"
        )
    return GateDecision(promote=beats_baseline and holds_champion, reasons=reasons, scores=scores)


def evaluate_run(
    run_dir: Path, registry: ModelRegistry, data_path: Path | None = None
) -> tuple[GateDecision, ModelVersion | None]:
    """Gate the run in `run_dir`; register and promote it if it wins.

    The data defaults to the CSV the run was trained on, so the held-out rows are the
    ones the challenger never saw. The decision is saved as `evaluation.json` in the run.
    """
    bundle = load_bundle(run_dir)
    frame = load_csv(data_path or Path(bundle.metadata["data_path"]))
    validate(frame).raise_if_invalid()
    decision = gate(bundle.model, split_dataset(frame), registry.champion())
    write_json(run_dir / "evaluation.json", decision.to_dict())
    if not decision.promote:
        return decision, None
    version = registry.register(bundle, {"evaluation": decision.to_dict()})
    return decision, registry.promote(version.version, decision.reasons)


def latest_run_dir(runs_dir: Path) -> Path:
    """The run recorded by the last `train`."""
    pointer = runs_dir / LATEST_RUN_FILE
    if not pointer.is_file():
        raise FileNotFoundError(f"no {pointer}: run training first, or pass --run-dir")
    return Path(read_json(pointer)["run_dir"])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Gate a training run against baseline and champion.")
    parser.add_argument("--run-dir", type=Path, help="run to evaluate (default: the latest run)")
    parser.add_argument("--data", type=Path, help="labelled CSV (default: the run's training data)")
    parser.add_argument("--registry-dir", type=Path, default=config.registry_dir())
    args = parser.parse_args(argv)
    registry = ModelRegistry(args.registry_dir, config.model_name())
    try:
        run_dir = args.run_dir or latest_run_dir(config.runs_dir())
        decision, version = evaluate_run(run_dir, registry, args.data)
    except (DataValidationError, FileNotFoundError, IncompatibleModelError) as error:
        print(error, file=sys.stderr)
        return 2
    summary = {**decision.to_dict(), "run_dir": str(run_dir)}
    if version is not None:
        summary["champion"] = {
            "model_name": version.name,
            "version": version.label,
            "path": str(version.path),
        }
    print(json.dumps(summary, indent=2))
    return 0 if decision.promote else 1


if __name__ == "__main__":
    raise SystemExit(main())
