"""torchrun across the instances of a SageMaker training job: `python -m <package>.launch --nproc-per-node N`.

SageMaker starts the container once on every instance of the job and describes them in
`/opt/ml/input/config/resourceconfig.json` (`current_host`, `hosts`; under `SAGEMAKER_BASE_DIR`
when set). This turns that into torchrun's node topology, the first host being the rendezvous,
and starts one `train` process per GPU; arguments after the options go to `train`.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path
from typing import Any

# The port torchrun's rendezvous listens on, on the first host.
MASTER_PORT = 29500


def torchrun_command(resource_config: dict[str, Any], nproc: int, train_args: list[str]) -> list[str]:
    """The torchrun command line of this instance, from SageMaker's resource config."""
    hosts = list(resource_config["hosts"])
    return [
        sys.executable, "-m", "torch.distributed.run",
        f"--nnodes={len(hosts)}",
        f"--node_rank={hosts.index(resource_config['current_host'])}",
        f"--master_addr={hosts[0]}",
        f"--master_port={MASTER_PORT}",
        f"--nproc_per_node={nproc}",
        "-m", __package__, "train", *train_args,
    ]  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Start torchrun on this instance of a SageMaker job.")
    parser.add_argument("--nproc-per-node", type=int, required=True, help="processes (GPUs) per instance")
    args, train_args = parser.parse_known_args(argv)
    base = Path(os.environ.get("SAGEMAKER_BASE_DIR", "/opt/ml"))
    resource_config = json.loads((base / "input" / "config" / "resourceconfig.json").read_text())
    command = torchrun_command(resource_config, args.nproc_per_node, train_args)
    os.execv(command[0], command)


if __name__ == "__main__":
    raise SystemExit(main())
