"""PNG plots of a run: learning curve, permutation importance and reliability curve.

matplotlib is imported only here, on first use, with its file-only backend, so neither serving
nor a machine without a display ever needs a GUI toolkit. Figures are built with the object
API (`Figure`, not `pyplot`), which keeps no global state between plots.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

LEARNING_CURVE_FILE = "learning_curve.png"
IMPORTANCE_FILE = "importance.png"
RELIABILITY_FILE = "reliability.png"


def _figure(width: float = 6.4, height: float = 4.2) -> Any:
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib.figure import Figure

    return Figure(figsize=(width, height), dpi=100, layout="tight")


def learning_curve_png(curve: dict[str, Any], path: Path) -> Path:
    """Training and validation log loss per step, with the kept step marked."""
    figure = _figure()
    axes = figure.subplots()
    steps = [p["step"] for p in curve["points"]]
    axes.plot(steps, [p["train_loss"] for p in curve["points"]], marker=".", label="training")
    axes.plot(steps, [p["validation_loss"] for p in curve["points"]], marker=".", label="validation")
    if curve.get("best_step") is not None:
        axes.axvline(curve["best_step"], color="grey", linestyle="--", label="kept")
    axes.set_xlabel(curve["axis"])
    axes.set_ylabel("log loss")
    axes.set_title("Learning curve")
    axes.legend()
    return _save(figure, path)


def importance_png(importance: list[dict[str, Any]], path: Path) -> Path:
    """Drop in validation ROC AUC when each feature is shuffled, with its spread over repeats."""
    figure = _figure()
    axes = figure.subplots()
    ordered = list(reversed(importance))  # most important at the top
    axes.barh(
        [row["feature"] for row in ordered],
        [row["roc_auc_drop"] for row in ordered],
        xerr=[row["roc_auc_drop_std"] for row in ordered],
    )
    axes.set_xlabel("drop in ROC AUC when shuffled (validation rows)")
    axes.set_title("Permutation importance")
    return _save(figure, path)


def reliability_png(calibration: dict[str, Any], path: Path) -> Path:
    """Observed positive rate against mean predicted probability per bin, for each model."""
    figure = _figure(5.0, 5.0)
    axes = figure.subplots()
    axes.plot([0, 1], [0, 1], color="grey", linestyle="--", label="perfectly calibrated")
    for name, report in calibration.items():
        filled = [b for b in report["bins"] if b["rows"]]
        axes.plot(
            [b["mean_predicted"] for b in filled],
            [b["observed_rate"] for b in filled],
            marker="o",
            label=f"{name} (Brier {report['brier']:.3f})",
        )
    axes.set_xlim(0, 1)
    axes.set_ylim(0, 1)
    axes.set_xlabel("mean predicted probability")
    axes.set_ylabel("observed positive rate")
    axes.set_title("Reliability (held-out rows)")
    axes.legend(loc="upper left")
    return _save(figure, path)


def _save(figure: Any, path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    figure.savefig(path, format="png")
    return path
