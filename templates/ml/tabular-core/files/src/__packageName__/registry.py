"""A local, file-based model registry.

Layout: `<root>/<model_name>/v<N>/` holds a model folder (see `artifacts`) with its plots
and model card, and `<root>/<model_name>/champion.json` points at the version that serving
and batch scoring use. Versions are never overwritten; rolling back is promoting an older
one. A training run is registered at most once: its run id is in the version's metadata.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from .artifacts import (
    METADATA_FILE,
    PLOTS_DIR,
    ModelBundle,
    load_bundle,
    read_json,
    save_bundle,
    write_json,
)

CHAMPION_FILE = "champion.json"


@dataclass(frozen=True)
class ModelVersion:
    """One registered version of a model."""

    name: str
    version: int
    path: Path

    @property
    def label(self) -> str:
        return f"v{self.version}"

    def load(self) -> ModelBundle:
        return load_bundle(self.path)


class ModelRegistry:
    """Registered versions and the champion pointer of one model."""

    def __init__(self, root: Path, model_name: str) -> None:
        self.root = root
        self.model_name = model_name
        self.model_dir = root / model_name

    def versions(self) -> list[ModelVersion]:
        """Complete versions (metadata written), oldest first."""
        if not self.model_dir.is_dir():
            return []
        found = [
            ModelVersion(self.model_name, int(p.name[1:]), p)
            for p in self.model_dir.iterdir()
            if p.name.startswith("v") and p.name[1:].isdigit() and (p / METADATA_FILE).is_file()
        ]
        return sorted(found, key=lambda v: v.version)

    def get(self, version: int) -> ModelVersion:
        for candidate in self.versions():
            if candidate.version == version:
                return candidate
        raise LookupError(f"{self.model_name} has no version v{version}")

    def find_run(self, run_id: str) -> ModelVersion | None:
        """The version the training run `run_id` was registered as, if it was."""
        for candidate in self.versions():
            if read_json(candidate.path / METADATA_FILE).get("run_id") == run_id:
                return candidate
        return None

    def register(
        self,
        bundle: ModelBundle,
        extra_metadata: dict[str, Any] | None = None,
        plots_from: Path | None = None,
    ) -> ModelVersion:
        """Store `bundle` as the next version number, with the plots in `plots_from` when given."""
        self.model_dir.mkdir(parents=True, exist_ok=True)
        number = max((v.version for v in self.versions()), default=0) + 1
        while True:
            # mkdir is atomic: two concurrent registrations cannot claim the same number.
            path = self.model_dir / f"v{number}"
            try:
                path.mkdir()
                break
            except FileExistsError:
                number += 1
        metadata = {
            **bundle.metadata,
            **(extra_metadata or {}),
            "model_name": self.model_name,
            "version": number,
            "registered_at": _now(),
        }
        if plots_from is not None and plots_from.is_dir():
            shutil.copytree(plots_from, path / PLOTS_DIR)
        save_bundle(path, ModelBundle(bundle.model, bundle.reference, metadata, bundle.rows))
        return ModelVersion(self.model_name, number, path)

    def champion(self) -> ModelVersion | None:
        """The promoted version, or None before the first promotion."""
        pointer = self.model_dir / CHAMPION_FILE
        if not pointer.is_file():
            return None
        return self.get(int(read_json(pointer)["version"]))

    def promote(self, version: int, reasons: list[str]) -> ModelVersion:
        """Make `version` the champion, recording why and which version it replaces."""
        promoted = self.get(version)
        previous = self.champion()
        write_json(
            self.model_dir / CHAMPION_FILE,
            {
                "version": promoted.version,
                "previous_version": previous.version if previous else None,
                "promoted_at": _now(),
                "reasons": reasons,
            },
        )
        return promoted


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")
