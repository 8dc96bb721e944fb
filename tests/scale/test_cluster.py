"""The cluster and the per-worker extractor that every scale-out command shares."""

from __future__ import annotations

import os

import pytest

from geoevents.errors import ConfigurationError
from geoevents.scale.cluster import open_client
from geoevents.scale.worker import worker_extractor


def test_scheduler_and_workers_exclude_each_other():
    with pytest.raises(ConfigurationError, match="exclude each other"):
        with open_client("tcp://127.0.0.1:1", 2):
            pass


def test_workers_must_be_positive():
    with pytest.raises(ConfigurationError, match="at least 1"):
        with open_client(workers=0):
            pass


def test_one_extractor_per_worker_process(dask_cluster):
    """Every task on a worker gets the same extractor: the gazetteer is opened once per process."""

    def probe(_: int) -> tuple[int, int]:
        return os.getpid(), id(worker_extractor())

    futures = dask_cluster.map(probe, range(40), pure=False)
    seen = dask_cluster.gather(futures)
    by_pid: dict[int, set[int]] = {}
    for pid, ident in seen:
        by_pid.setdefault(pid, set()).add(ident)
    assert len(by_pid) == 2  # both worker processes ran tasks
    assert all(len(ids) == 1 for ids in by_pid.values())
    assert os.getpid() not in by_pid
