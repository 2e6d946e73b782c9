"""The model card of a registered version: `model_card.json` and the same facts as `model_card.md`.

Everything in it comes from the version's metadata (data, splits, training diagnostics and the
gate's evaluation) and from the model policy (intended use and limitations, declared in
`ai-factory.config.ts`), so the card states what was measured and declared, nothing more.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .artifacts import write_json
from .data import SPLIT_NAMES
from .metrics import METRICS
from .policy import ModelCardPolicy

CARD_JSON = "model_card.json"
CARD_MARKDOWN = "model_card.md"
NOT_DECLARED = "Not declared: state it with modelCard({ intendedUse }) in ai-factory.config.ts."


def model_card(metadata: dict[str, Any], declared: ModelCardPolicy) -> dict[str, Any]:
    """The card's facts, as plain data."""
    evaluation = metadata["evaluation"]
    diagnostics = metadata.get("diagnostics", {})
    return {
        "model": {
            "name": metadata["model_name"],
            "version": metadata["version"],
            "run_id": metadata.get("run_id"),
            "framework": f"{metadata['framework']} {metadata['framework_version']}",
            "registered_at": metadata["registered_at"],
        },
        "intended_use": declared.intended_use or NOT_DECLARED,
        "limitations": list(declared.limitations),
        "data": metadata["data"],
        "splits": metadata["splits"],
        "features": metadata["features"],
        "target": metadata["target"],
        "held_out": evaluation["held_out"],
        "metrics": evaluation["intervals"],
        "baseline": evaluation["comparisons"].get("baseline"),
        "champion_comparison": evaluation["comparisons"].get("champion"),
        "calibration": evaluation["calibration"].get("challenger"),
        "segments": evaluation["segments"],
        "importance": diagnostics.get("importance", []),
        "learning_curve": {k: v for k, v in diagnostics.get("learning_curve", {}).items() if k != "points"},
        "decision": {"promote": evaluation["promote"], "reasons": evaluation["reasons"]},
        "policy": evaluation["policy"],
    }


def write_model_card(directory: Path, metadata: dict[str, Any], declared: ModelCardPolicy) -> dict[str, Any]:
    """Write both forms of the card into `directory`; returns the card."""
    card = model_card(metadata, declared)
    write_json(directory / CARD_JSON, card)
    (directory / CARD_MARKDOWN).write_text(render_markdown(card), encoding="utf-8")
    return card


def _number(value: float | None, digits: int = 4) -> str:
    """A number as text; undefined ones (written as null) as n/a."""
    return "n/a" if value is None else f"{value:.{digits}f}"


def _interval(values: dict[str, float | None]) -> str:
    return f"{_number(values['value'])} [{_number(values['low'])}, {_number(values['high'])}]"


def _data_lines(card: dict[str, Any]) -> list[str]:
    data = card["data"]
    lines = [
        f"- Source: `{data['uri']}`, version {data.get('version') or 'not given'}, sha256 `{data['sha256']}`"
    ]
    for name in SPLIT_NAMES:
        split = card["splits"][name]
        lines.append(
            f"- {name}: {split['rows']} rows, positive rate {_number(split['positive_rate'], 3)}, "
            f"fingerprint `{split['fingerprint']}`"
        )
    lines.append(f"- Held out for the gate: {card['held_out']['rows']} rows seen by no model")
    return lines


def _metric_lines(card: dict[str, Any]) -> list[str]:
    lines = ["| model | " + " | ".join(METRICS) + " |", "|---" * (len(METRICS) + 1) + "|"]
    for model, intervals in card["metrics"].items():
        lines.append(f"| {model} | " + " | ".join(_interval(intervals[name]) for name in METRICS) + " |")
    return lines


def _segment_lines(card: dict[str, Any]) -> list[str]:
    lines = []
    for column, report in card["segments"].items():
        scores = ", ".join(
            f"{s['segment']} {_number(s['metrics'][report['metric']], 3)} ({s['rows']} rows)"
            for s in report["segments"]
        )
        lines.append(f"- {column}, {report['metric']}: {scores}; largest gap {_number(report['gap'])}")
    return lines


def render_markdown(card: dict[str, Any]) -> str:
    """The card as a Markdown page, in the order a reviewer reads it."""
    model, calibration, decision = card["model"], card["calibration"], card["decision"]
    confidence = round(card["policy"]["confidence"] * 100)
    sections = {
        f"Model card: {model['name']} v{model['version']}": [
            f"Run `{model['run_id']}`, {model['framework']}, registered {model['registered_at']}."
        ],
        "Intended use": [card["intended_use"]],
        "Limitations": [f"- {item}" for item in card["limitations"]] or ["None declared."],
        "Data": _data_lines(card),
        f"Held-out metrics ({confidence}% bootstrap intervals)": _metric_lines(card),
        "Calibration": [
            f"Brier score {_number(calibration['brier'])}, expected calibration error "
            f"{_number(calibration['expected_calibration_error'])}; the curve is plots/reliability.png."
        ],
        f"Segments ({card['policy']['metric']} per segment, held-out rows)": _segment_lines(card),
        "Permutation importance (validation rows)": [
            f"- {r['feature']}: ROC AUC drop {_number(r['roc_auc_drop'])} ± {_number(r['roc_auc_drop_std'])}"
            for r in card["importance"]
        ],
        "Gate decision": [
            "Promoted." if decision["promote"] else "Not promoted.",
            "",
            *(f"- {reason}" for reason in decision["reasons"]),
        ],
    }
    lines: list[str] = []
    for index, (heading, body) in enumerate(sections.items()):
        lines += [f"{'#' if index == 0 else '##'} {heading}", "", *body, ""]
    return "\n".join(lines)
