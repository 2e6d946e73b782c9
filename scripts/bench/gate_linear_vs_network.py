"""The sample problem's better model: the PyTorch network against the scikit-learn logistic regression.

Run by scripts/bench/gate.mjs with both generated projects' `src` on PYTHONPATH and their package names
as arguments (the linear one first). Each project trains its model on the same sample; the network's
gate then compares it with the linear model as champion, on the held-out rows neither trained on. The
sample's churn risk is U-shaped in age, which a linear model cannot represent: this is the comparison
the network exists for.
"""

from __future__ import annotations

import importlib
import os
import sys
import tempfile
from pathlib import Path


def main(linear: str, network: str) -> int:
    os.environ["TRACKING_BACKEND"] = "file"
    work = Path(tempfile.mkdtemp(prefix="bench-linear-vs-network-", dir="."))
    sample = Path("data/sample.csv")
    runs = {}
    for package in (linear, network):
        train = importlib.import_module(f"{package}.train")
        artifacts = importlib.import_module(f"{package}.artifacts")
        runs[package] = artifacts.load_bundle(train.train(sample, work / package).run_dir)
    gate = importlib.import_module(f"{network}.gate")
    policy = importlib.import_module(f"{network}.policy").load_policy()
    frame = importlib.import_module(f"{network}.data").load_csv(sample)
    # The linear model plays the registered champion: the gate only scores it and reads its rows.
    runs[linear].metadata["version"] = 1
    decision = gate.gate(runs[network], frame, policy.gate, champion=runs[linear])
    comparison = decision.comparisons["champion"]
    print(
        f"\n5. network ({network}) against logistic regression ({linear}) as champion: "
        f"{'PROMOTED' if decision.promote else 'REFUSED'}"
    )
    print(
        f"   vs champion {comparison['metric']} {comparison['challenger']:.4f} vs {comparison['reference']:.4f}: "
        f"improvement {comparison['improvement']:+.4f}, {round(comparison['confidence'] * 100)}% interval "
        f"[{comparison['low']:+.4f}, {comparison['high']:+.4f}]"
    )
    for check in decision.checks:
        print(f"   - {check.reason}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1], sys.argv[2]))
