"""GeoNames dump readers on a fixture in the exact GeoNames format, then a real build."""

from __future__ import annotations

import warnings
import zipfile
from pathlib import Path

import pytest

from gazetteer.errors import SourceDataError
from gazetteer.sources import SourceDataWarning
from gazetteer.sources.geonames_dump import read_alternate_names, read_geonames

FIXTURES = Path(__file__).parent / "fixtures"
DUMP = FIXTURES / "XX.txt"
ALTERNATES = FIXTURES / "alternateNamesV2_XX.txt"


@pytest.fixture
def dump_zip(tmp_path: Path) -> Path:
    """The fixture packed like GeoNames publishes it: <CC>.txt plus readme.txt."""
    path = tmp_path / "XX.zip"
    with zipfile.ZipFile(path, "w") as zf:
        zf.write(DUMP, "XX.txt")
        zf.writestr("readme.txt", "readme for the XX country file\n")
    return path


def _read(path: Path) -> tuple[list, list[SourceDataError]]:
    problems: list[SourceDataError] = []
    return list(read_geonames(path, problems=problems)), problems


@pytest.mark.parametrize("which", ["txt", "zip"])
def test_reads_every_valid_row_and_reports_the_malformed_one(which: str, dump_zip: Path) -> None:
    records, problems = _read(DUMP if which == "txt" else dump_zip)
    by_name = {r.place.name: r.place for r in records}
    assert sorted(by_name) == [
        "Dariivskyi Bridge",
        "Kryvyi Rih International Airport",
        "Prydniprovska Thermal Power Plant",
        "Tykha Zatoka",
        "Verbova Balka",
    ]
    assert len(problems) == 1
    assert problems[0].line == 5 and "19 tab-separated columns" in str(problems[0])
    assert str(problems[0].path).endswith("XX.txt")
    bridge = by_name["Dariivskyi Bridge"]
    assert (bridge.kind, bridge.feature_class, bridge.feature_code) == ("site", "S", "BDG")
    assert (bridge.lat, bridge.lon, bridge.country_code, bridge.admin1_code) == (
        46.7531,
        32.8796,
        "UA",
        "08",
    )
    assert by_name["Verbova Balka"].kind == "settlement"
    assert by_name["Verbova Balka"].population == 210
    assert by_name["Tykha Zatoka"].kind == "site"
    assert all(r.priority == 0 and r.place.source == "geonames-dump" for r in records)


def test_alternate_names_column_is_split_on_commas() -> None:
    records, _ = _read(DUMP)
    bridge = next(r for r in records if r.place.geonameid == 99000002)
    assert bridge.alternate_names == (
        "Dariivka Bridge",
        "Darivka Bridge",
        "Daryivka bridge",
        "Дар'ївський міст",
    )


def test_malformed_line_warns_when_no_problem_list_is_given() -> None:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        records = list(read_geonames(DUMP))
    assert len(records) == 5
    assert [str(w.message) for w in caught if w.category is SourceDataWarning] == [
        f"{DUMP}:5: expected 19 tab-separated columns, found 4"
    ]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("", "no valid GeoNames dump line"),
        ("just some text\nand more\n", "no valid GeoNames dump line"),
        (
            "1\tX\tX\t\tnorth\t30\tP\tPPL\tUA\t\t04\t\t\t\t0\t\t\t\t\n",
            "no valid GeoNames dump line",
        ),
    ],
)
def test_file_without_a_valid_line_is_an_error(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(SourceDataError, match=message) as info:
        list(read_geonames(path, problems=[]))
    assert info.value.path == str(path)


@pytest.mark.parametrize(
    ("column", "value", "field"),
    [
        (4, "91.5", "latitude"),
        (5, "east", "longitude"),
        (0, "x1", "geonameid"),
        (14, "many", "population"),
    ],
)
def test_bad_field_names_line_and_field(
    tmp_path: Path, column: int, value: str, field: str
) -> None:
    cols = DUMP.read_text(encoding="utf-8").splitlines()[0].split("\t")
    cols[column] = value
    path = tmp_path / "one.txt"
    path.write_text(DUMP.read_text(encoding="utf-8") + "\t".join(cols) + "\n", encoding="utf-8")
    records, problems = _read(path)
    assert len(records) == 5
    assert [(p.line, f"field {field}" in str(p)) for p in problems] == [(5, False), (7, True)]


def test_undecodable_line_is_skipped(tmp_path: Path) -> None:
    path = tmp_path / "latin1.txt"
    path.write_bytes(DUMP.read_bytes() + "99000009\tSt\xe9pove".encode("latin-1") + b"\n")
    records, problems = _read(path)
    assert len(records) == 5
    assert "not UTF-8" in str(problems[-1]) and problems[-1].line == 7


@pytest.mark.parametrize("name", ["missing.txt", "missing.zip"])
def test_missing_file_is_an_error(tmp_path: Path, name: str) -> None:
    with pytest.raises(SourceDataError, match="no such file"):
        list(read_geonames(tmp_path / name))


def test_zip_without_data_file_and_broken_zip(tmp_path: Path) -> None:
    empty = tmp_path / "empty.zip"
    with zipfile.ZipFile(empty, "w") as zf:
        zf.writestr("readme.txt", "nothing here")
    with pytest.raises(SourceDataError, match="no GeoNames .txt data file"):
        list(read_geonames(empty))
    broken = tmp_path / "broken.zip"
    broken.write_bytes(b"PK\x03\x04 truncated")
    with pytest.raises(SourceDataError, match="not a readable zip"):
        list(read_geonames(broken))


def test_alternate_names_skip_pseudo_languages_and_report_bad_rows() -> None:
    problems: list[SourceDataError] = []
    rows = list(read_alternate_names(ALTERNATES, problems=problems))
    assert rows == [
        (99000001, "Вербова Балка", "uk"),
        (99000001, "Вербовая Балка", "ru"),
        (99000004, "Prydniprovska TPP", "en"),
        (99000002, "Dariivskyi mist", None),
        (99000006, "Quiet Bay", "en"),
    ]
    assert [(p.line, "field geonameid" in str(p)) for p in problems] == [(7, True)]


def test_alternate_names_zip(tmp_path: Path) -> None:
    path = tmp_path / "alternateNamesV2.zip"
    with zipfile.ZipFile(path, "w") as zf:
        zf.write(ALTERNATES, "alternateNamesV2.txt")
        zf.writestr("iso-languagecodes.txt", "ISO 639-3\tISO 639-2\tISO 639-1\tLanguage Name\n")
    assert len(list(read_alternate_names(path, problems=[]))) == 5


# --------------------------------------------------------------------------- a real build


@pytest.fixture(scope="module")
def extra_gazetteer():
    from gazetteer import Gazetteer
    from tests.gazetteer.extra_sources_index import extra_sources_index

    path, _ = extra_sources_index()
    gz = Gazetteer.open(path)
    yield gz
    gz.close()


@pytest.mark.parametrize(
    ("query", "geonameid", "kind", "feature_code"),
    [
        ("Verbova Balka", 99000001, "settlement", "PPL"),  # a village absent from cities500
        ("Вербовая Балка", 99000001, "settlement", "PPL"),  # only in alternateNamesV2
        ("Kryvyi Rih Airport", 99000003, "site", "AIRP"),  # alternatenames column
        ("Prydniprovska TPP", 99000004, "site", "PS"),  # alternateNamesV2, language en
        ("Dariivka Bridge", 99000002, "site", "BDG"),
        ("Quiet Bay", 99000006, "site", "BAY"),
    ],
)
def test_dump_places_resolve_after_build(
    extra_gazetteer, query: str, geonameid: int, kind: str, feature_code: str
) -> None:
    best = extra_gazetteer.resolve(query, limit=1)[0]
    assert best.place.geonameid == geonameid
    assert (best.place.kind, best.place.feature_code, best.precision) == (kind, feature_code, kind)
    assert best.place.source == "geonames-dump"
    assert best.place.country_code == "UA"


def test_dump_village_is_not_in_the_default_index(gazetteer) -> None:
    assert all(c.place.geonameid != 99000001 for c in gazetteer.resolve("Verbova Balka"))


def test_pseudo_language_codes_are_not_names(extra_gazetteer) -> None:
    assert all(c.place.geonameid != 99000003 for c in extra_gazetteer.resolve("KWG", limit=10))


def test_build_reports_the_malformed_lines() -> None:
    from tests.gazetteer.extra_sources_index import extra_sources_index

    _, messages = extra_sources_index()
    assert any(m.endswith("XX.txt:5: expected 19 tab-separated columns, found 4") for m in messages)
    assert any("alternateNamesV2_XX.txt:7: field geonameid" in m for m in messages)


def test_build_with_only_bad_dump_fails_and_keeps_old_index(tmp_path: Path) -> None:
    from gazetteer.build import build_index

    bad = tmp_path / "bad.txt"
    bad.write_text("not\ta\tgeonames\tline\n", encoding="utf-8")
    target = tmp_path / "index.sqlite"
    target.write_bytes(b"old index")
    with pytest.raises(SourceDataError, match="no valid GeoNames dump line"):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            build_index(target, geonames_files=[bad], progress=False)
    assert target.read_bytes() == b"old index"
