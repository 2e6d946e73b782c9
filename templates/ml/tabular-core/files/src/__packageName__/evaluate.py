"""Champion/challenger gate: `python -m <package>.evaluate [--run-dir runs/<id>] [--data labelled.csv]`.

The challenger (a training run) goes through the checks of `gate` with the thresholds of the
model policy (declared in `ai-factory.config.ts`, see `policy`), against the class prior and
the current registry champion. Every number and the decision are written to the run as
`evaluation.json`, with a reliability plot under `plots/`. A promoted challenger is
registered as the next version, with its plots and a model card, and becomes champion.

A run that is already registered is neither gated nor registered again: its recorded
decision is reported. Exit code 0: the run is the champion (promoted now or before);
1: it is not; 2: invalid input.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from . import config
from .artifacts import METADATA_FILE, PLOTS_DIR, IncompatibleModelError, load_bundle, read_json, write_json
from .data import data_source, load_csv
from .gate import gate
from .model_card import write_model_card
from .plots import RELIABILITY_FILE, reliability_png
from .policy import ModelPolicy, PolicyError, load_policy
from .registry import ModelRegistry, ModelVersion
from .train import LATEST_RUN_FILE
from .validation import DataValidationError, validate

EVALUATION_FILE = "evaluation.json"


@dataclass(frozen=True)
class Outcome:
    """What evaluating a run did."""

    evaluation: dict[str, Any]  # the decision and every number behind it, as in evaluation.json
    version: ModelVersion | None  # the run's registry version, if it is registered
    is_champion: bool
    repeated: bool  # the run was registered before: nothing was gated or registered this time

    @property
    def promote(self) -> bool:
        return bool(self.evaluation["promote"])


def evaluate_run(
    run_dir: Path, registry: ModelRegistry, data_path: Path | None = None, policy: ModelPolicy | None = None
) -> Outcome:
    """Gate the run in `run_dir`; register and promote it if it wins.

    The data defaults to the CSV the run was trained on; the gate scores only its rows that
    neither the challenger nor the champion learned from.
    """
    policy = policy or load_policy()
    bundle = load_bundle(run_dir)
    registered = registry.find_run(bundle.metadata["run_id"])
    if registered is not None:
        evaluation = read_json(registered.path / METADATA_FILE)["evaluation"]
        return Outcome(evaluation, registered, registry.champion() == registered, repeated=True)
    path = data_path or Path(bundle.metadata["data"]["path"])
    frame = load_csv(path)
    validate(frame).raise_if_invalid()
    champion = registry.champion()
    decision = gate(bundle, frame, policy.gate, champion.load() if champion else None)
    evaluation = {
        **decision.to_dict(),
        "run_id": bundle.metadata["run_id"],
        "champion": champion.label if champion else None,
        "data": data_source(path),
        "policy_source": policy.source,
        "evaluated_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
    }
    write_json(run_dir / EVALUATION_FILE, evaluation)
    if decision.calibration:
        reliability_png(decision.calibration, run_dir / PLOTS_DIR / RELIABILITY_FILE)
    if not decision.promote:
        return Outcome(evaluation, None, is_champion=False, repeated=False)
    version = registry.register(bundle, {"evaluation": evaluation}, plots_from=run_dir / PLOTS_DIR)
    write_model_card(version.path, read_json(version.path / METADATA_FILE), policy.model_card)
    registry.promote(version.version, decision.reasons)
    return Outcome(evaluation, version, is_champion=True, repeated=False)


def latest_run_dir(runs_dir: Path) -> Path:
    """The run recorded by the last `train`."""
    pointer = runs_dir / LATEST_RUN_FILE
    if not pointer.is_file():
        raise FileNotFoundError(f"no {pointer}: run training first, or pass --run-dir")
    return Path(read_json(pointer)["run_dir"])


def summary(outcome: Outcome, run_dir: Path) -> dict[str, Any]:
    """What the command prints: the decision, its reasons and where the run and champion are."""
    evaluation = outcome.evaluation
    printed: dict[str, Any] = {
        "promote": evaluation["promote"],
        "reasons": evaluation["reasons"],
        "comparisons": evaluation["comparisons"],
        "held_out": evaluation["held_out"],
        "run_dir": str(run_dir),
        "repeated": outcome.repeated,
    }
    if outcome.version is not None:
        printed["registered"] = {"version": outcome.version.label, "path": str(outcome.version.path)}
    printed["is_champion"] = outcome.is_champion
    return printed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="Gate a training run against the class prior and the champion."
    )
    parser.add_argument("--run-dir", type=Path, help="run to evaluate (default: the latest run)")
    parser.add_argument("--data", type=Path, help="labelled CSV (default: the run's training data)")
    parser.add_argument("--registry-dir", type=Path, default=config.registry_dir())
    args = parser.parse_args(argv)
    registry = ModelRegistry(args.registry_dir, config.model_name())
    try:
        run_dir = args.run_dir or latest_run_dir(config.runs_dir())
        outcome = evaluate_run(run_dir, registry, args.data)
    except (DataValidationError, FileNotFoundError, IncompatibleModelError, PolicyError) as error:
        print(error, file=sys.stderr)
        return 2
    print(json.dumps(summary(outcome, run_dir), indent=2))
    return 0 if outcome.is_champion else 1


if __name__ == "__main__":
    raise SystemExit(main())
