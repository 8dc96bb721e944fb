"""Scale-out on Dask: the same extraction, fusion and store on many processes or machines.

An application floor beside :mod:`geoevents.ingest`, imported only when a command
runs with ``--engine dask`` (Dask is the optional extra ``geoevents[dask]``).
Nothing here schedules, queues or pools work itself: Dask does.

Modules
-------
``cluster``
    :func:`~geoevents.scale.cluster.open_client`: an existing scheduler
    (``--scheduler ADDRESS``) or a local cluster of worker processes (``--workers N``).
``worker``
    :func:`~geoevents.scale.worker.worker_extractor`: one gazetteer and one
    :class:`~geoevents.extract.Extractor` per worker process, never per article.
"""

from __future__ import annotations
