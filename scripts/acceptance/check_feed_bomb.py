#!/usr/bin/env python3
"""Acceptance check: an upstream server nobody here controls cannot take EduSite's memory or time
(issue 10, point 3).

Serves one feed from 127.0.0.1 and runs `edusite feeds` on a temporary copy of example-site: first a
good feed, then, one after another, a gzip bomb, a deflate bomb, an endless chunked body, a body longer
than its Content-Length, a huge declared Content-Length and a slowloris (one byte a second). For each:
a clear error naming the feed, exit status 0 (the network never breaks the command, docs/feeds.md) and
1 with --strict-feeds for the first, peak RSS of the child under 100 MB, and the good items kept.

    check_feed_bomb.py EDUSITE_BINARY EXAMPLE_SITE
"""
import http.server
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import zlib
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from acceptkit import Checks  # noqa: E402

checks = Checks("check_feed_bomb")
check = checks.check

PEAK_LIMIT_MB = 100
GOOD_TITLE = "Sở tổ chức hội nghị tổng kết năm học"
GOOD = f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Tin tức</title><link>http://127.0.0.1/</link><description>Tin tức</description>
<item><title>{GOOD_TITLE}</title><link>http://127.0.0.1/tin/1</link><pubDate>Mon, 23 Nov 2026 08:00:00 +0700</pubDate></item>
</channel></rss>""".encode("utf-8")
# The start of a feed, then spaces: a body that is plausible all the way.
FILLER_HEAD = b'<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>x</title>'


def bomb(wbits, gigabytes=1):
    """`gigabytes` GB of a feed's start and spaces, compressed to about 1 MB per GB."""
    packer = zlib.compressobj(9, zlib.DEFLATED, wbits)
    parts = [packer.compress(FILLER_HEAD)]
    block = b" " * (16 << 20)
    for _ in range(gigabytes * 64):
        parts.append(packer.compress(block))
    parts.append(packer.flush())
    return b"".join(parts)


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    mode = "good"
    bombs = {}

    def do_GET(self):
        try:
            getattr(self, "serve_" + Handler.mode.replace("-", "_"))()
        except (BrokenPipeError, ConnectionResetError):
            pass

    def head(self, extra):
        self.send_response(200)
        self.send_header("Content-Type", "application/rss+xml; charset=utf-8")
        for name, value in extra:
            self.send_header(name, value)
        self.end_headers()

    def serve_good(self):
        self.head([("Content-Length", str(len(GOOD)))])
        self.wfile.write(GOOD)

    def serve_encoded(self, encoding):
        body = Handler.bombs[encoding]
        self.head([("Content-Encoding", encoding), ("Content-Length", str(len(body)))])
        self.wfile.write(body)

    def serve_gzip_bomb(self):
        self.serve_encoded("gzip")

    def serve_deflate_bomb(self):
        self.serve_encoded("deflate")

    def forever(self, chunked, seconds=60):
        self.wfile.write(FILLER_HEAD if not chunked else b"%x\r\n%s\r\n" % (len(FILLER_HEAD), FILLER_HEAD))
        block = b" " * (64 << 10)
        piece = b"%x\r\n%s\r\n" % (len(block), block) if chunked else block
        deadline = time.time() + seconds
        while time.time() < deadline:
            self.wfile.write(piece)

    def serve_endless_chunked(self):
        self.head([("Transfer-Encoding", "chunked")])
        self.forever(chunked=True)

    def serve_lying_length(self):
        # Says 2 KB, sends without end: the reader must stop at what was declared (or at the cap).
        self.head([("Content-Length", "2048")])
        self.forever(chunked=False)

    def serve_huge_length(self):
        self.head([("Content-Length", str(1 << 40))])
        self.forever(chunked=False)

    def serve_slowloris(self):
        self.head([("Transfer-Encoding", "chunked")])
        deadline = time.time() + 40
        while time.time() < deadline:
            self.wfile.write(b"1\r\n \r\n")
            self.wfile.flush()
            time.sleep(1)

    def log_message(self, *args):
        pass


def run(binary, site, *flags):
    """Runs `edusite feeds SITE` and returns (exit status, output, peak RSS in MB, seconds)."""
    with tempfile.TemporaryFile() as out:
        start = time.time()
        child = subprocess.Popen([str(binary), "feeds", str(site), *flags], stdout=out, stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(child.pid, 0)
        child.returncode = os.waitstatus_to_exitcode(status)
        took = time.time() - start
        out.seek(0)
        text = out.read().decode("utf-8", "replace")
    return child.returncode, text, usage.ru_maxrss / 1024, took


def main():
    binary, example = Path(sys.argv[1]).resolve(), Path(sys.argv[2]).resolve()
    print("==> making the bombs (1 GB each, compressed)")
    Handler.bombs = {"gzip": bomb(31), "deflate": bomb(15)}
    for name, body in Handler.bombs.items():
        print(f"  {name}: {len(body) / 1e6:.1f} MB on the wire, 1 GB inflated")
    work = Path(tempfile.mkdtemp(prefix="edusite-feed-bomb-"))
    site = work / "site"
    shutil.copytree(example, site, ignore=shutil.ignore_patterns("public", ".edusite"))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    port = server.server_address[1]
    threading.Thread(target=server.serve_forever, daemon=True).start()

    config = (site / "site.yaml").read_text(encoding="utf-8")
    block = f'upstream_feeds:\n  - {{ id: tin-tuc, title: Tin tức, url: "http://127.0.0.1:{port}/tin-tuc.xml" }}\n'
    config, count = re.subn(r"upstream_feeds:\n(?:[ #].*\n)*", block, config)
    assert count == 1, "example-site/site.yaml has no upstream_feeds block"
    (site / "site.yaml").write_text(config, encoding="utf-8")
    cached = site / ".edusite/feeds/tin-tuc.json"

    print("==> a good feed first")
    status, text, peak, _ = run(binary, site)
    check("edusite feeds reads the good feed", status == 0 and cached.exists(), text[-800:])
    check("the good item is stored", GOOD_TITLE in cached.read_text(encoding="utf-8") if cached.exists() else False)

    # (mode, words the error must contain)
    cases = [
        ("gzip-bomb", "larger than"),
        ("deflate-bomb", "larger than"),
        ("endless-chunked", "larger than"),
        ("lying-length", ""),
        ("huge-length", "larger than"),
        ("slowloris", "did not answer within"),
    ]
    for mode, words in cases:
        print(f"==> {mode}")
        Handler.mode = mode
        status, text, peak, took = run(binary, site)
        print(f"  exit {status}, peak RSS {peak:.1f} MB, {took:.1f} s")
        line = next((l for l in text.splitlines() if "tin-tuc" in l and "kept" in l), "")
        check(f"{mode}: exit status 0 (the network never fails the command)", status == 0, text[-800:])
        check(f"{mode}: peak RSS {peak:.1f} MB is under {PEAK_LIMIT_MB} MB", peak < PEAK_LIMIT_MB)
        check(f"{mode}: a clear error names the feed and keeps its items", line and words in line, text[-800:])
        kept = cached.read_text(encoding="utf-8") if cached.exists() else ""
        check(f"{mode}: the last good items are kept", GOOD_TITLE in kept)
        check(f"{mode}: done within 30 s", took < 30)
    Handler.mode = "gzip-bomb"
    status, text, peak, _ = run(binary, site, "--strict-feeds")
    check("--strict-feeds exits 1 on a bomb", status == 1, text[-400:])

    server.shutdown()
    server.server_close()
    shutil.rmtree(work, ignore_errors=True)
    sys.exit(checks.finish())


if __name__ == "__main__":
    main()
