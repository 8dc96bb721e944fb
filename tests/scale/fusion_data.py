"""Event datasets for the fusion tests: report events written as ``extract --engine dask``
writes them (a ``month=YYYY-MM`` folder per month, GeoParquet rows of ``write_events``
plus the report columns), and report events read back the way a test compares them."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from geoevents.io.events import write_events
from geoevents.store.fusion import ReportEvent


def _month(r: ReportEvent) -> str:
    day = r.event.date_start or r.event.date or r.published
    return day[:7] if day else "unknown"


def write_dataset(items: Sequence[ReportEvent], out: Path, files_per_month: int = 2) -> Path:
    """``out/month=.../part-NNNNN.parquet``, rows sorted by report event id in each file."""
    by_month: dict[str, list[ReportEvent]] = {}
    for r in sorted(items, key=lambda r: r.id):
        by_month.setdefault(_month(r), []).append(r)
    for month, rows in sorted(by_month.items()):
        folder = out / f"month={month}"
        folder.mkdir(parents=True, exist_ok=True)
        for k in range(files_per_month):
            part = rows[k::files_per_month]
            if part:
                write_events(
                    [r.event for r in part],
                    folder / f"part-{k:05d}.parquet",
                    {
                        "report_id": [r.report_id for r in part],
                        "report_published": [r.published for r in part],
                        "report_event_id": [r.id for r in part],
                    },
                )
    return out
