"""A Nominatim look-alike on 127.0.0.1 for tests: no request leaves the machine.

``/search?q=Hamlet...`` answers one hamlet in Donetsk Oblast, anything else ``[]``;
every request is recorded with its arrival time.
"""

from __future__ import annotations

import contextlib
import json
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse


class LocalNominatim(BaseHTTPRequestHandler):
    """Answers /search like Nominatim's format=json; records every request."""

    requests: list[tuple[float, dict[str, list[str]]]] = []
    fail_next = False

    def do_GET(self) -> None:  # noqa: N802 - http.server API
        url = urlparse(self.path)
        params = parse_qs(url.query)
        type(self).requests.append((time.monotonic(), params))
        if type(self).fail_next:
            type(self).fail_next = False
            self.send_response(500)
            self.end_headers()
            return
        query = params.get("q", [""])[0]
        body: list[dict] = []
        if query.startswith("Hamlet"):
            body = [
                {
                    "place_id": 1,
                    "osm_type": "node",
                    "osm_id": 99,
                    "lat": "48.1000",
                    "lon": "37.5000",
                    "display_name": f"{query}, Donetsk Oblast, Ukraine",
                    "class": "place",
                    "type": "hamlet",
                    "importance": 0.21,
                }
            ]
        data = json.dumps(body).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args: object) -> None:
        pass


@contextlib.contextmanager
def serve_local_nominatim() -> Iterator[str]:
    """Run the server in a thread; yields its ``host:port``, records reset."""
    LocalNominatim.requests = []
    LocalNominatim.fail_next = False
    server = ThreadingHTTPServer(("127.0.0.1", 0), LocalNominatim)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
