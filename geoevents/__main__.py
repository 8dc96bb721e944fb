"""``python -m geoevents`` runs the command-line interface."""

from geoevents.cli import main

if __name__ == "__main__":  # pragma: no cover
    main()
