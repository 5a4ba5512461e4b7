#!/usr/bin/env python3
"""Acceptance check of `edusite serve` (issue: serve and live reload), against the real binary.

Starts `edusite serve` on 127.0.0.1 with a copy of example-site, edits a post and sees the new
content served and a reload event sent; writes malformed YAML and sees the error overlay (in
Chromium) naming file:line while the previous page is still served; fixes it and sees a reload.

    check_serve.py EDUSITE_BINARY EXAMPLE_SITE
"""
import http.client
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from acceptkit import Checks, free_port, wait_for  # noqa: E402

checks = Checks("check_serve")
check = checks.check



def get(port, path):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    connection.request("GET", path)
    response = connection.getresponse()
    return response.status, response.read().decode("utf-8", "replace")



class EventListener(threading.Thread):
    """Reads the server-sent events stream and remembers each event name and data."""

    def __init__(self, port):
        super().__init__(daemon=True)
        self.port = port
        self.events = []

    def run(self):
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=120)
        connection.request("GET", "/__edusite/events")
        response = connection.getresponse()
        name = None
        while True:
            line = response.fp.readline()
            if not line:
                return
            text = line.decode("utf-8").rstrip("\n")
            if text.startswith("event: "):
                name = text[7:]
            elif text.startswith("data: ") and name:
                self.events.append((name, text[6:]))
                name = None


def main():
    binary, example = Path(sys.argv[1]).resolve(), Path(sys.argv[2]).resolve()
    work = Path(tempfile.mkdtemp(prefix="edusite-serve-"))
    site = work / "site"
    shutil.copytree(example, site, ignore=shutil.ignore_patterns("public", ".edusite"))
    post = site / "content/tin-tuc/khai-giang-nam-hoc-2026-2027.md"
    if not post.exists():
        post = sorted((site / "content/tin-tuc").glob("[!_]*.md"))[0]
    url_path = f"/tin-tuc/{post.stem}/"
    port = free_port()
    log = open(work / "serve.log", "w")
    server = subprocess.Popen([str(binary), "serve", str(site), "--port", str(port), "--poll-interval", "100"],
                              stdout=log, stderr=subprocess.STDOUT)
    try:
        check("serve starts and answers", wait_for(lambda: get(port, "/")[0] == 200, 60))
        status, home = get(port, "/")
        check("pages carry the live-reload script", "/__edusite/live-reload.js" in home)
        check("an unknown path is a 404 page", get(port, "/khong-co-trang-nay/")[0] == 404)
        listener = EventListener(port)
        listener.start()
        time.sleep(0.5)

        original = post.read_text(encoding="utf-8")
        edited = original.replace("title:", "title: Đã sửa –", 1)
        post.write_text(edited, encoding="utf-8")
        check("the edited post is served", wait_for(lambda: "Đã sửa –" in get(port, url_path)[1]))
        check("a reload event was sent", wait_for(lambda: any(n == "reload" for n, _ in listener.events), 10))

        post.write_text("---\ntitle: [chưa đóng ngoặc\n---\n", encoding="utf-8")
        check("a build-error event names file:line",
              wait_for(lambda: any(n == "build-error" and f"content/tin-tuc/{post.name}:2:" in d
                                   for n, d in listener.events), 20), listener.events[-3:])
        status, page = get(port, url_path)
        check("the previous page is still served", status == 200 and "Đã sửa –" in page)
        check("serve is still running", server.poll() is None)

        from playwright.sync_api import sync_playwright
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
            page_ = browser.new_page(viewport={"width": 375, "height": 812})
            page_.goto(f"http://127.0.0.1:{port}{url_path}")
            overlay = page_.wait_for_selector("#edusite-build-error", timeout=10_000)
            text = overlay.inner_text() if overlay else ""
            check("the browser shows the overlay with file:line", f"content/tin-tuc/{post.name}:2:" in text, text[:200])
            post.write_text(original, encoding="utf-8")
            try:
                page_.wait_for_function("!document.getElementById('edusite-build-error')", timeout=20_000)
                cleared = True
            except Exception:  # noqa: BLE001
                cleared = False
            check("fixing the file reloads the page without the overlay", cleared)
            browser.close()
    finally:
        server.terminate()
        server.wait(timeout=10)
        log.close()
        print((work / "serve.log").read_text()[-1500:])
        shutil.rmtree(work, ignore_errors=True)
    sys.exit(checks.finish())


if __name__ == "__main__":
    main()
