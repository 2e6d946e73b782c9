"""Where this training process runs: its device and, when distributed, its process group.

torchrun, Kubeflow's PyTorchJob, Azure ML and SageMaker start one process per worker and
set `RANK`, `WORLD_SIZE`, `MASTER_ADDR`, `MASTER_PORT` and (except a PyTorchJob without
torchrun) `LOCAL_RANK`. With `WORLD_SIZE` > 1 the processes join one process group,
`nccl` on GPUs and `gloo` on CPUs; otherwise training runs in this process alone.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import torch
import torch.distributed as dist

from . import config


@dataclass(frozen=True)
class Placement:
    """This process's rank among `world_size` training processes, and its device."""

    rank: int
    world_size: int
    device: torch.device

    @property
    def distributed(self) -> bool:
        return self.world_size > 1


def world_size() -> int:
    """Number of training processes (`WORLD_SIZE`); 1 when training alone."""
    return int(os.environ.get("WORLD_SIZE", "1"))


def local_rank() -> int:
    """Rank of this process on its machine (`LOCAL_RANK`), which picks its GPU; 0 by default."""
    return int(os.environ.get("LOCAL_RANK", "0"))


@contextmanager
def placement() -> Iterator[Placement]:
    """The placement of this process; inside the block the process group exists when distributed."""
    if torch.cuda.is_available():
        device = torch.device("cuda", local_rank())
        torch.cuda.set_device(device)
    else:
        device = torch.device("cpu")
    where = Placement(rank=config.process_rank(), world_size=world_size(), device=device)
    if not where.distributed:
        yield where
        return
    # env:// reads MASTER_ADDR and MASTER_PORT; rank and size are passed to fail fast if unset.
    backend = "nccl" if device.type == "cuda" else "gloo"
    dist.init_process_group(backend, init_method="env://", rank=where.rank, world_size=where.world_size)
    try:
        yield where
    finally:
        dist.destroy_process_group()
