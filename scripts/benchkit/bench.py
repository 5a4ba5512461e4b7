#!/usr/bin/env python3
"""EduSite against Hugo on the same generated school site, on tmpfs. Run through scripts/bench.

    bench.py --edusite PATH --hugo PATH [--posts 10000] [--runs 3] [--workdir /dev/shm/edusite-bench]
             [--doc docs/performance.md | --no-doc]

1. gensite.py writes WORKDIR/site/edusite and WORKDIR/site/hugo (same pages, same front matter).
2. One unmeasured build of each checks that both accept the site (EduSite: exit 0, no `error`; Hugo: exit 0,
   no ERROR) and warms the page cache.
3. RUNS measured full builds of each, interleaved E H E H …, each from nothing: the output folder (and the
   site's `.edusite/` cache, the Hugo cache dir) removed before the run, outside the timing.
   Per run: wall time, CPU time (user + system) and peak RSS (ru_maxrss) of the tool, taken by the small
   launcher measure.c (monotonic clock around posix_spawn … wait4, and wait4's rusage), and the HTML
   files in its output.
4. EduSite after one post changes: one baseline build into a fresh output, then RUNS times: append a
   paragraph to the same post, `edusite build` again into the same output, timed. `.edusite/` and the output
   are kept between them, so this measures the build cache (the report says whether it was used and how
   many pages it rendered). Then the post is restored, rebuilt once more, and that output must be
   byte-identical to the full build of step 3.
5. Prints a table (medians), the ratios and the targets, and writes them to the doc with the machine.
"""
from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import gensite  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]

# The targets of issue 5 (item 1) this run is judged by.
TARGET_SPEED = 5.0          # EduSite pages/s ≥ 5 × Hugo's
TARGET_MEMORY = 0.1         # EduSite peak RSS ≤ 1/10 of Hugo's
TARGET_REBUILD_MS = 100.0   # one-post rebuild ≤ 100 ms


@dataclass
class Run:
    wall: float      # seconds
    cpu: float       # seconds, user + system
    rss_kb: int      # peak resident set, KiB
    html: int        # HTML files in the output
    reported_ms: float | None = None  # what `edusite build` said


@dataclass
class Tool:
    name: str
    runs: list[Run] = field(default_factory=list)

    def median(self, attr: str) -> float:
        return statistics.median(getattr(r, attr) for r in self.runs)


def log(msg: str) -> None:
    print(f"bench: {msg}", flush=True)


MEASURE: Path | None = None
REBUILDS = 7  # measured one-post rebuilds (at least --runs)


def build_measure(folder: Path) -> Path:
    """Compiles measure.c (the launcher the tools are timed through) into folder."""
    binary = folder / "measure"
    cc = shutil.which("cc") or shutil.which("gcc") or shutil.which("clang")
    if cc is None:
        sys.exit("bench: a C compiler is needed for the measuring launcher (apt-get install gcc)")
    subprocess.run([cc, "-O2", "-o", str(binary), str(Path(__file__).with_name("measure.c"))], check=True)
    return binary


def spawn(cmd: list[str], env: dict[str, str] | None = None, cwd: Path | None = None) -> tuple[int, float, float, int, str, str]:
    """Runs cmd through the measuring launcher (measure.c); returns (exit code, wall s, cpu s, peak RSS
    KiB, stdout, stderr), the last three from the wait4 rusage of cmd itself."""
    out_path = Path(os.environ.get("TMPDIR", "/tmp")) / f"bench-{os.getpid()}.out"
    err_path = out_path.with_suffix(".err")
    result_path = out_path.with_suffix(".result")
    with open(out_path, "wb") as out, open(err_path, "wb") as err:
        subprocess.run([str(MEASURE), str(result_path), *cmd], stdout=out, stderr=err, stdin=subprocess.DEVNULL,
                       env=env, cwd=cwd, check=False)
    stdout = out_path.read_text(errors="replace")
    stderr = err_path.read_text(errors="replace")
    try:
        code, wall_ns, cpu_us, rss_kb = (int(x) for x in result_path.read_text().split())
    except (OSError, ValueError):
        sys.exit(f"bench: the launcher did not measure {cmd[0]}: {stderr.strip()[-500:]}")
    for path in (out_path, err_path, result_path):
        path.unlink()
    return code, wall_ns / 1e9, cpu_us / 1e6, rss_kb, stdout, stderr


def count_html(folder: Path) -> int:
    n = 0
    for _, _, files in os.walk(folder):
        n += sum(1 for f in files if f.endswith(".html"))
    return n


def count_small_html(folder: Path, limit: int = 600) -> int:
    """Hugo's alias pages (…/trang/1/ → …/): tiny redirect documents."""
    n = 0
    for base, _, files in os.walk(folder):
        for f in files:
            if f.endswith(".html") and os.path.getsize(os.path.join(base, f)) < limit:
                n += 1
    return n


def rm(path: Path) -> None:
    if path.is_dir():
        shutil.rmtree(path)
    elif path.exists():
        path.unlink()


def fs_type(path: Path) -> str:
    return subprocess.run(["stat", "-f", "-c", "%T", str(path)], capture_output=True, text=True).stdout.strip()


REPORTED = re.compile(r"built (\d+) pages, (\d+) (?:changed )?files into .* in (\d+(?:\.\d+)?) ms")
FROM_CACHE = re.compile(r"rebuilt from the cache: (\d+) pages rendered")
QUICK = re.compile(r"quick rebuild: only page text changed, (\d+) pages updated in place")


def diff_trees(a: Path, b: Path) -> list[str]:
    """Relative paths that are in only one tree or differ in bytes."""
    files_a = {p.relative_to(a) for p in a.rglob("*") if p.is_file()}
    files_b = {p.relative_to(b) for p in b.rglob("*") if p.is_file()}
    differing = sorted(str(p) for p in files_a ^ files_b)
    differing += sorted(str(p) for p in files_a & files_b if (a / p).read_bytes() != (b / p).read_bytes())
    return differing


class Bench:
    def __init__(self, args: argparse.Namespace):
        self.args = args
        self.work: Path = args.workdir
        self.site = self.work / "site"
        self.esite = self.site / "edusite"
        self.hsite = self.site / "hugo"
        self.eout = self.work / "out-edusite"
        self.hout = self.work / "out-hugo"
        self.hcache = self.work / "hugo-cache"
        self.hugo_env = dict(os.environ, HUGO_CACHEDIR=str(self.hcache), HUGO_ENVIRONMENT="production")
        self.edusite = Tool("EduSite")
        self.hugo = Tool("Hugo")
        self.rebuilds: list[Run] = []
        self.facts: dict = {}
        self.notes: list[str] = []

    # -- commands --------------------------------------------------------------------------------------
    def edusite_cmd(self, out: Path) -> list[str]:
        return [str(self.args.edusite), "build", str(self.esite), "-o", str(out), "--date", self.args.today.isoformat()]

    def hugo_cmd(self, quiet: bool = True) -> list[str]:
        cmd = [str(self.args.hugo), "build", "--noBuildLock", "--source", str(self.hsite),
               "--destination", str(self.hout), "--cacheDir", str(self.hcache)]
        return cmd + (["--quiet"] if quiet else ["--logLevel", "warn"])

    # -- steps -----------------------------------------------------------------------------------------
    def prepare(self) -> None:
        self.work.mkdir(parents=True, exist_ok=True)
        kind = fs_type(self.work)
        if kind != "tmpfs":
            if not self.args.allow_disk:
                sys.exit(f"bench: {self.work} is on {kind or 'an unknown file system'}, not tmpfs "
                         "(use --workdir on a tmpfs, or --allow-disk to measure anyway)")
            self.notes.append(f"work folder on {kind}, not tmpfs")
        self.facts["fs"] = kind
        for p in (self.site, self.eout, self.hout, self.hcache, self.eout.with_name("out-edusite-rebuild")):
            rm(p)
        start = time.perf_counter()
        facts = gensite.generate(self.site, self.args.posts, self.args.seed, self.args.today)
        self.facts.update(facts)
        log(f"generated {facts['posts']} posts (~{facts['words_per_post']} words each), {facts['files']} "
            f"content+static files per site in {time.perf_counter() - start:.1f} s → {self.site}")

    def validate(self) -> None:
        rm(self.eout)
        rc, wall, _, _, out, err = spawn(self.edusite_cmd(self.eout))
        text = out + err
        errors = [l for l in text.splitlines() if re.search(r"\berror\b", l)]
        warnings = [l for l in text.splitlines() if re.search(r"\bwarning\b", l)]
        if rc != 0 or errors:
            sys.stderr.write(text)
            sys.exit(f"bench: edusite build failed on the generated site (exit {rc}, {len(errors)} errors)")
        log(f"edusite accepts the site: {out.strip()} ({len(warnings)} warnings)")
        for w in warnings[:5]:
            log(f"  {w}")
        rm(self.hout)
        rc, wall, _, _, out, err = spawn(self.hugo_cmd(quiet=False), env=self.hugo_env)
        text = out + err
        errors = [l for l in text.splitlines() if "ERROR" in l]
        warnings = [l for l in text.splitlines() if "WARN" in l]
        if rc != 0 or errors:
            sys.stderr.write(text)
            sys.exit(f"bench: hugo failed on the generated site (exit {rc}, {len(errors)} errors)")
        log(f"hugo builds the site: {count_html(self.hout)} HTML files in {wall * 1000:.0f} ms "
            f"({len(warnings)} warnings)")
        for w in warnings[:5]:
            log(f"  {w}")

    def run_edusite(self) -> Run:
        rm(self.eout)
        rm(self.esite / ".edusite")
        rc, wall, cpu, rss, out, err = spawn(self.edusite_cmd(self.eout))
        if rc != 0:
            sys.stderr.write(out + err)
            sys.exit(f"bench: edusite build failed (exit {rc})")
        m = REPORTED.search(out + err)
        return Run(wall, cpu, rss, count_html(self.eout), float(m.group(3)) if m else None)

    def run_hugo(self) -> Run:
        rm(self.hout)
        rm(self.hcache)
        rc, wall, cpu, rss, out, err = spawn(self.hugo_cmd(), env=self.hugo_env)
        if rc != 0:
            sys.stderr.write(out + err)
            sys.exit(f"bench: hugo failed (exit {rc})")
        return Run(wall, cpu, rss, count_html(self.hout))

    def measure(self) -> None:
        self.facts["load_before"] = f"{os.getloadavg()[0]:.2f}"
        for i in range(1, self.args.runs + 1):
            for tool, fn in ((self.edusite, self.run_edusite), (self.hugo, self.run_hugo)):
                run = fn()
                tool.runs.append(run)
                log(f"run {i}/{self.args.runs} {tool.name:8} wall {run.wall * 1000:8.0f} ms  cpu {run.cpu * 1000:8.0f} ms"
                    f"  peak {run.rss_kb / 1024:7.1f} MiB  {run.html} HTML"
                    + (f"  (reported {run.reported_ms:.0f} ms)" if run.reported_ms is not None else ""))
        self.facts["load_after"] = f"{os.getloadavg()[0]:.2f}"
        self.facts["hugo_aliases"] = count_small_html(self.hout)

    def rebuild(self) -> None:
        """Baseline build, one unmeasured rebuild, then REBUILDS × (edit one post, build again into the same
        output), `.edusite/` kept. A rebuild takes a tenth of a second, so it is sampled more often than
        the full builds: its median is less at the mercy of a moment's load on a shared machine."""
        out = self.eout.with_name("out-edusite-rebuild")
        rm(out)
        rm(self.esite / ".edusite")
        rc, wall, *_ = spawn(self.edusite_cmd(out))
        if rc != 0:
            sys.exit("bench: baseline build for the rebuild measurement failed")
        post_file = self.facts["post_files"][len(self.facts["post_files"]) // 2]
        post = self.esite / post_file
        url = post_file.removeprefix("content/").removesuffix(".md")
        original = post.read_text(encoding="utf-8")
        samples = max(REBUILDS, self.args.runs)
        try:
            for i in range(0, samples + 1):
                marker = f"Bài viết được cập nhật lần thứ {i} (bench)."
                post.write_text(original + f"\n{marker}\n", encoding="utf-8")
                rc, wall, cpu, rss, text, err = spawn(self.edusite_cmd(out))
                if rc != 0:
                    sys.stderr.write(text + err)
                    sys.exit(f"bench: rebuild {i} failed (exit {rc})")
                page = (out / url / "index.html").read_text(encoding="utf-8")
                if marker not in page:
                    sys.exit(f"bench: rebuild {i} did not update /{url}/ (the edit is missing from its page)")
                if i == 0:
                    continue  # the warm-up: the first rebuild after a full build finds the caches cold
                m = REPORTED.search(text + err)
                run = Run(wall, cpu, rss, count_html(out), float(m.group(3)) if m else None)
                self.rebuilds.append(run)
                cached = FROM_CACHE.search(text + err)
                quick = QUICK.search(text + err)
                self.facts["incremental"] = bool(cached or quick)
                self.facts["quick"] = bool(quick)
                if cached or quick:
                    self.facts["rendered"] = (quick or cached).group(1)
                how = (f"quick: {quick.group(1)} page updated in place" if quick
                       else f"{cached.group(1)} pages rendered" if cached else "full rebuild")
                log(f"rebuild {i}/{samples} after editing {post_file}: wall {wall * 1000:.0f} ms  "
                    f"cpu {cpu * 1000:.0f} ms  peak {rss / 1024:.1f} MiB  ({how})")
        finally:
            post.write_text(original, encoding="utf-8")
        # Back to the original content: the rebuilt output must be the full build's, byte for byte.
        rc, *_ = spawn(self.edusite_cmd(out))
        if rc != 0:
            sys.exit("bench: the rebuild after restoring the post failed")
        differing = diff_trees(out, self.eout)
        if differing:
            sys.exit(f"bench: the rebuilt output differs from a full build in {len(differing)} files, e.g. {differing[:3]}")
        log("the rebuilt output, with the post restored, is byte-identical to a full build")

    # -- report ----------------------------------------------------------------------------------------
    def machine(self) -> dict[str, str]:
        cpu = "unknown"
        try:
            for line in Path("/proc/cpuinfo").read_text().splitlines():
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
        except OSError:
            pass
        mem = "unknown"
        try:
            kb = int(re.search(r"MemTotal:\s+(\d+)", Path("/proc/meminfo").read_text()).group(1))
            mem = f"{kb / 1024 / 1024:.1f} GiB"
        except (OSError, AttributeError):
            pass

        def first_line(cmd: list[str]) -> str:
            try:
                r = subprocess.run(cmd, capture_output=True, text=True, timeout=60)
                return (r.stdout or r.stderr).strip().splitlines()[0]
            except (OSError, IndexError, subprocess.TimeoutExpired):
                return "unknown"

        swift = first_line(["swift", "--version"])
        hugo = first_line([str(self.args.hugo), "version"])
        commit = first_line(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"])
        dirty = subprocess.run(["git", "-C", str(ROOT), "status", "--porcelain", "--", "Sources", "themes", "Package.swift"],
                               capture_output=True, text=True).stdout.strip()
        return {
            "date": dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
            "nproc": str(os.cpu_count()),
            "cpu": cpu,
            "memory": mem,
            "kernel": platform.release(),
            "swift": swift,
            "hugo": re.sub(r"\s*BuildDate=.*", "", hugo),
            "edusite": commit + (" (with uncommitted changes)" if dirty else ""),
            "fs": self.facts.get("fs", "?"),
        }

    def report(self) -> str:
        e, h, runs = self.edusite, self.hugo, self.args.runs
        ew, hw = e.median("wall"), h.median("wall")
        eh, hh = e.median("html"), h.median("html")
        eps, hps = eh / ew, hh / hw
        erss, hrss = e.median("rss_kb"), h.median("rss_kb")
        rebuild_ms = statistics.median(r.wall for r in self.rebuilds) * 1000
        rebuild_rep = [r.reported_ms for r in self.rebuilds if r.reported_ms is not None]
        incremental = self.facts.get("incremental")
        label = (f"quick rebuild: {self.facts.get('rendered')} page updated in place" if self.facts.get("quick")
                 else f"incremental: {self.facts.get('rendered')} pages rendered" if incremental
                 else "full rebuild: the cache was not used")
        speed, mem_ratio = eps / hps, erss / hrss

        def ok(b: bool) -> str:
            return "PASS" if b else "FAIL"

        lines = [
            f"{self.args.posts} posts, median of {runs} runs each (interleaved E H E H …), on {self.facts.get('fs')}",
            "",
            "| | EduSite | Hugo |",
            "|---|---:|---:|",
            f"| HTML files written | {eh:.0f} | {hh:.0f} |",
            f"| wall time | {ew * 1000:.0f} ms | {hw * 1000:.0f} ms |",
            f"| CPU time (user+sys) | {e.median('cpu') * 1000:.0f} ms | {h.median('cpu') * 1000:.0f} ms |",
            f"| CPU / wall (cores busy) | {e.median('cpu') / ew:.2f} | {h.median('cpu') / hw:.2f} |",
            f"| pages per second (HTML / wall) | {eps:.0f} | {hps:.0f} |",
            f"| pages per CPU second (HTML / CPU) | {eh / e.median('cpu'):.0f} | {hh / h.median('cpu'):.0f} |",
            f"| peak memory (max RSS) | {erss / 1024:.1f} MiB | {hrss / 1024:.1f} MiB |",
            f"| time the tool reports | {statistics.median(r.reported_ms for r in e.runs if r.reported_ms is not None):.0f} ms | – |",
            f"| one post changed, then `edusite build` ({label}) | {rebuild_ms:.0f} ms wall"
            + (f", {statistics.median(rebuild_rep):.0f} ms reported" if rebuild_rep else "") + " | – |",
            "",
            "| target | measured | |",
            "|---|---:|---|",
            f"| pages/s ≥ {TARGET_SPEED:g}× Hugo's | {speed:.2f}× | {ok(speed >= TARGET_SPEED)} |",
            f"| peak memory ≤ 1/{1 / TARGET_MEMORY:g} of Hugo's | {mem_ratio:.2f}× (1/{1 / mem_ratio:.1f}) | {ok(mem_ratio <= TARGET_MEMORY)} |",
            f"| one-post rebuild ≤ {TARGET_REBUILD_MS:g} ms | {rebuild_ms:.0f} ms ({label}) | {ok(rebuild_ms <= TARGET_REBUILD_MS)} |",
            "",
            f"Ratios EduSite/Hugo: pages/s {speed:.2f}×, wall {ew / hw:.2f}×, CPU {e.median('cpu') / h.median('cpu'):.2f}×, "
            f"peak memory {mem_ratio:.2f}×. Load average (1 min) before the runs {self.facts.get('load_before', '?')}, "
            f"after {self.facts.get('load_after', '?')} on {os.cpu_count()} cores.",
            f"Each tool's pages/s counts its own HTML files: EduSite's pages, paginated lists, tag pages and 404; "
            f"Hugo's the same kinds plus paginated tag pages and {self.facts.get('hugo_aliases', 0)} alias redirects "
            f"(…/trang/1/). Runs: " + "; ".join(
                f"E {a.wall * 1000:.0f} / H {b.wall * 1000:.0f} ms" for a, b in zip(e.runs, h.runs)) + ".",
        ]
        return "\n".join(lines)

    def write_doc(self, table: str, machine: dict[str, str]) -> None:
        doc: Path = self.args.doc
        start, end = f"<!-- bench:{self.args.posts}:start -->", f"<!-- bench:{self.args.posts}:end -->"
        block = "\n".join([
            start,
            f"### {self.args.posts:,} posts".replace(",", " "),
            "",
            f"Measured {machine['date']} by `scripts/bench --posts {self.args.posts} --runs {self.args.runs}` on: "
            f"{machine['nproc']} cores ({machine['cpu']}), {machine['memory']} memory, Linux {machine['kernel']}, "
            f"work folder on {machine['fs']}; {machine['swift']}; {machine['hugo']}; EduSite at {machine['edusite']}.",
            "",
            table,
            end,
        ])
        text = doc.read_text(encoding="utf-8") if doc.exists() else "# Performance\n\n## Results\n\n<!-- bench:results -->\n"
        if start in text and end in text:
            text = text[:text.index(start)] + block + text[text.index(end) + len(end):]
        elif "<!-- bench:results -->" in text:
            text = text.replace("<!-- bench:results -->", block + "\n\n<!-- bench:results -->")
        else:
            text = text.rstrip("\n") + "\n\n" + block + "\n"
        doc.write_text(text, encoding="utf-8")
        log(f"wrote the figures to {doc}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="EduSite against Hugo on a generated school site (see scripts/bench).")
    ap.add_argument("--posts", type=int, default=10000, help="dated posts in the generated site (default 10000)")
    ap.add_argument("--runs", type=int, default=3, help="measured builds of each tool (default 3)")
    ap.add_argument("--seed", type=int, default=2026)
    ap.add_argument("--today", type=dt.date.fromisoformat, default=dt.date.today(),
                    help="the day the site is generated and built for (default: today)")
    ap.add_argument("--workdir", type=Path, default=Path("/dev/shm/edusite-bench"))
    ap.add_argument("--allow-disk", action="store_true", help="measure even if the work folder is not on tmpfs")
    ap.add_argument("--edusite", type=Path, default=ROOT / ".build/release/edusite")
    ap.add_argument("--hugo", type=Path, required=True)
    ap.add_argument("--doc", type=Path, default=ROOT / "docs/performance.md")
    ap.add_argument("--no-doc", action="store_true", help="print only; leave docs/performance.md alone")
    ap.add_argument("--keep", action="store_true", help="keep the generated sites and outputs in the work folder")
    args = ap.parse_args(argv)
    if args.runs < 1 or args.posts < 2:
        ap.error("need --runs ≥ 1 and --posts ≥ 2")

    global MEASURE
    measure_dir = Path(tempfile.mkdtemp(prefix="edusite-measure-"))
    MEASURE = build_measure(measure_dir)
    bench = Bench(args)
    bench.prepare()
    try:
        bench.validate()
        bench.measure()
        bench.rebuild()
        machine = bench.machine()
        table = bench.report()
        print()
        print(f"Machine: {machine['nproc']} cores ({machine['cpu']}), {machine['memory']}, {machine['swift']}, "
              f"{machine['hugo']}, EduSite {machine['edusite']}, {machine['date']}")
        print(table)
        print()
        if not args.no_doc:
            bench.write_doc(table, machine)
    finally:
        shutil.rmtree(measure_dir, ignore_errors=True)
        if not args.keep:
            shutil.rmtree(args.workdir, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
