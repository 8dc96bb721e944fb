"""Spelling-variant place mentions (Russian forms of Ukrainian names): what they add, what they cost.

Prints, for the variant table of the default index
(:mod:`geoevents.extract.variants`): its skeletons, how many name two or more
places, the exact keys of those places and how many of them lose their
uniqueness (a key that names one place, whose skeleton names several).

Then the lower-case (English) words of the texts below, taken as if they began a
sentence: how many would become variant mentions with no cue, and how many only
after a place cue ("in", "near"). Then, over the sentences of the bundled examples, the UCDP GED Ukraine
headlines and the GeoWebNews / LGL / TR-News texts (``../shared/``, each where
present), the place mentions found with exact keys only and with variants too,
and the variant mentions themselves, most frequent first. For the geoparsing
corpora a variant mention whose text is an annotated toponym of its article
counts as a gold hit.

Usage: ``.venv/bin/python bench/spelling_variants.py [--top 40]``
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "benchmarks"
CORPORA = ("GWN.xml", "lgl.xml", "TR-News.xml")


def _texts() -> dict[str, list[tuple[str, frozenset[str]]]]:
    """Corpus name -> (text, its gold toponym names) of each article."""
    from gazetteer.evaluation import read_corpus
    from geoevents.io.articles import read_articles

    out: dict[str, list[tuple[str, frozenset[str]]]] = {}
    out["examples"] = [
        (f"{a.title or ''}\n\n{a.text}", frozenset())
        for a in read_articles([ROOT / "examples"])
        if not isinstance(a, Exception)
    ]
    ucdp = SHARED / "ucdp" / "ucdp_ged_ukraine.csv"
    if ucdp.is_file():
        with ucdp.open(encoding="utf-8", newline="") as fh:
            out["UCDP headlines"] = [
                (
                    "\n\n".join(h.strip() for h in (r.get("source_headline") or "").split(";")),
                    frozenset(),
                )
                for r in csv.DictReader(fh)
            ]
    for name in CORPORA:
        path = SHARED / "geoparsing" / name
        if path.is_file():
            out[name] = [(a.text, frozenset(t.name for t in a.toponyms)) for a in read_corpus(path)]
    return out


def _english_words(texts: dict[str, list[tuple[str, frozenset[str]]]], table) -> None:  # noqa: ANN001
    """Lower-case words of the texts, taken as if capitalised: how many a variant would admit."""
    from gazetteer.normalize import normalize, skeleton
    from geoevents.extract.variants import admit_variant

    words = {
        w
        for articles in texts.values()
        for text, _ in articles
        for w in re.findall(r"[^\W_]+", text)
        if w[0].islower()
    }
    uncued, cued = [], []
    for word in sorted(words):
        key = normalize(word)
        if skeleton(key) not in table or table.known(key):
            continue
        if admit_variant(key, cued=False, strong=False):
            uncued.append(word)
        elif admit_variant(key, cued=True, strong=False):
            cued.append(word)
    print(
        f"lower-case words of the texts: {len(words)}; capitalised, a variant of a table place "
        f"with no cue: {len(uncued)} {uncued[:10]}, only after a place cue: {len(cued)} {cued[:10]}"
    )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--top", type=int, default=40, help="variant mentions listed per corpus")
    args = ap.parse_args(argv)

    from gazetteer import Gazetteer
    from geoevents.extract.mentions import PlaceMatcher, find_mentions, matcher_for
    from geoevents.extract.sentences import split_sentences
    from geoevents.extract.variants import uniqueness

    gz = Gazetteer.open()
    t0 = time.perf_counter()
    with_variants = matcher_for(gz)
    print(f"matcher with variant table: {time.perf_counter() - t0:.1f} s")
    table = with_variants.variants
    if table is None:
        print("this index has no variant table", file=sys.stderr)
        return 2
    u = uniqueness(gz.index, table)
    print(
        f"variant table: {u.skeletons} skeletons of UA/RU settlements and sites, "
        f"{u.ambiguous} ({100 * u.ambiguous / max(1, u.skeletons):.1f}%) name 2+ places"
    )
    print(
        f"exact keys of those places: {u.keys}, {u.keys_unique} name one place; "
        f"{u.keys_blurred} of these ({100 * u.keys_blurred / max(1, u.keys_unique):.1f}%) share "
        "their skeleton with another place (uniqueness lost)"
    )
    exact_only = PlaceMatcher(with_variants.automaton, None)
    texts = _texts()
    _english_words(texts, table)

    for corpus, articles in texts.items():
        before = after = 0
        variants: Counter[str] = Counter()
        gold = 0
        t0 = time.perf_counter()
        for text, names in articles:
            for sent in split_sentences(text):
                before += len(find_mentions(sent.text, gz, matcher=exact_only))
                found = find_mentions(sent.text, gz, matcher=with_variants)
                after += len(found)
                for m in found:
                    if m.kind == "variant":
                        variants[m.text] += 1
                        gold += m.text in names
        n = sum(variants.values())
        print(
            f"\n== {corpus}: {len(articles)} texts, mentions {before} -> {after} "
            f"({after - before:+d}); variant mentions {n} ({len(variants)} distinct)"
            + (f", {gold} of them annotated toponyms" if corpus in CORPORA else "")
            + f" [{time.perf_counter() - t0:.1f} s]"
        )
        if variants:
            top = variants.most_common(args.top)
            print("   " + ", ".join(f"{k} x{v}" if v > 1 else k for k, v in top))
    return 0


if __name__ == "__main__":
    sys.exit(main())
