#!/usr/bin/env python3
"""EduSite's feed reader against feedparser, entry by entry (issue 11, item 3).

Over every well-formed feed of feedparser's own test corpus (the one scripts/test fetches for
FeedCorpusTests, $EDUSITE_FEEDPARSER_CORPUS) and over our fixtures (Tests/EduSiteTests/Fixtures/feeds),
reads each file with feedparser and with `edusite feeds --read`, and compares every entry's title,
link and date. Prints the counts (entries compared, agreements per field) and every disagreement,
grouped by cause; a disagreement no cause explains fails the check, and so does any disagreement on
our own fixtures. docs/feeds.md keeps the figures.

    check_feedparser.py EDUSITE_BINARY [--corpus DIR] [--list CAUSE|all]

Fair comparison, and no further: both texts have their whitespace collapsed and are compared in NFC;
feedparser's HTML values (`title_detail.type` text/html or application/xhtml+xml, already sanitised)
are compared by their text content (tags removed, entities decoded, a space for a block element);
its plain values as they are. Dates are compared as instants, with the field that stands for the
element EduSite reads first (RSS: `published_parsed`, then `updated_parsed`; Atom: the other way).
Both readers get the same base address and the same HTTP charset (the corpus file's `Header:` lines).
"""
import argparse
import calendar
import collections
import datetime
import html
import html.parser
import json
import os
import re
import subprocess
import sys
import unicodedata
import urllib.parse
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from acceptkit import Checks  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "Tests/EduSiteTests/Fixtures/feeds"
BASE = "http://127.0.0.1/feed.xml"
FOLDERS = ["wellformed", "illformed", "encoding", "entities"]
EXTENSIONS = {".xml", ".rdf", ".atom", ".rss"}
HTML_TYPES = {"text/html", "application/xhtml+xml"}
BLOCK = {"p", "br", "div", "li", "ul", "ol", "tr", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6",
         "blockquote", "hr", "table", "section", "article", "dd", "dt", "pre"}
HEADER = re.compile(rb"^Header:\s+([^:]+):(.+)$", re.MULTILINE)


class TextOf(html.parser.HTMLParser):
    """The text content of (feedparser's sanitised) HTML, as a reader sees it."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts = []

    def handle_starttag(self, tag, attrs):
        if tag in BLOCK:
            self.parts.append(" ")

    handle_startendtag = handle_starttag

    def handle_endtag(self, tag):
        if tag in BLOCK:
            self.parts.append(" ")

    def handle_data(self, data):
        self.parts.append(data)


def text_of_html(value):
    parser = TextOf()
    parser.feed(value)
    parser.close()
    return "".join(parser.parts)


def normal(text):
    if text is None:
        return None
    return unicodedata.normalize("NFC", " ".join(text.split()))


INVISIBLE = re.compile("[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]")


def as_requested(link):
    """A link as a browser requests it: spaces and non-ASCII characters percent-encoded, nothing else changed."""
    return urllib.parse.quote(link, safe="%:/?#[]@!$&'()*+,;=~") if link else None


def corpus_files(corpus):
    files = []
    if corpus:
        for folder in FOLDERS:
            files += sorted(p for p in (Path(corpus) / folder).rglob("*") if p.suffix in EXTENSIONS and p.is_file())
    files += sorted(p for p in FIXTURES.glob("*") if p.suffix in EXTENSIONS and p.is_file())
    return files


def headers_of(data):
    return {k.decode().strip().lower(): v.decode(errors="replace").strip() for k, v in HEADER.findall(data[:4096])}


def charset_of(headers):
    match = re.search(r"charset\s*=\s*\"?([^\";\s]+)", headers.get("content-type", ""), re.I)
    return match.group(1) if match else None


def edusite_read(binary, files_by_charset):
    """{path: what `edusite feeds --read` printed for it}."""
    results = {}
    for charset, files in files_by_charset.items():
        for start in range(0, len(files), 400):
            batch = [str(f) for f in files[start:start + 400]]
            command = [binary, "feeds", "--source-url", BASE] + (["--charset", charset] if charset else [])
            done = subprocess.run(command + ["--read"] + batch, capture_output=True, text=True, check=True)
            for item in json.loads(done.stdout):
                results[item["file"]] = item
    return results


def oracle_date(entry, atom):
    order = ["updated_parsed", "published_parsed"] if atom else ["published_parsed", "updated_parsed"]
    order.append("created_parsed")
    for key in order:
        if entry.get(key):
            return calendar.timegm(entry[key])
    return None


def our_date(item):
    if not item or not item.get("date"):
        return None
    return int(datetime.datetime.fromisoformat(item["date"]).timestamp())


def oracle_title(entry):
    if "title" not in entry:
        return None
    value = entry["title"]
    if entry.get("title_detail", {}).get("type") in HTML_TYPES:
        value = text_of_html(value)
    return value


def words_in_order(part, whole):
    """Whether every word of `part` appears in `whole`, in order (`part` is `whole` with words left out)."""
    rest = iter(whole.split())
    return all(word in rest for word in part.split())


def cause_of(field, theirs, ours, ctx):
    """The reason for one disagreement, or None. Each reason is one we stand by (docs/feeds.md)."""
    raw, entry = ctx["raw"], ctx["entry"]
    if ctx["refused"]:
        # Only this refusal is a choice; any other (a feed EduSite cannot read at all) stays unexplained.
        if re.search(rb"<CHANNEL[\s>]", raw):
            return "refused: Microsoft CDF (1997) is not a dialect EduSite reads"
        return None
    if field == "title":
        if ours and theirs and normal(INVISIBLE.sub("", theirs)) == ours:
            return "invisible characters (controls, zero-width, direction overrides) removed"
        if ours and theirs and normal(re.sub("[\x80-\x9f]", "\ufffd", theirs)) == ours:
            return "bytes windows-1252 leaves undefined: U+FFFD in EduSite, C1 control characters in feedparser"
        if ours and theirs and ours in normal(raw.decode("cp1258", "replace")) and theirs in normal(raw.decode("cp1252", "replace")):
            return "windows-1258 bytes: feedparser does not detect windows-1258 and reads them as windows-1252"
        if not ours and re.search(rb"<item>(?:(?!</item>).)*<image>", raw, re.S):
            return "feedparser takes the <title> of an <image> nested in the item as the item's title"
        if ours and theirs and b"<script" in raw.lower() and words_in_order(ours, theirs):
            return "script code feedparser's HTML parser keeps as text (a broken <script> tag) is dropped"
    if field == "link":
        if theirs and ours is None and not re.match(r"(?i)https?://", theirs):
            return "only http(s) links are kept (feedparser keeps any scheme)"
        relative_ids = [i.decode() for i in re.findall(rb"<id[^>]*>\s*([^<]*?)\s*</id>", raw) if not re.match(rb"(?i)[a-z][a-z0-9+.-]*:", i)]
        if theirs and ours is None and any(theirs.endswith(as_requested(i)) for i in relative_ids):
            return "a relative <id> is not a link: an Atom id is an absolute IRI (RFC 4287 4.2.6); feedparser resolves it"
        eid = (entry.get("id") or "").strip()
        if theirs is None and ours and ctx["rdf"] and eid == ours:
            return "an RSS 1.0 item without <link> links to its rdf:about, which the spec says is the same address"
    if field == "date":
        written = entry.get("published") or entry.get("updated") or entry.get("created") or ""
        zoned = re.search(r"(Z|[+-]\d\d:?\d\d|GMT|UTC|[ECMP][SD]T)\s*$", written, re.I)
        if ours is not None and theirs is not None and theirs - ours == 7 * 3600 and not zoned:
            return "a date without a zone is read in Vietnam time (+07:00), feedparser reads it as UTC"
        if ours is not None and theirs is None and re.match(r"\s*\d{1,2}/\d{1,2}/\d{4}", written):
            return "a dd/mm/yyyy date (as Vietnamese portals write them) that feedparser cannot read"
        if ours is not None and theirs is not None and any(
                len(re.findall(rb"<(?:\w+:)?%s[\s>]" % tag, raw)) > 1 for tag in (b"updated", b"published", b"pubDate", b"created", b"modified", b"issued")):
            return "two date elements of one kind in an entry (invalid): EduSite takes the first, feedparser the last"
    return None


def compare(binary, corpus):
    import feedparser

    files = corpus_files(corpus)
    oracle = {}
    by_charset = collections.defaultdict(list)
    for path in files:
        data = path.read_bytes()
        headers = headers_of(data)
        result = feedparser.parse(data, response_headers={**headers, "content-location": BASE})
        # Well-formed: feedparser's XML parser read it (a charset it had to guess is no fault of the XML).
        broken = result.bozo and not isinstance(
            result.get("bozo_exception"), (feedparser.CharacterEncodingOverride, feedparser.NonXMLContentType))
        if broken or not result.entries:
            continue
        oracle[path] = result
        by_charset[charset_of(headers)].append(path)
    ours_by_file = edusite_read(binary, by_charset)

    counts = collections.Counter()
    agree = collections.Counter()
    disagreements = collections.defaultdict(list)
    fixture_disagreements = []
    for path, result in oracle.items():
        mine = ours_by_file[str(path)]
        entries = mine.get("entries") or []
        atom = result.version.startswith("atom")
        raw = path.read_bytes()
        for index, entry in enumerate(result.entries):
            counts["entries"] += 1
            item = entries[index] if index < len(entries) else None
            ctx = {
                "raw": raw, "entry": entry, "item": item, "atom": atom, "rdf": result.version == "rss10",
                "refused": mine.get("error") or (None if index < len(entries) else "fewer entries"),
            }
            fields = {
                "title": (normal(oracle_title(entry)), normal((item or {}).get("title"))),
                "link": (as_requested(entry.get("link")), (item or {}).get("link")),
                "date": (oracle_date(entry, atom), our_date(item)),
            }
            for field, (theirs, ours) in fields.items():
                if theirs == ours or (not theirs and not ours):
                    agree[field] += 1
                    continue
                cause = cause_of(field, theirs, ours, ctx) or "UNEXPLAINED"
                where = str(path.relative_to(corpus)) if corpus and str(path).startswith(str(corpus)) else str(path.relative_to(ROOT))
                disagreements[(field, cause)].append((where, index, theirs, ours))
                if path.parent == FIXTURES:
                    fixture_disagreements.append((field, cause, where, index, theirs, ours))
    unsafe_links = [(name, e.get("link")) for name, read in ours_by_file.items() for e in read.get("entries") or []
                    if e.get("link") and not re.match(r"https?://[^/\s]", e["link"])]
    return counts, agree, disagreements, fixture_disagreements, unsafe_links, len(oracle)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("edusite")
    parser.add_argument("--corpus", default=os.environ.get("EDUSITE_FEEDPARSER_CORPUS"))
    parser.add_argument("--list", default="UNEXPLAINED", help="print every disagreement of this cause ('all': every one)")
    args = parser.parse_args()
    checks = Checks("check_feedparser")
    corpus = Path(args.corpus) if args.corpus else None
    checks.check("feedparser's corpus is there ($EDUSITE_FEEDPARSER_CORPUS)", corpus is not None and corpus.is_dir(),
                 str(corpus))
    if corpus is not None and not corpus.is_dir():
        corpus = None
    counts, agree, disagreements, fixture_disagreements, unsafe_links, feeds = compare(args.edusite, corpus)
    entries = counts["entries"]
    print(f"{feeds} well-formed feeds, {entries} entries compared")
    for field in ["title", "link", "date"]:
        rate = 100.0 * agree[field] / entries if entries else 0.0
        print(f"  {field}: {agree[field]}/{entries} agree ({rate:.1f} %)")
    print("disagreements by cause:")
    for (field, cause), cases in sorted(disagreements.items(), key=lambda kv: (kv[0][0], -len(kv[1]))):
        print(f"  {field:5}  {len(cases):4}  {cause}")
        if args.list in ("all", cause):
            for where, index, theirs, ours in cases:
                print(f"           {where} [{index}]: feedparser {theirs!r} / EduSite {ours!r}")
    checks.check("more than 1,000 entries compared", entries > 1000, str(entries))
    for field in ["title", "link", "date"]:
        unexplained = disagreements.get((field, "UNEXPLAINED"), [])
        checks.check(f"every {field} disagreement has a known cause", not unexplained,
                     f"{len(unexplained)} unexplained (--list UNEXPLAINED prints them)")
    fixture_unexplained = [d for d in fixture_disagreements if d[1] == "UNEXPLAINED"]
    print(f"our fixtures: {len(fixture_disagreements)} disagreements, {len(fixture_unexplained)} without a known cause")
    checks.check("every disagreement on our own fixtures has a known cause", not fixture_unexplained, str(fixture_unexplained))
    checks.check("every link EduSite keeps is http(s)", not unsafe_links, str(unsafe_links[:5]))
    return checks.finish()


if __name__ == "__main__":
    sys.exit(main())
