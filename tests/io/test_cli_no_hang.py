"""No input hangs a command: a FIFO in an input folder, ``/dev/zero`` (issue 14 case 7).

Real processes with a timeout, so a regression fails instead of hanging the suite.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from geoevents.io.events import load_events


def test_fifo_in_an_input_folder_hangs_neither_extract_nor_ingest(
    tmp_path: Path, gazetteer: object
) -> None:
    """In a real process with a timeout: a regression would otherwise hang the suite."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(
        "Depot hit\nRussian drones struck a fuel depot in Odesa overnight, the governor said.\n",
        encoding="utf-8",
    )
    os.mkfifo(folder / "b.txt")
    env = dict(os.environ)
    cli = [sys.executable, "-m", "geoevents"]
    for args in (
        ["extract", str(folder), "-o", str(tmp_path / "e.geojson")],
        ["ingest", str(folder), "--db", str(tmp_path / "s.gpkg")],
        ["extract", "/dev/zero", "-o", str(tmp_path / "z.geojson")],
    ):
        proc = subprocess.run(
            cli + args, capture_output=True, text=True, timeout=120, env=env, check=False
        )
        assert "Traceback" not in proc.stderr, proc.stderr
        assert proc.returncode == 1, (args, proc.stderr)
        assert "not a regular file; not read" in proc.stderr
    assert len(load_events(tmp_path / "e.geojson")) == 1
