"""Drift of new data against a model's reference: a test and a size for every feature, the
predictions and, once labels arrive, the target.

Each check pairs a statistical test with the PSI. The test (Kolmogorov-Smirnov for numbers,
chi-square for categories and for the label) says whether the difference is more than sampling
noise; PSI says how large it is. A check is `warning` or `critical` only when both agree: the
test is significant at the policy's p-value and PSI is over the policy's threshold. Alone, PSI
is noisy on small windows and a test flags trivial shifts on large ones. Below the policy's
minimum rows the report says so instead of judging.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np
import pandas as pd
from scipy.stats import chi2_contingency, ks_2samp

from .drift import category_counts, numeric_psi, psi
from .policy import DriftPolicy

SEVERITY = ("stable", "warning", "critical")


def drift_report(
    reference: Mapping[str, Any],
    frame: pd.DataFrame,
    policy: DriftPolicy,
    predictions: np.ndarray | None = None,
    labels: np.ndarray | None = None,
) -> dict[str, Any]:
    """Every feature of `frame`, plus `predictions` and `labels` when given, against `reference`."""
    rows = len(frame)
    if rows < policy.min_rows:
        return _too_few(rows, policy)
    checks: dict[str, dict[str, Any]] = {}
    for name, stats in reference["numeric"].items():
        checks[name] = _numeric_check(stats, frame[name].dropna().to_numpy(dtype=float), policy)
    for name, stats in reference["categorical"].items():
        counts = category_counts(frame[name], stats["buckets"])
        checks[name] = _count_check(np.asarray(stats["counts"], dtype=float), counts, policy)
    report: dict[str, Any] = {"rows": rows, "features": checks}
    if predictions is not None and "prediction" in reference:
        report["prediction"] = _numeric_check(reference["prediction"], np.asarray(predictions, float), policy)
    if labels is not None and "target" in reference:
        report["target"] = _target_check(reference["target"], np.asarray(labels, dtype=float), policy)
    judged = [c["status"] for c in (*checks.values(), report.get("prediction"), report.get("target")) if c]
    report["status"] = max((s for s in judged if s in SEVERITY), key=SEVERITY.index)
    report["drifted"] = sorted(name for name, check in checks.items() if check["status"] != "stable")
    return report


def _too_few(rows: int, policy: DriftPolicy) -> dict[str, Any]:
    return {
        "status": "insufficient_data",
        "rows": rows,
        "message": f"{rows} rows: too few to judge drift (at least {policy.min_rows} needed)",
    }


def _target_check(target: Mapping[str, Any], labels: np.ndarray, policy: DriftPolicy) -> dict[str, Any]:
    """The share of positive labels against the training rows'."""
    if len(labels) < policy.min_rows:
        return _too_few(len(labels), policy)
    expected_positives = target["positive_rate"] * target["rows"]
    expected = np.array([target["rows"] - expected_positives, expected_positives])
    positives = float(labels.sum())
    return {
        **_count_check(expected, np.array([len(labels) - positives, positives]), policy),
        "reference_positive_rate": target["positive_rate"],
        "positive_rate": positives / len(labels),
    }


def _severity(value: float, p_value: float, policy: DriftPolicy) -> str:
    if p_value >= policy.p_value or value <= policy.psi_warning:
        return "stable"
    return "critical" if value > policy.psi_critical else "warning"


def _numeric_check(stats: Mapping[str, Any], values: np.ndarray, policy: DriftPolicy) -> dict[str, Any]:
    value = numeric_psi(stats, values)
    result = ks_2samp(np.asarray(stats["sample"], dtype=float), values)
    statistic, p_value = float(result.statistic), float(result.pvalue)
    return {
        "test": "ks",
        "statistic": statistic,
        "p_value": p_value,
        "psi": value,
        "status": _severity(value, p_value, policy),
    }


def _count_check(expected_counts: np.ndarray, counts: np.ndarray, policy: DriftPolicy) -> dict[str, Any]:
    value = psi(expected_counts / max(expected_counts.sum(), 1), counts / max(counts.sum(), 1))
    table = np.vstack([expected_counts, counts])
    table = table[:, table.sum(axis=0) > 0]  # a bucket empty in both says nothing
    if table.shape[1] < 2:
        statistic, p_value = 0.0, 1.0
    else:
        outcome = chi2_contingency(table)
        statistic, p_value = float(outcome[0]), float(outcome[1])
    return {
        "test": "chi-square",
        "statistic": statistic,
        "p_value": p_value,
        "psi": value,
        "status": _severity(value, p_value, policy),
    }
