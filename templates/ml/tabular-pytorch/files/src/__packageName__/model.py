"""The PyTorch model behind `classifier`: a small MLP on the encoded features.

Implements the framework interface described in `classifier`. Training is seeded and
uses deterministic algorithms where PyTorch has them, so on a CPU the same data gives
the same model. Under torchrun or a cluster's distributed job (see `distributed`) every
process trains on its shard of each epoch and DistributedDataParallel averages the
gradients; `batch_size` is per process.

Training stops early on the validation loss: after every epoch the whole validation set is
scored, and once it has not improved by `min_delta` for `patience` epochs the weights of the
best epoch are restored. The learning curve holds each epoch's training loss (the mean over
the epoch's batches, on every process) and validation loss.
"""

from __future__ import annotations

import copy
import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import torch
import torch.distributed as dist
from torch import nn
from torch.nn.parallel import DistributedDataParallel
from torch.utils.data import DataLoader, DistributedSampler, TensorDataset

from .distributed import Placement, placement

FRAMEWORK = "torch"
FRAMEWORK_VERSION = torch.__version__
# Weights are saved as plain tensors, which any later PyTorch version loads.
VERSION_LOCKED = False
HYPERPARAMETERS: dict[str, Any] = {
    "hidden_sizes": [32, 16],
    # An upper bound: training stops once the validation loss has not improved for `patience` epochs,
    # and the weights of the best epoch are kept.
    "max_epochs": 200,
    "patience": 10,
    "min_delta": 1e-4,
    "batch_size": 64,
    "learning_rate": 0.003,
    "weight_decay": 1e-4,
    "seed": 0,
}
MODEL_FILE = "model.pt"
LOSS = nn.BCEWithLogitsLoss()


@dataclass
class TrainedNetwork:
    """A fitted network on the CPU, with the layer sizes `load` needs to rebuild it."""

    network: nn.Sequential
    n_inputs: int
    hidden_sizes: list[int]


def build_network(n_inputs: int, hidden_sizes: Sequence[int]) -> nn.Sequential:
    """Linear + ReLU layers of the given widths, ending in one logit."""
    layers: list[nn.Module] = []
    width = n_inputs
    for size in hidden_sizes:
        layers += [nn.Linear(width, size), nn.ReLU()]
        width = size
    layers.append(nn.Linear(width, 1))
    return nn.Sequential(*layers)


def fit(
    x: np.ndarray, y: np.ndarray, params: Mapping[str, Any], validation: tuple[np.ndarray, np.ndarray]
) -> tuple[TrainedNetwork, dict[str, Any]]:
    """Train the MLP on encoded rows `x` with labels `y` (0 or 1): binary cross-entropy, early stopping."""
    _make_deterministic(int(params["seed"]))
    hidden_sizes = [int(size) for size in params["hidden_sizes"]]
    network = build_network(x.shape[1], hidden_sizes)
    dataset = TensorDataset(torch.as_tensor(x, dtype=torch.float32), torch.as_tensor(y, dtype=torch.float32))
    with placement() as where:
        network.to(where.device)
        x_validation, y_validation = (
            torch.as_tensor(values, dtype=torch.float32, device=where.device) for values in validation
        )
        trainable: nn.Module = network
        if where.distributed:
            # DDP broadcasts rank 0's initial weights and averages gradients on every step.
            device_ids = [where.device.index] if where.device.type == "cuda" else None
            trainable = DistributedDataParallel(network, device_ids=device_ids)
        # One process alone gets a seeded shuffle of all rows, each of N processes a disjoint 1/N.
        sampler = DistributedSampler(
            dataset, num_replicas=where.world_size, rank=where.rank, shuffle=True, seed=int(params["seed"])
        )
        loader = DataLoader(dataset, batch_size=int(params["batch_size"]), sampler=sampler)
        optimizer = torch.optim.Adam(
            trainable.parameters(),
            lr=float(params["learning_rate"]),
            weight_decay=float(params["weight_decay"]),
        )
        points: list[dict[str, float]] = []
        best_loss, best_epoch, best_weights = float("inf"), 0, copy.deepcopy(network.state_dict())
        for epoch in range(1, int(params["max_epochs"]) + 1):
            sampler.set_epoch(epoch)
            train_loss = _train_epoch(trainable, loader, optimizer, where)
            network.eval()
            with torch.no_grad():
                validation_loss = LOSS(network(x_validation).squeeze(1), y_validation).reshape(1)
            if where.distributed:
                # Every process must take the same decision to stop, or the others wait forever.
                dist.broadcast(validation_loss, src=0)
            point = {"step": epoch, "train_loss": train_loss, "validation_loss": float(validation_loss)}
            points.append(point)
            if float(validation_loss) < best_loss - float(params["min_delta"]):
                best_loss, best_epoch = float(validation_loss), epoch
                best_weights = copy.deepcopy(network.state_dict())
            elif epoch - best_epoch >= int(params["patience"]):
                break
        network.load_state_dict(best_weights)
    network.to("cpu").eval()
    stopped_early = len(points) < int(params["max_epochs"])
    curve = {"axis": "epoch", "points": points, "best_step": best_epoch, "stopped_early": stopped_early}
    return TrainedNetwork(network=network, n_inputs=x.shape[1], hidden_sizes=hidden_sizes), curve


def _train_epoch(
    trainable: nn.Module, loader: DataLoader, optimizer: torch.optim.Optimizer, where: Placement
) -> float:
    """One pass over this process's shard; the mean batch loss over every process's rows."""
    trainable.train()
    total = torch.zeros(2, device=where.device)  # summed loss, rows
    for inputs, labels in loader:
        optimizer.zero_grad()
        loss = LOSS(trainable(inputs.to(where.device)).squeeze(1), labels.to(where.device))
        loss.backward()
        optimizer.step()
        total += torch.stack([loss.detach() * len(labels), loss.new_tensor(float(len(labels)))])
    if where.distributed:
        dist.all_reduce(total)
    return float(total[0] / total[1])


def positive_probability(estimator: TrainedNetwork, x: np.ndarray) -> np.ndarray:
    """Probability of label 1 for each encoded row."""
    with torch.no_grad():
        logits = estimator.network(torch.as_tensor(x, dtype=torch.float32)).squeeze(1)
    return torch.sigmoid(logits).numpy().astype(np.float64)


def save(estimator: TrainedNetwork, directory: Path) -> None:
    """Write the layer sizes and weights to `directory/model.pt`."""
    payload = {
        "n_inputs": estimator.n_inputs,
        "hidden_sizes": estimator.hidden_sizes,
        "state_dict": estimator.network.state_dict(),
    }
    torch.save(payload, directory / MODEL_FILE)


def load(directory: Path) -> TrainedNetwork:
    """Rebuild the network written by `save`; weights_only refuses anything but tensors and plain data."""
    payload = torch.load(directory / MODEL_FILE, map_location="cpu", weights_only=True)
    network = build_network(payload["n_inputs"], payload["hidden_sizes"])
    network.load_state_dict(payload["state_dict"])
    return TrainedNetwork(
        network=network.eval(), n_inputs=payload["n_inputs"], hidden_sizes=payload["hidden_sizes"]
    )


def _make_deterministic(seed: int) -> None:
    # cuBLAS needs a fixed workspace to be deterministic; it must be set before CUDA starts.
    os.environ.setdefault("CUBLAS_WORKSPACE_CONFIG", ":4096:8")
    torch.manual_seed(seed)
    # warn_only: an operation without a deterministic implementation warns instead of failing.
    torch.use_deterministic_algorithms(True, warn_only=True)
