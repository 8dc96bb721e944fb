"""Where the work runs: a Dask client on an existing scheduler or on a local cluster.

``--scheduler ADDRESS`` joins a running cluster (``tcp://host:8786``, or a
scheduler file); ``--workers N`` starts ``N`` worker processes on this machine,
one thread each (extraction is pure Python: threads would share one core).
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from typing import Any

from geoevents.errors import ConfigurationError

#: Hint printed when the optional extra is missing.
INSTALL_HINT = "install the Dask extra: pip install 'geoevents[dask]'"


def require_dask() -> None:
    """Raise :class:`ConfigurationError` naming the extra when Dask is not installed."""
    try:
        import dask  # noqa: F401
        import distributed  # noqa: F401
    except ImportError as err:
        raise ConfigurationError(f"--engine dask needs dask.distributed; {INSTALL_HINT}") from err


@contextlib.contextmanager
def open_client(
    scheduler: str | None = None, workers: int | None = None, *, memory_limit: str = "1.5GiB"
) -> Iterator[Any]:
    """A ``distributed.Client``: on ``scheduler`` if given, else on a local cluster.

    Parameters
    ----------
    scheduler
        Address of a running scheduler (``tcp://...``) or the path of a scheduler file.
    workers
        Worker processes of the local cluster (default: the CPU count). Not allowed
        with ``scheduler``.
    memory_limit
        Per-worker memory limit of the local cluster (Dask restarts a worker above it).
    """
    require_dask()
    from distributed import Client, LocalCluster

    if scheduler and workers:
        raise ConfigurationError("--scheduler and --workers exclude each other")
    if workers is not None and workers < 1:
        raise ConfigurationError(f"--workers must be at least 1, not {workers}")
    if scheduler:
        if os.path.isfile(scheduler):
            client = Client(scheduler_file=scheduler)
        else:
            client = Client(scheduler)
        with client:
            yield client
        return
    n = workers or os.cpu_count() or 1
    with (
        LocalCluster(
            n_workers=n,
            threads_per_worker=1,
            processes=True,
            memory_limit=memory_limit,
            host="127.0.0.1",  # never listen beyond this machine
            dashboard_address=":0",  # a free port: two local clusters never fight over 8787
        ) as cluster,
        Client(cluster) as client,
    ):
        yield client
