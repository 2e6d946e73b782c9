"""The model policy: what a challenger must show to be promoted, when data has drifted, and
what the model card states about intended use.

It is declared in `ai-factory.config.ts` (`gate()`, `drift()`, `modelCard()`) and synthesized
into the managed `model_policy.json` beside this module by `npm run synth`. Without that file
(the package run on its own) the defaults below apply; they are the declaration's defaults.
A key this code does not know is an error, never ignored: a threshold that is declared but
not enforced would be worse than none.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from . import config


class PolicyError(ValueError):
    """The policy file cannot be read as a model policy."""


@dataclass(frozen=True)
class GatePolicy:
    """The promotion gate (see `gate`)."""

    metric: str = "roc_auc"  # roc_auc, log_loss or brier: what challenger and champion are compared on
    min_improvement: float = 0.0  # the interval's lower bound must exceed this
    confidence: float = 0.95
    resamples: int = 1000
    baseline_score: str = "log_loss"  # log_loss or brier: the proper score the class prior is beaten on
    min_held_out_rows: int = 200
    max_segment_gap: float = 0.1  # largest allowed metric gap between segments
    min_segment_rows: int = 50  # smaller segments are reported but not compared


@dataclass(frozen=True)
class DriftPolicy:
    """When live or new data no longer looks like the training data (see `drift_report`)."""

    psi_warning: float = 0.1
    psi_critical: float = 0.25
    p_value: float = 0.01  # significance of the KS and chi-square tests
    min_rows: int = 100  # below this, the report says there is too little data to judge


@dataclass(frozen=True)
class ModelCardPolicy:
    """What the model card says the model is for, and is not."""

    intended_use: str = ""
    limitations: tuple[str, ...] = ()


@dataclass(frozen=True)
class ModelPolicy:
    gate: GatePolicy = field(default_factory=GatePolicy)
    drift: DriftPolicy = field(default_factory=DriftPolicy)
    model_card: ModelCardPolicy = field(default_factory=ModelCardPolicy)
    source: str = "defaults"  # the file it was read from

    def to_dict(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "gate": _as_dict(self.gate),
            "drift": _as_dict(self.drift),
            "model_card": _as_dict(self.model_card),
        }


def load_policy(path: Path | None = None) -> ModelPolicy:
    """The policy in `path` (default: `config.model_policy_path()`); the defaults when there is no file."""
    path = path or config.model_policy_path()
    if not path.is_file():
        return ModelPolicy()
    try:
        payload = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as error:
        raise PolicyError(f"{path} is not valid JSON: {error}") from error
    sections = {"gate": GatePolicy(), "drift": DriftPolicy(), "model_card": ModelCardPolicy()}
    unknown = set(payload) - set(sections) - {"notice"}
    if unknown:
        raise PolicyError(f"{path}: unknown sections {sorted(unknown)}")
    parsed = {
        name: _parse(default, payload.get(name, {}), f"{path}: {name}") for name, default in sections.items()
    }
    return ModelPolicy(**parsed, source=str(path))


def _parse(default: Any, values: dict[str, Any], where: str) -> Any:
    known = {f.name: type(getattr(default, f.name)) for f in fields(default)}
    unknown = set(values) - set(known)
    if unknown:
        raise PolicyError(f"{where}: unknown keys {sorted(unknown)}")
    checked = {}
    for key, value in values.items():
        expected = known[key]
        if expected is tuple and isinstance(value, list) and all(isinstance(v, str) for v in value):
            value = tuple(value)
        elif expected is float and isinstance(value, int) and not isinstance(value, bool):
            value = float(value)
        if not isinstance(value, expected) or isinstance(value, bool):
            raise PolicyError(f"{where}.{key}: expected {expected.__name__}, got {value!r}")
        checked[key] = value
    return replace(default, **checked)


def _as_dict(section: Any) -> dict[str, Any]:
    return {
        f.name: (list(v) if isinstance(v := getattr(section, f.name), tuple) else v) for f in fields(section)
    }
