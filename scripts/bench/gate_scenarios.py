"""The promotion gate of a generated project on its sample problem: every interval and decision.

Run by scripts/bench/gate.mjs inside a generated project (`PYTHONPATH=src`), with the package name as
the only argument. The lifecycle it plays, on the project's own code and sample data:

1. the first model, trained when only the first 1500 customers were known (data v1), meets the class prior;
2. a challenger trained on all 6000 customers (data v2) meets that champion;
3. the champion's recipe retrained on the champion's data meets the champion (a tie);
4. run 2 is evaluated a second time.

It also counts how many of the challenger's held-out rows the champion trained on, under this
project's customer-hash split and under a random 75/25 split redrawn for each data version.
"""

from __future__ import annotations

import importlib
import os
import sys
import tempfile
import time
from pathlib import Path

from sklearn.model_selection import train_test_split

FIRST_CUSTOMERS = 1500


def main(package: str) -> int:
    os.environ["TRACKING_BACKEND"] = "file"
    data, evaluate, registry_module, train = (
        importlib.import_module(f"{package}.{name}") for name in ("data", "evaluate", "registry", "train")
    )
    work = Path(tempfile.mkdtemp(prefix="bench-gate-", dir="."))
    sample = data.load_csv("data/sample.csv")
    v1 = work / "data-v1.csv"
    sample.head(FIRST_CUSTOMERS).to_csv(v1, index=False)
    registry = registry_module.ModelRegistry(work / "registry", package)

    def gate(label: str, data_path: Path) -> Path:
        run = train.train(data_path, work / "runs")
        started = time.perf_counter()
        outcome = evaluate.evaluate_run(run.run_dir, registry)
        report(label, outcome, time.perf_counter() - started)
        return run.run_dir

    gate(f"1. first model, data v1 ({FIRST_CUSTOMERS} customers)", v1)
    challenger = gate(f"2. challenger, data v2 ({len(sample)} customers)", Path("data/sample.csv"))
    champion = registry.champion()
    champion_data = Path(champion.load().metadata["data"]["uri"])
    gate(f"3. the champion's ({champion.label}) recipe retrained on its data", champion_data)
    again = evaluate.evaluate_run(challenger, registry)
    versions = [v.label for v in registry.versions()]
    print(f"\n4. run 2 evaluated again: repeated={again.repeated}, champion={again.is_champion}, versions={versions}")
    overlap(data, sample)
    return 0


def report(label: str, outcome, seconds: float) -> None:
    evaluation = outcome.evaluation
    print(f"\n{label}: {'PROMOTED' if outcome.promote else 'REFUSED'} (gate {seconds:.1f} s)")
    held = evaluation["held_out"]
    print(f"   held-out rows {held['rows']}, excluded as seen by the champion {held['seen_by_champion_only']}")
    for name in ("baseline", "champion"):
        comparison = evaluation["comparisons"].get(name)
        if comparison:
            print(
                f"   vs {name:<8} {comparison['metric']:<8} {comparison['challenger']:.4f} vs "
                f"{comparison['reference']:.4f}: improvement {comparison['improvement']:+.4f}, "
                f"{round(comparison['confidence'] * 100)}% interval "
                f"[{comparison['low']:+.4f}, {comparison['high']:+.4f}]"
            )
    for check in evaluation["checks"]:
        print(f"   - {check['reason']}")


def overlap(data, sample) -> None:
    """Held-out rows of data v2 that the data v1 model trained on, per way of splitting."""
    v1, v2 = sample.head(FIRST_CUSTOMERS), sample
    seen_by_v1 = set(v1.customer_id) - set(data.split_dataset(v1).test.customer_id)
    hashed = len(set(data.split_dataset(v2).test.customer_id) & seen_by_v1)
    random_v1, _ = train_test_split(v1, test_size=0.25, random_state=1, stratify=v1.churned)
    _, random_v2 = train_test_split(v2, test_size=0.25, random_state=2, stratify=v2.churned)
    leaked = len(set(random_v2.customer_id) & set(random_v1.customer_id))
    print(
        f"\nheld-out rows of data v2 the data v1 model trained on: customer-hash split "
        f"{hashed}; random 75/25 split per version {leaked} of {len(random_v2)} "
        f"({leaked / len(random_v2):.0%})"
    )


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1]))
