"""Distributed fusion on Dask: exactly :func:`geoevents.store.fusion.fuse` of all report events.

Steps (each a Dask bag pass; the client holds only keys, pairs and component labels):

1. **Facts.** Every report event is read once for the region-level *anchors*' home
   keys (:func:`~geoevents.scale.partition.anchor_keys`) and the analyst merge groups.
2. **Pairs.** Every event that may pair is copied (without its claims and sources,
   which no rule reads) into its home partition and its halo
   (:mod:`geoevents.scale.partition`); each partition runs
   :func:`~geoevents.store.fusion.accepted_edges` and emits the pairs it owns: in a cell
   partition those whose first event (by id) has its home there, in a region partition
   those with a region-level event.
3. **Components.** The client joins the pairs and the analyst merge groups with a
   union-find into connected components, labelled by their smallest report event id.
4. **Fusion.** Report events are grouped into hash buckets of their component label, so
   every component lies whole in one bucket, and each bucket is fused with
   :func:`~geoevents.store.fusion.fuse` on a worker; the results are concatenated and
   sorted by fused id.

Why the result is the same as ``fuse(all)``
-------------------------------------------
* Whether two report events are a candidate pair (:func:`~geoevents.store.fusion.candidate_pairs`)
  and whether the rules accept it (``_pair_reason``) depends on those two events only:
  the grid, region and coarse indexes put each event in cells computed from itself.
  So every pair a partition emits is an accepted pair of ``fuse(all)``, and
  :mod:`~geoevents.scale.partition` shows each accepted pair is in a partition that
  emits it: step 3 finds exactly the connected components of the accepted pairs and
  merge groups of ``fuse(all)``.
* The constrained union-find of ``fuse`` only ever unites two events along an
  accepted pair or a merge group, so each of its clusters lies in one component, and
  whether an edge unites depends only on the clusters of its two ends (report sets,
  date cores, exactness): the edges of other components never change it.
* ``fuse`` sorts events by id and edges by ``(date gap, km, ids, indices)``; restricted
  to a set of whole components (ids unique) this is the set's own order, and analyst
  merges come after the edges in id order in both. So ``fuse(bucket)`` makes the same
  clusters, links (in the same order) and, from the same members, the same fused
  events and ids (:func:`~geoevents.store.merging.fused_id`) as ``fuse(all)`` makes
  for those components.

Report event ids are unique: a duplicated id (the same article read twice) is kept once
(:func:`unique_reports`), on one machine as on many.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import replace
from functools import partial
from pathlib import Path
from typing import Any

from geoevents.errors import InputError
from geoevents.scale.partition import (
    Key,
    Partitioning,
    anchor_keys,
    home_key,
    is_anchor,
    partition_keys,
)
from geoevents.store.fusion import (
    FusedEvent,
    ReportEvent,
    accepted_edges,
    fuse,
    pairing_window,
    window,
)

#: What a bag of report events may also hold: an input error of the reader, passed on.
Item = ReportEvent | InputError
#: Hash buckets of each shuffle: one per input partition, within these bounds (the
#: shuffle has partitions x buckets pieces).
MIN_BUCKETS, MAX_BUCKETS = 4, 64


def unique_reports(items: Iterable[ReportEvent]) -> list[ReportEvent]:
    """One report event per id (the smallest by content when an id repeats), sorted by id."""
    by_id: dict[str, ReportEvent] = {}
    for r in items:
        old = by_id.get(r.id)
        if old is None or (old != r and repr(r) < repr(old)):
            by_id[r.id] = r
    return [by_id[k] for k in sorted(by_id)]


def _bucket(key: object) -> int:
    """A stable integer for ``key`` (Python's string hash differs between processes)."""
    return int.from_bytes(hashlib.blake2b(repr(key).encode(), digest_size=8).digest(), "big")


def partition_facts(part: Iterable[Item], p: Partitioning) -> list[tuple[Any, ...]]:
    """Anchor keys, ``(merge group, id)`` pairs and input errors of one partition."""
    anchors: set[Key] = set()
    out: list[tuple[Any, ...]] = []
    for r in part:
        if isinstance(r, InputError):
            out.append(("error", r))
            continue
        if r.merge_group is not None:
            out.append(("merge", r.merge_group, r.id))
        w = pairing_window(r, window(r))
        if w is not None:
            anchors.update(anchor_keys(r, w, p))
    out.extend(("anchor", k) for k in anchors)
    return out


def keyed_reports(
    part: Iterable[Item], anchors: frozenset[Key], p: Partitioning
) -> list[tuple[Key, ReportEvent]]:
    """Each event that may pair, without claims and sources, once per partition key."""
    out = []
    for r in part:
        if isinstance(r, InputError):
            continue
        w = pairing_window(r, window(r))
        if w is None:
            continue
        light = replace(r, event=r.event.with_(claims=(), sources=()))
        out.extend((k, light) for k in partition_keys(r, w, anchors, p))
    return out


def _keyed_pieces(
    part: Iterable[Item], anchors: frozenset[Key], p: Partitioning, buckets: int
) -> list[list[tuple[Key, ReportEvent]]]:
    """:func:`keyed_reports` split into hash buckets of their partition key."""
    pieces: list[list[tuple[Key, ReportEvent]]] = [[] for _ in range(buckets)]
    for key, r in keyed_reports(part, anchors, p):
        pieces[_bucket(key) % buckets].append((key, r))
    return pieces


def partition_pairs(
    key: Key, items: Sequence[ReportEvent], p: Partitioning
) -> list[tuple[str, str]]:
    """The accepted pairs ``(id, id)`` that partition ``key`` owns (see the module)."""
    items = unique_reports(items)
    if len(items) < 2:
        return []
    windows = [window(r) for r in items]
    out = []
    for *_, i, j, _reason in accepted_edges(items, windows):
        first, w = items[i], windows[i]
        assert w is not None
        if key[0] == "c" and home_key(first, w, p) != key:
            continue
        if key[0] == "r" and not (is_anchor(first) or is_anchor(items[j])):
            continue
        out.append((first.id, items[j].id))
    return out


def _bucket_pairs(
    pieces: list[list[tuple[Key, ReportEvent]]], p: Partitioning
) -> list[tuple[str, str]]:
    """The owned pairs of every partition key in one hash bucket."""
    by_key: dict[Key, list[ReportEvent]] = {}
    for piece in pieces:
        for key, r in piece:
            by_key.setdefault(key, []).append(r)
    return [pair for key, items in by_key.items() for pair in partition_pairs(key, items, p)]


def components(
    pairs: Iterable[tuple[str, str]], merge_groups: Iterable[tuple[str, str]]
) -> dict[str, str]:
    """Component label (smallest member id) of every report event in a pair or merge group.

    >>> components([("b", "c"), ("c", "d")], [("g1", "x"), ("g1", "a"), ("g2", "y")])
    {'b': 'b', 'c': 'b', 'd': 'b', 'x': 'a', 'a': 'a', 'y': 'y'}
    """
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        root = parent.setdefault(x, x)
        while parent[root] != root:
            root = parent[root]
        while parent[x] != root:
            parent[x], x = root, parent[x]
        return root

    def union(a: str, b: str) -> None:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)

    for a, b in pairs:
        union(a, b)
    first: dict[str, str] = {}
    for group, rid in merge_groups:
        union(first.setdefault(group, rid), rid)
    return {x: find(x) for x in parent}


def _labelled_pieces(
    part: Iterable[Item], labels: dict[str, str], buckets: int
) -> list[list[ReportEvent]]:
    """The report events of a partition split into hash buckets of their component."""
    pieces: list[list[ReportEvent]] = [[] for _ in range(buckets)]
    for r in part:
        if isinstance(r, ReportEvent):
            pieces[_bucket(labels.get(r.id, r.id)) % buckets].append(r)
    return pieces


def _fuse_bucket(pieces: list[list[ReportEvent]]) -> list[FusedEvent]:
    """Fuse the whole components of one hash bucket (as one: no pair joins two)."""
    return fuse(unique_reports(r for piece in pieces for r in piece))


def _shuffle(parts: list[Any], split: Any, combine: Any, buckets: int, *args: Any) -> list[Any]:
    """Dask tasks: ``split(part, *args, buckets)`` cuts each partition into ``buckets``
    pieces, ``combine(pieces)`` takes the pieces of one bucket from every partition."""
    import dask

    cut = [dask.delayed(split, nout=buckets)(part, *args, buckets) for part in parts]
    return [dask.delayed(combine)([c[b] for c in cut]) for b in range(buckets)]


def distributed_fuse(
    bag: Any, *, partitioning: Partitioning | None = None, scheduler: Any = None
) -> tuple[list[FusedEvent], list[InputError]]:
    """Fuse the report events of a Dask bag (it may also hold reader errors).

    Parameters
    ----------
    bag
        A ``dask.bag.Bag`` of :class:`ReportEvent` (and :class:`InputError`) items.
    partitioning
        Sizes of the pair partitions (:class:`Partitioning`); the result never depends on them.
    scheduler
        Passed to ``dask.compute``: a ``distributed.Client``, ``"synchronous"``, or
        None for Dask's default (the current client).

    Returns
    -------
    The fused events sorted by id, as :func:`~geoevents.store.fusion.fuse` of all the
    report events gives them, and the errors found in the bag.
    """
    import dask

    p = partitioning or Partitioning()
    parts = bag.to_delayed()
    facts = dask.compute(
        *(dask.delayed(partition_facts)(part, p) for part in parts), scheduler=scheduler
    )
    anchors = frozenset(f[1] for fs in facts for f in fs if f[0] == "anchor")
    merges = [(f[1], f[2]) for fs in facts for f in fs if f[0] == "merge"]
    errors = [f[1] for fs in facts for f in fs if f[0] == "error"]
    buckets = max(MIN_BUCKETS, min(MAX_BUCKETS, len(parts)))
    pair_tasks = _shuffle(
        parts,
        _keyed_pieces,
        partial(_bucket_pairs, p=p),
        buckets,
        dask.delayed(anchors, traverse=False),
        p,
    )
    pairs = dask.compute(*pair_tasks, scheduler=scheduler)
    labels = components((pair for found in pairs for pair in found), merges)
    fuse_tasks = _shuffle(
        parts, _labelled_pieces, _fuse_bucket, buckets, dask.delayed(labels, traverse=False)
    )
    fused = [fe for found in dask.compute(*fuse_tasks, scheduler=scheduler) for fe in found]
    fused.sort(key=lambda f: f.event.id)
    return fused, errors


def files_bag(files: Sequence[str | Path]) -> Any:
    """A Dask bag of the report events of event dataset files, one partition per file."""
    import dask.bag as db

    from geoevents.scale.reports import read_files

    return db.from_sequence([str(f) for f in files], npartitions=max(1, len(files))).map_partitions(
        read_files
    )
