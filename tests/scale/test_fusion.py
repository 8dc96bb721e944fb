"""Distributed fusion on a 2-worker cluster equals ``fuse`` on one machine.

Real inputs: 20,000 synthetic reports (about three per strike) plus strikes reported
across the antimeridian, the 0 deg column wrap, time window and block edges, one region
and the 100 km rule; and an event dataset in GeoParquet files read by the workers.
"""

from __future__ import annotations

import dask.bag as db
import pytest

from geoevents.scale.fusion import distributed_fuse, files_bag
from geoevents.scale.reports import dataset_files, read_files
from geoevents.scale.synthetic import edge_cases, synthetic_report_events
from geoevents.store.fusion import ReportEvent, fuse
from tests.scale.fusion_data import write_dataset


def test_two_workers_fuse_as_one_machine(dask_cluster):
    items = synthetic_report_events(0, 20_000) + edge_cases(10)
    expected = fuse(items)
    assert len(expected) < len(items) / 2  # reports of one strike did fuse
    members = {f.members for f in expected}
    for copy in range(10):  # the antimeridian, 0 deg and polar strikes fused across the edge
        for case in range(3):
            assert (f"re-edge-{copy}-{case}-0", f"re-edge-{copy}-{case}-1") in members

    fused, errors = distributed_fuse(db.from_sequence(items, npartitions=8), scheduler=dask_cluster)
    assert errors == []
    assert [f.event.id for f in fused] == [f.event.id for f in expected]
    assert fused == expected  # same events, members and links


def test_dataset_files_fused_on_workers(dask_cluster, tmp_path):
    items = synthetic_report_events(0, 600) + edge_cases(3)
    write_dataset(items, tmp_path / "events")
    files = dataset_files([tmp_path / "events"])
    assert len(files) > 20  # months x files
    read = [r for r in read_files(files) if isinstance(r, ReportEvent)]
    assert sorted(read, key=lambda r: r.id) == sorted(items, key=lambda r: r.id)

    fused, errors = distributed_fuse(files_bag(files), scheduler=dask_cluster)
    assert errors == []
    assert fused == fuse(items)


def test_bad_rows_are_named_and_the_others_fused(tmp_path):
    items = synthetic_report_events(0, 30)
    bad = ReportEvent("", items[0].report_id, "2023-13-40", items[0].event)
    write_dataset([bad, *items[1:]], tmp_path / "events", files_per_month=1)
    files = dataset_files([tmp_path / "events"])
    got = read_files(files)
    errors = [e for e in got if not isinstance(e, ReportEvent)]
    assert len(errors) == 1
    assert errors[0].field == "report_event_id" and "row 0" in str(errors[0])
    assert errors[0].path in {str(f) for f in files}
    fused, found = distributed_fuse(db.from_sequence(got, npartitions=2), scheduler="synchronous")
    assert found == errors
    assert fused == fuse(items[1:])


def test_a_file_without_report_columns_is_named(tmp_path):
    from geoevents.io.events import write_events

    path = write_events([synthetic_report_events(0, 1)[0].event], tmp_path / "x.parquet")
    (error,) = read_files([path])
    assert error.field == "report_id" and "not an event dataset file" in str(error)
    with pytest.raises(Exception, match="no such file"):
        dataset_files([tmp_path / "missing"])
