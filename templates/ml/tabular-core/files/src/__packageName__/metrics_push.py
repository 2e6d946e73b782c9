"""Pushing metrics to a Prometheus Pushgateway, for processes Prometheus cannot scrape.

Managed endpoints (Azure ML, SageMaker, Vertex AI) expose no `/metrics` to a Prometheus outside the
platform, and a batch job ends before any scrape. With `PUSHGATEWAY_URL` set, the service pushes its
registry every `PUSH_INTERVAL_SECONDS` (15 by default), and batch scoring once per run; Prometheus scrapes the
Pushgateway with `honor_labels: true`, so the series keep `job="<project>"` and an `instance` per
replica (`instance="batch"` for batch scoring). Unset, nothing is pushed.
"""

from __future__ import annotations

import atexit
import logging
import os
import socket
import threading
from collections.abc import Callable

from prometheus_client import CollectorRegistry, delete_from_gateway, push_to_gateway

from . import __project__

# The grouping key of batch scoring: each run replaces the previous run's values.
BATCH_INSTANCE = "batch"

log = logging.getLogger(__name__)


def pushgateway_url() -> str | None:
    """Base URL of the Pushgateway (`PUSHGATEWAY_URL`), or None when metrics are scraped or not wanted."""
    return os.environ.get("PUSHGATEWAY_URL") or None


def push_interval() -> float:
    """Seconds between two pushes of the service (`PUSH_INTERVAL_SECONDS`, default 15)."""
    return float(os.environ.get("PUSH_INTERVAL_SECONDS", "15"))


def push(registry: CollectorRegistry, instance: str) -> None:
    """Replace the group `job=<project>, instance=<instance>` with the samples of `registry`."""
    url = pushgateway_url()
    if url is not None:
        push_to_gateway(url, job=__project__, registry=registry, grouping_key={"instance": instance})


class PeriodicPusher:
    """Pushes a registry from a daemon thread, calling `refresh` first; deletes its group at exit."""

    def __init__(self, registry: CollectorRegistry, refresh: Callable[[], None]) -> None:
        self.registry = registry
        self.refresh = refresh
        self.interval = push_interval()
        # One group per replica: the host name is the replica (container) on every platform.
        self.instance = socket.gethostname()
        self._stopped = threading.Event()
        self._thread = threading.Thread(target=self._run, name="metrics-push", daemon=True)

    def start(self) -> PeriodicPusher:
        self._thread.start()
        atexit.register(self.stop)
        return self

    def stop(self) -> None:
        """Stop pushing and delete this replica's group, so its last values do not outlive it."""
        if self._stopped.is_set():
            return
        self._stopped.set()
        # A push in flight finishes before the delete, so nothing is pushed after it.
        self._thread.join(timeout=self.interval + 10)
        url = pushgateway_url()
        if url is None:
            return
        try:
            delete_from_gateway(url, job=__project__, grouping_key={"instance": self.instance})
        except OSError as error:
            log.warning("could not delete the metrics group of %s: %s", self.instance, error)

    def _run(self) -> None:
        while not self._stopped.wait(self.interval):
            try:
                self.refresh()
                push(self.registry, self.instance)
            except OSError as error:
                # The Pushgateway being away must never take the service down; the next push retries.
                log.warning("metrics push failed: %s", error)
