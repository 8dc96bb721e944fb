"""GeoPackage binary geometry for points: the ``GP`` header followed by WKB.

GeoPackage 1.4, clause 2.1.3: magic ``GP``, version 0, a flags byte (bit 0:
little-endian, bits 1-3: envelope kind, bit 4: empty), the SRS id as int32,
an optional envelope, then standard WKB. Points carry no envelope (their
envelope is the point itself).

>>> blob = encode_point(48.04, 37.97)
>>> blob[:2], len(blob)
(b'GP', 29)
>>> decode_point(blob)
(48.04, 37.97)
"""

from __future__ import annotations

import struct

from geoevents.errors import StoreError

WGS84 = 4326
_HEADER = struct.Struct("<2sBBi")
_WKB_POINT = struct.Struct("<BIdd")
_FLAGS_LE_NO_ENVELOPE = 0b0000_0001


def encode_point(lat: float, lon: float, srs_id: int = WGS84) -> bytes:
    """GeoPackage geometry blob of the point ``(lat, lon)`` (stored as x=lon, y=lat)."""
    return _HEADER.pack(b"GP", 0, _FLAGS_LE_NO_ENVELOPE, srs_id) + _WKB_POINT.pack(
        1, 1, float(lon), float(lat)
    )


_ENVELOPE_DOUBLES = {0: 0, 1: 4, 2: 6, 3: 6, 4: 8}


def decode_point(blob: bytes) -> tuple[float, float]:
    """``(lat, lon)`` of a GeoPackage point blob (any byte order, any envelope)."""
    if len(blob) < 8 or blob[:2] != b"GP":
        raise StoreError("not a GeoPackage geometry blob")
    flags = blob[3]
    env = (flags >> 1) & 0b111
    if env not in _ENVELOPE_DOUBLES:
        raise StoreError(f"invalid GeoPackage envelope code {env}")
    offset = 8 + 8 * _ENVELOPE_DOUBLES[env]
    wkb = blob[offset:]
    order = "<" if wkb[0] == 1 else ">"
    (gtype,) = struct.unpack(order + "I", wkb[1:5])
    if gtype % 1000 != 1:
        raise StoreError(f"expected a WKB point, got geometry type {gtype}")
    x, y = struct.unpack(order + "dd", wkb[5:21])
    return (y, x)
