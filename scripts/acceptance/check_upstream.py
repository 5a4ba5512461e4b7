#!/usr/bin/env python3
"""Acceptance check of the prebuilt upstream include (issue: feeds in).

Serves the parent office's four feeds from 127.0.0.1 in four dialects (RSS 2.0, Atom, RSS 1.0 and a
sitemap with pages), builds a copy of example-site with `--fetch`, and checks the home page and the
standalone include show the items, escaped and with http(s) links only. Then stops the server and
checks that a rebuild keeps the same items and warns with their age, and that --strict-feeds fails.

    check_upstream.py EDUSITE_BINARY EXAMPLE_SITE
"""
import functools
import http.server
import re
import shutil
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from acceptkit import Checks  # noqa: E402

checks = Checks("check_upstream")
check = checks.check


def feeds(port):
    base = f"http://127.0.0.1:{port}"
    rss2 = f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Sở GD&amp;ĐT — Tin tức</title><link>{base}/</link><description>Tin tức</description>
<item><title>Sở tổ chức hội nghị tổng kết năm học &lt;script&gt;alert(1)&lt;/script&gt;</title><link>{base}/tin/1</link><pubDate>Mon, 23 Nov 2026 08:00:00 +0700</pubDate></item>
<item><title>Mục có liên kết độc hại</title><link>javascript:alert(1)</link><pubDate>Sun, 22 Nov 2026 08:00:00 +0700</pubDate></item>
</channel></rss>"""
    atom = f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Thông báo</title><id>{base}/tb</id><updated>2026-11-20T10:00:00+07:00</updated>
<entry><title type="html">Thông báo lịch thi &lt;b&gt;học kỳ I&lt;/b&gt;</title><link href="/thong-bao/7"/><id>{base}/tb/7</id><updated>2026-11-20T10:00:00+07:00</updated></entry>
<entry><title type="html">Thông báo tuyển sinh &lt;đối với các cơ sở giáo dục&gt;</title><link href="/thong-bao/6"/><id>{base}/tb/6</id><updated>2026-11-19T10:00:00+07:00</updated></entry>
</feed>"""
    rdf = f"""<?xml version="1.0" encoding="UTF-8"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel rdf:about="{base}/vb"><title>Văn bản</title><link>{base}/vb</link><description>Văn bản</description></channel>
<item rdf:about="{base}/vb/9"><title>Công văn hướng dẫn nhiệm vụ giáo dục trung học</title><link>{base}/vb/9</link><dc:date>2026-11-18T09:00:00+07:00</dc:date></item>
</rdf:RDF>"""
    sitemap = f"""<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<url><loc>{base}/thu-moi/ct/1/2</loc><lastmod>2026-11-19</lastmod></url>
<url><loc>{base}/thu-moi/ct/1/1</loc><lastmod>2026-10-01</lastmod></url>
</urlset>"""
    pages = {
        "/thu-moi/ct/1/2": "<html><head><title>Thư mời dự hội thảo chuyển đổi số</title></head><body></body></html>",
        "/thu-moi/ct/1/1": "<html><head><title>Thư mời họp giao ban</title></head><body></body></html>",
    }
    routes = {"/tin-tuc.xml": rss2, "/thong-bao.xml": atom, "/van-ban.xml": rdf, "/thu-moi.xml": sitemap}
    routes.update(pages)
    return routes


class Handler(http.server.BaseHTTPRequestHandler):
    def __init__(self, routes, *args, **kwargs):
        self.routes = routes
        super().__init__(*args, **kwargs)

    def do_GET(self):
        body = self.routes.get(self.path)
        if body is None:
            self.send_response(404)
            self.end_headers()
            return
        data = body.encode("utf-8")
        self.send_response(200)
        kind = "text/html" if not self.path.endswith(".xml") else "application/xml"
        self.send_header("Content-Type", f"{kind}; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args):
        pass


def main():
    binary, example = Path(sys.argv[1]).resolve(), Path(sys.argv[2]).resolve()
    work = Path(tempfile.mkdtemp(prefix="edusite-upstream-"))
    site = work / "site"
    shutil.copytree(example, site, ignore=shutil.ignore_patterns("public", ".edusite"))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Handler, {}))
    port = server.server_address[1]
    server.RequestHandlerClass = functools.partial(Handler, feeds(port))
    threading.Thread(target=server.serve_forever, daemon=True).start()

    config = (site / "site.yaml").read_text(encoding="utf-8")
    block = (
        "upstream_feeds:\n"
        f"  - {{ id: tin-tuc, title: Tin tức, url: \"http://127.0.0.1:{port}/tin-tuc.xml\" }}\n"
        f"  - {{ id: thong-bao, title: Thông báo, url: \"http://127.0.0.1:{port}/thong-bao.xml\" }}\n"
        f"  - {{ id: van-ban, title: Văn bản, url: \"http://127.0.0.1:{port}/van-ban.xml\" }}\n"
        f"  - {{ id: thu-moi, title: Thư mời, url: \"http://127.0.0.1:{port}/thu-moi.xml\", format: sitemap }}\n"
    )
    config, count = re.subn(r"upstream_feeds:\n(?:[ #].*\n)*", block, config)
    assert count == 1, "example-site/site.yaml has no upstream_feeds block"
    (site / "site.yaml").write_text(config, encoding="utf-8")

    def build(*flags):
        return subprocess.run([str(binary), "build", str(site), *flags], capture_output=True, text=True)

    expected = [
        "Sở tổ chức hội nghị tổng kết năm học",
        "Thông báo lịch thi học kỳ I",
        "Công văn hướng dẫn nhiệm vụ giáo dục trung học",
        "Thư mời dự hội thảo chuyển đổi số",
    ]
    print("==> with the parent office's server up")
    first = build("--fetch")
    check("build --fetch succeeds", first.returncode == 0, first.stderr[-2000:])
    home = (site / "public/index.html").read_text(encoding="utf-8")
    include = site / "public/includes/tin-cap-tren.html"
    for title in expected:
        check(f"home page shows “{title}”", title in home)
    check("standalone include exists", include.exists())
    text = include.read_text(encoding="utf-8") if include.exists() else ""
    check("standalone include shows every feed", all(t in text for t in expected))
    block_html = home[home.find('class="upstream"'):]
    check("no upstream markup reaches the page", "<script" not in block_html and "<b>" not in block_html)
    # Issue 11: angle brackets the publisher wrote as text are shown as text, escaped, never read as a tag.
    check("bracketed words are shown as text", "Thông báo tuyển sinh &lt;đối với các cơ sở giáo dục&gt;" in block_html
          and "<đối" not in block_html)
    links = re.findall(r'href="([^"]+)"', block_html.split("</section>\n</div>\n</section>")[0])
    check("upstream links are http(s) only", links and all(l.startswith(("http://", "https://")) for l in links), links)
    check("relative Atom link resolved", f"http://127.0.0.1:{port}/thong-bao/7" in home)

    server.shutdown()
    server.server_close()
    print("==> with the server stopped")
    second = build("--fetch")
    check("build --fetch still succeeds", second.returncode == 0, second.stderr[-2000:])
    check("a warning names the failed fetch", "warning[F001]" in second.stderr, second.stderr[-1000:])
    said = second.stdout + second.stderr
    check("the warning says how old the kept items are", re.search(r"kept \d+ items? from (just now|\d+ \w+ ago)", said), said[-600:])
    home_again = (site / "public/index.html").read_text(encoding="utf-8")
    check("the same items are shown", all(t in home_again for t in expected))
    strict = build("--fetch", "--strict-feeds")
    check("--strict-feeds fails when the feeds cannot be refreshed", strict.returncode == 1)
    shutil.rmtree(work, ignore_errors=True)
    sys.exit(checks.finish())


if __name__ == "__main__":
    main()
