"""Development tooling shared by the tests, the benchmarks and the docs' screenshot.

Not part of the installed packages: :mod:`tests.support.browser` (Debian's headless
Chromium with no network), :mod:`tests.support.screenshot` (``python -m
tests.support.screenshot``), :mod:`tests.support.synthetic` (synthetic events) and
:mod:`tests.support.articles` (the throughput benchmark's synthetic articles). Run
from the project root, which pytest and ``python -m`` put on ``sys.path``.
"""
