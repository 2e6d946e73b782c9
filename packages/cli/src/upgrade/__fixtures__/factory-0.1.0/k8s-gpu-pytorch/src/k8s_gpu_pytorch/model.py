"""The PyTorch model behind `classifier`: a small MLP on the encoded features.

Implements the framework interface described in `classifier`. Training is seeded and
uses deterministic algorithms where PyTorch has them, so on a CPU the same data gives
the same model. Under torchrun or a cluster's distributed job (see `distributed`) every
process trains on its shard of each epoch and DistributedDataParallel averages the
gradients; `batch_size` is per process.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import torch
from torch import nn
from torch.nn.parallel import DistributedDataParallel
from torch.utils.data import DataLoader, DistributedSampler, TensorDataset

from .distributed import placement

FRAMEWORK = "torch"
FRAMEWORK_VERSION = torch.__version__
# Weights are saved as plain tensors, which any later PyTorch version loads.
VERSION_LOCKED = False
HYPERPARAMETERS: dict[str, Any] = {
    # One narrow hidden layer and weight decay: 375 training rows overfit anything larger.
    "hidden_sizes": [16],
    "epochs": 40,
    "batch_size": 32,
    "learning_rate": 0.003,
    "weight_decay": 0.01,
    "seed": 0,
}
MODEL_FILE = "model.pt"


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


def fit(x: np.ndarray, y: np.ndarray, params: Mapping[str, Any]) -> TrainedNetwork:
    """Train the MLP on encoded rows `x` with labels `y` (0 or 1), with binary cross-entropy."""
    _make_deterministic(int(params["seed"]))
    hidden_sizes = [int(size) for size in params["hidden_sizes"]]
    network = build_network(x.shape[1], hidden_sizes)
    dataset = TensorDataset(torch.as_tensor(x, dtype=torch.float32), torch.as_tensor(y, dtype=torch.float32))
    with placement() as where:
        network.to(where.device)
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
        loss_function = nn.BCEWithLogitsLoss()
        trainable.train()
        for epoch in range(int(params["epochs"])):
            sampler.set_epoch(epoch)
            for inputs, labels in loader:
                optimizer.zero_grad()
                logits = trainable(inputs.to(where.device)).squeeze(1)
                loss_function(logits, labels.to(where.device)).backward()
                optimizer.step()
    network.to("cpu").eval()
    return TrainedNetwork(network=network, n_inputs=x.shape[1], hidden_sizes=hidden_sizes)


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
