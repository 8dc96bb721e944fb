"""Feeds in: RSS/Atom files read offline, and URLs (only those the user passes) fetched
politely, here from a loopback server only."""

from __future__ import annotations

import datetime
import http.server
import json
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from geoevents.errors import InputError
from geoevents.io.articles import Article, read_articles
from geoevents.io.fetch import USER_AGENT, PoliteFetcher
from tests.support.cli import ROOT, run

RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Example wire</title><link>https://wire.example.org/</link>
<item>
  <title>Missiles hit Kramatorsk station</title>
  <link>https://wire.example.org/kramatorsk</link>
  <guid>wire-1</guid>
  <pubDate>Fri, 08 Apr 2022 14:00:00 GMT</pubDate>
  <description>Short teaser.</description>
  <content:encoded><![CDATA[<p>A Russian missile struck the railway station in Kramatorsk
  on Friday, killing at least 50 people, the regional governor said.</p>
  <script>alert('x')</script><p>Thousands were waiting to be evacuated.</p>]]></content:encoded>
</item>
<item>
  <title>Drones downed over Kyiv</title>
  <link>https://wire.example.org/kyiv</link>
  <pubDate>Mon, 19 Dec 2022 08:00:00 GMT</pubDate>
  <description>Air defences shot down Shahed drones over Kyiv overnight, the air force said.</description>
</item>
<item><title>No body</title><link>https://wire.example.org/empty</link></item>
</channel></rss>
"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Example</title><id>urn:x</id>
<updated>2023-07-24T06:00:00Z</updated>
<entry><title>Drones strike Odesa port</title><id>urn:odesa-1</id>
<link href="https://news.example.net/odesa"/><updated>2023-07-24T06:00:00Z</updated>
<summary type="html">&lt;p&gt;Russian drones struck the port of Odesa overnight, damaging
grain silos, the regional governor said.&lt;/p&gt;</summary></entry>
</feed>
"""


def test_feed_entries_are_articles(tmp_path: Path) -> None:
    (tmp_path / "wire.rss").write_text(RSS, encoding="utf-8")
    (tmp_path / "news.atom").write_text(ATOM, encoding="utf-8")
    items = list(read_articles([tmp_path]))
    arts = [a for a in items if isinstance(a, Article)]
    errors = [e for e in items if isinstance(e, InputError)]
    assert [a.title for a in arts] == [
        "Drones strike Odesa port",
        "Missiles hit Kramatorsk station",
        "Drones downed over Kyiv",
    ]
    kram = arts[1]
    assert (kram.id, kram.url, kram.published) == (
        "wire-1",
        "https://wire.example.org/kramatorsk",
        datetime.date(2022, 4, 8),
    )
    assert kram.text.startswith("A Russian missile struck") and "alert" not in kram.text
    assert "Thousands were waiting" in kram.text  # the full content, not the teaser
    assert arts[2].id == "https://wire.example.org/kyiv"  # no guid: the link
    assert [str(e) for e in errors] == [
        f"{tmp_path / 'wire.rss'}: entry 3 has no text (no content, summary or description)"
    ]


def test_a_broken_feed_is_named_and_the_rest_goes_through(tmp_path: Path) -> None:
    (tmp_path / "good.rss").write_text(RSS, encoding="utf-8")
    (tmp_path / "bad.xml").write_text(
        "<rss><channel><item><title>x</title>\n<oops", encoding="utf-8"
    )
    result = run("extract", tmp_path, "-o", tmp_path / "events.geojson")
    assert result.exit_code == 1
    assert (
        f"{tmp_path / 'bad.xml'}:3: not a readable RSS/Atom feed: unclosed token" in result.output
    )
    places = {
        f["properties"]["place_name"]
        for f in json.loads((tmp_path / "events.geojson").read_text())["features"]
    }
    assert {"Kyiv"} <= places and any("Kramatorsk" in p for p in places)


class _Site(http.server.BaseHTTPRequestHandler):
    agents: list[str] = []
    flaky_left = 1

    def do_GET(self) -> None:  # noqa: N802 - the http.server API
        type(self).agents.append(self.headers.get("User-Agent", ""))
        if self.path == "/flaky" and type(self).flaky_left:
            type(self).flaky_left -= 1
            self.send_response(503)
            self.send_header("Retry-After", "0")
            self.end_headers()
            return
        if self.path == "/to-ftp":  # a redirect out of http(s)
            self.send_response(302)
            self.send_header("Location", "ftp://127.0.0.1/file.txt")
            self.end_headers()
            return
        routes = {
            "/page.html": ((ROOT / "examples" / "olenivka_prison.html").read_bytes(), "text/html"),
            "/feed": (ATOM.encode(), "application/atom+xml"),
            "/flaky": (
                b"Russian shelling hit Nikopol on Sunday, killing two, the governor said.",
                "text/plain",
            ),
        }
        if self.path not in routes:
            self.send_error(404)
            return
        body, ctype = routes[self.path]
        self.send_response(200)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def site() -> Iterator[str]:
    _Site.agents, _Site.flaky_left = [], 1
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Site)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def test_urls_the_user_passes_are_fetched_politely(site: str, tmp_path: Path) -> None:
    out = tmp_path / "events.geojson"
    result = run(
        "extract", f"{site}/page.html", f"{site}/feed", f"{site}/flaky", f"{site}/gone", "-o", out
    )
    assert result.exit_code == 1  # the 404 is an error; everything else is read
    assert f"{site}/gone: HTTP 404" in result.output
    feats = json.loads(out.read_text())["features"]
    urls = {s["url"] for f in feats for s in f["properties"]["sources"]}
    assert {f"{site}/flaky", "https://news.example.net/odesa"} <= urls
    assert any("Olenivka" in (f["properties"]["place_name"] or "") for f in feats)
    assert set(_Site.agents) == {USER_AGENT} and len(_Site.agents) == 5  # the 503 retried once


def test_the_fetcher_waits_between_requests_to_one_host(site: str) -> None:
    pauses: list[float] = []
    fetcher = PoliteFetcher(max_bytes=1_000_000, host_delay=5.0, sleep=pauses.append)
    fetcher.get(f"{site}/feed")
    body, ctype = fetcher.get(f"{site}/feed")
    assert ctype == "application/atom+xml" and body.startswith(b"<?xml")
    assert len(pauses) == 1 and 4.0 < pauses[0] <= 5.0  # the second request waited
    _Site.flaky_left = 1
    fetcher.get(f"{site}/flaky")  # a 503 with Retry-After: 0, then the page
    assert 0.0 in pauses[1:]
    with pytest.raises(InputError, match="only http"):
        PoliteFetcher(max_bytes=1000, retries=0, sleep=pauses.append).get(f"{site}/to-ftp")
    with pytest.raises(InputError, match="larger than the 10-byte limit"):
        PoliteFetcher(max_bytes=10, sleep=pauses.append).get(f"{site}/feed")
