"""``geoevents`` command-line interface: a click group, one thin module per command.

Command modules are imported only when their command runs, so that
``geoevents geocode`` starts fast.
"""

from __future__ import annotations

import importlib
import logging
import warnings

import click

from geoevents import __version__
from geoevents.errors import GeoeventsWarning

#: command name -> "module:attribute" of its click command.
COMMANDS: dict[str, str] = {
    "geocode": "geoevents.cli.geocode:geocode",
    "gazetteer": "geoevents.cli.gazetteer:gazetteer",
    "eval": "geoevents.cli.evaluate:eval_group",
    "extract": "geoevents.cli.extract:extract",
    "fuse": "geoevents.cli.fuse:fuse_command",
    "map": "geoevents.cli.map:map_command",
    "ingest": "geoevents.cli.ingest:ingest",
    "export": "geoevents.cli.export:export",
    "explain": "geoevents.cli.explain:explain",
    "correct": "geoevents.cli.correct:correct",
    "check": "geoevents.cli.check:check",
    "review": "geoevents.cli.review:review",
}


class LazyGroup(click.Group):
    """A group whose subcommands are imported on first use."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        target = COMMANDS.get(cmd_name)
        if target is None:
            return None
        module_name, attr = target.split(":")
        return getattr(importlib.import_module(module_name), attr)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="geoevents")
def main() -> None:
    """Turn news reports of military strikes into a geocoded, claims-aware event map."""
    report_to_stderr()


class _ClickHandler(logging.Handler):
    """Log records as lines on the current stderr (resolved at each record, as click does)."""

    def emit(self, record: logging.LogRecord) -> None:
        click.echo(self.format(record), err=True)


def _show_warning(message, category, filename, lineno, file=None, line=None):  # noqa: ANN001, ANN202
    if issubclass(category, GeoeventsWarning):
        click.echo(f"warning: {message}", err=True)
    else:
        _DEFAULT_SHOW(message, category, filename, lineno, file, line)


_DEFAULT_SHOW = warnings.showwarning


def report_to_stderr() -> None:
    """Show the package's warnings (every one, as ``warning: ...``) and the gazetteer's
    progress lines (a first build) on stderr, whether or not stderr is a terminal."""
    warnings.simplefilter("always", GeoeventsWarning)
    warnings.showwarning = _show_warning
    for name in ("gazetteer", "geoevents"):
        logger = logging.getLogger(name)
        if not any(isinstance(h, _ClickHandler) for h in logger.handlers):
            logger.addHandler(_ClickHandler())
        if logger.level == logging.NOTSET:
            logger.setLevel(logging.INFO)
