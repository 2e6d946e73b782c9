"""The promotion gate: the checks a challenger must pass to replace the champion, and their numbers.

All models are scored on the same held-out rows: rows of the labelled data that neither the
challenger nor the champion learned from (fitted on, or stopped early on), found by their
fingerprints. Then, with the thresholds of the model policy:

1. held-out: at least `min_held_out_rows` such rows, with both labels;
2. baseline: the challenger beats the class prior (the training positive rate for every row) on
   a proper score, `baseline_score`: the lower bound of the paired bootstrap interval of the
   improvement is above 0;
3. champion: the lower bound of the paired interval of the improvement over the champion on
   `metric` is above `min_improvement`; identical predictions are a tie, and a tie fails;
4. segments: for every segment column, the largest gap in `metric` between segments with at
   least `min_segment_rows` rows is at most `max_segment_gap`.

The challenger is promoted only when every check passes.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from .artifacts import IncompatibleModelError, ModelBundle
from .bootstrap import metric_interval, paired_improvement, resample_indices
from .calibration import reliability
from .data import row_fingerprints
from .metrics import METRICS, classification_metrics
from .policy import GatePolicy
from .schema import TARGET
from .segments import segment_metrics


@dataclass(frozen=True)
class Check:
    name: str
    passed: bool
    reason: str


@dataclass
class GateDecision:
    """Whether to promote, why, and every number the decision was based on."""

    promote: bool
    checks: list[Check]
    held_out: dict[str, Any]
    scores: dict[str, dict[str, float]] = field(default_factory=dict)
    intervals: dict[str, dict[str, dict[str, float]]] = field(default_factory=dict)
    comparisons: dict[str, dict[str, Any]] = field(default_factory=dict)
    segments: dict[str, Any] = field(default_factory=dict)
    calibration: dict[str, Any] = field(default_factory=dict)
    policy: dict[str, Any] = field(default_factory=dict)

    @property
    def reasons(self) -> list[str]:
        return [check.reason for check in self.checks]

    def to_dict(self) -> dict[str, Any]:
        return {**asdict(self), "reasons": self.reasons}


def _verdict(passed: bool) -> str:
    return "(pass)" if passed else "(fail)"


def held_out_rows(
    frame: pd.DataFrame, challenger: ModelBundle, champion: ModelBundle | None
) -> tuple[pd.DataFrame, dict[str, int]]:
    """The rows of `frame` neither model learned from, and how many each model's rows excluded."""
    fingerprints = row_fingerprints(frame)
    seen_by_challenger = fingerprints.isin(challenger.seen_rows).to_numpy()
    seen_by_champion = fingerprints.isin(champion.seen_rows if champion else frozenset()).to_numpy()
    held = frame[~(seen_by_challenger | seen_by_champion)].reset_index(drop=True)
    excluded = {
        "seen_by_challenger": int(seen_by_challenger.sum()),
        "seen_by_champion_only": int((seen_by_champion & ~seen_by_challenger).sum()),
    }
    return held, excluded


def gate(
    challenger: ModelBundle,
    frame: pd.DataFrame,
    policy: GatePolicy,
    champion: ModelBundle | None = None,
) -> GateDecision:
    """Score the models on the held-out rows of the labelled `frame` and decide (see the module docstring)."""
    if not challenger.rows:
        raise IncompatibleModelError(
            "the challenger has no rows.json, so its training rows are unknown: retrain it"
        )
    held, excluded_rows = held_out_rows(frame, challenger, champion)
    labels = held[TARGET].to_numpy(dtype=float)
    champion_label = champion.version_label if champion else None
    held_out = {
        "rows": len(held),
        "positives": int(labels.sum()),
        **excluded_rows,
        "champion_rows_recorded": bool(champion.rows) if champion else None,
    }
    enough = len(held) >= policy.min_held_out_rows and 0 < labels.sum() < len(labels)
    by_champion = f" ({excluded_rows['seen_by_champion_only']} more seen by champion {champion_label})"
    if champion is not None and not champion.rows:
        # Registered before rows were fingerprinted: the bias, if any, favours the champion.
        by_champion = f" (champion {champion_label} recorded no rows: some may be rows it trained on)"
    checks = [
        Check(
            "held_out",
            enough,
            f"held-out rows: {len(held)} seen by no model{by_champion if champion else ''}, "
            f"at least {policy.min_held_out_rows} with both labels needed {_verdict(enough)}",
        )
    ]
    decision = GateDecision(promote=False, checks=checks, held_out=held_out, policy=asdict(policy))
    if not enough:
        return decision

    prior = float(challenger.metadata["splits"]["train"]["positive_rate"])
    predictions = {
        "challenger": challenger.model.positive_probability(held),
        "baseline": np.full(len(held), prior),
    }
    if champion is not None:
        predictions["champion"] = champion.model.positive_probability(held)
    indices = resample_indices(len(held), policy.resamples)
    for name, probability in predictions.items():
        decision.scores[name] = classification_metrics(labels, probability)
        decision.intervals[name] = {
            metric: metric_interval(metric, labels, probability, indices, policy.confidence)
            for metric in METRICS
        }
        if name != "baseline":
            decision.calibration[name] = reliability(labels, probability)

    checks.append(_baseline_check(decision, labels, predictions, indices, policy))
    checks.append(_champion_check(decision, labels, predictions, indices, policy, champion_label))
    decision.segments = segment_metrics(
        held, predictions["challenger"], policy.metric, policy.min_segment_rows
    )
    checks.extend(_segment_check(column, report, policy) for column, report in decision.segments.items())
    decision.promote = all(check.passed for check in checks)
    return decision


def _interval_text(comparison: dict[str, Any]) -> str:
    share = round(comparison["confidence"] * 100)
    bounds = f"[{comparison['low']:+.4f}, {comparison['high']:+.4f}]"
    return f"improvement {comparison['improvement']:+.4f}, {share}% interval {bounds}"


def _baseline_check(
    decision: GateDecision,
    labels: np.ndarray,
    predictions: dict[str, np.ndarray],
    indices: np.ndarray,
    policy: GatePolicy,
) -> Check:
    score = policy.baseline_score
    comparison = paired_improvement(
        score, labels, predictions["challenger"], predictions["baseline"], indices, policy.confidence
    )
    decision.comparisons["baseline"] = comparison
    passed = comparison["low"] > 0
    return Check(
        "baseline",
        passed,
        f"{score} {comparison['challenger']:.4f} vs class prior {comparison['reference']:.4f}: "
        f"{_interval_text(comparison)}, lower bound must be above 0 {_verdict(passed)}",
    )


def _champion_check(
    decision: GateDecision,
    labels: np.ndarray,
    predictions: dict[str, np.ndarray],
    indices: np.ndarray,
    policy: GatePolicy,
    champion_label: str | None,
) -> Check:
    if "champion" not in predictions:
        return Check("champion", True, "no champion registered yet (pass)")
    comparison = paired_improvement(
        policy.metric,
        labels,
        predictions["challenger"],
        predictions["champion"],
        indices,
        policy.confidence,
    )
    decision.comparisons["champion"] = comparison
    passed = comparison["low"] > policy.min_improvement and not comparison["identical_predictions"]
    tie = ", identical predictions: a tie" if comparison["identical_predictions"] else ""
    return Check(
        "champion",
        passed,
        f"{policy.metric} {comparison['challenger']:.4f} vs champion {champion_label} "
        f"{comparison['reference']:.4f}: {_interval_text(comparison)}{tie}, "
        f"lower bound must be above {policy.min_improvement:+.4f} {_verdict(passed)}",
    )


def _segment_check(column: str, report: dict[str, Any], policy: GatePolicy) -> Check:
    passed = report["gap"] <= policy.max_segment_gap
    between = f" ({report['worst']} vs {report['best']})" if report["worst"] else ""
    return Check(
        f"segments:{column}",
        passed,
        f"largest {column} gap in {report['metric']}: {report['gap']:.4f}{between}, "
        f"allowed {policy.max_segment_gap:.4f} over segments of at least {policy.min_segment_rows} rows "
        f"{_verdict(passed)}",
    )
