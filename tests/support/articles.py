"""Synthetic articles for the tests: the generator of the extraction throughput benchmark.

``bench/`` is a namespace package beside ``tests/`` in the project root, so the tests
read the very articles the benchmark measures (see ``bench/extract_throughput.py``).

>>> arts = synthetic_articles(3, 2048, 1)
>>> len(arts), all(len(a.text) <= 2048 for a in arts), arts == synthetic_articles(3, 2048, 1)
(3, True, True)
"""

from __future__ import annotations

from bench.extract_throughput import synthetic_articles

__all__ = ["synthetic_articles"]
