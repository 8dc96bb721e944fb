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
``shards``, ``corpus``
    Article shards (JSON Lines, gzip, Parquet) cut into partitions and read on the
    workers; a deterministic synthetic corpus for tests and benches.
``dataset``, ``extract``
    The month-partitioned GeoParquet event dataset and ``extract --engine dask``.
``partition``, ``reports``, ``fusion``, ``synthetic``
    Fusion on Dask equal to :func:`geoevents.store.fusion.fuse` of everything:
    time x space partitions with halos, the dataset read as report events.
``ingest``
    ``ingest --engine dask``: workers write one PostGIS store.
``aggregate``
    Counts per hexagon, type and month for maps of huge event sets (no Dask needed).

See docs/scale.md.
"""

from __future__ import annotations
