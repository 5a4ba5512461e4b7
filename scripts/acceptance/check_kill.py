#!/usr/bin/env python3
"""kill -9 trials: an incremental rebuild killed at any moment leaves exactly the old output or the new one.

Each trial copies a generated school site (scripts/benchkit/gensite.py) to tmpfs, builds it in full, changes
20 post titles, starts the incremental rebuild and kills it with SIGKILL after a delay drawn from its own
slice of the rebuild's measured duration (stratified, so the kills spread over loading, rendering, writing
the staging folder and the swap); every other trial is instead aimed, by watching the work folder, at the
moment the staging folder gets its first files or at the moment just after the swap. Then:
  - the output folder must hash to the old build or to a build of the edited site from nothing, never a mix;
  - the next build (not killed) must give the new output, and leave only its record in the work folder.

Each trial says where the kill landed, read off what the killed build left: `starting` (no staging folder
yet), `loading` (an empty staging folder: loading, checking, rendering), `writing` (files in the staging
folder), `swapped` (the swap done, the old tree not yet removed) or `finished`.

  check_kill.py --edusite .build/release/edusite [--trials 5] [--posts 2000] [--seed 1] [--edit title|body]

With `--edit body` one post's text changes instead: the quick rebuild renames the one changed file into
place, and the kills are aimed at the moment that file waits in the work folder (`replacing`).

Ends with `check_kill: N passed, N failed`.
"""
import argparse
import hashlib
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from acceptkit import Checks  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
DATE = "2026-11-25"
EDITED_POSTS = 20


def tree_hash(folder: Path) -> str:
    """One hash of every entry below folder: path, kind and bytes (symlinks by their target)."""
    digest = hashlib.sha256()
    for dirpath, dirnames, filenames in os.walk(folder, followlinks=False):
        dirnames.sort()
        rel = os.path.relpath(dirpath, folder)
        digest.update(f"d {rel}\n".encode())
        for name in sorted(filenames):
            path = os.path.join(dirpath, name)
            if os.path.islink(path):
                digest.update(f"l {rel}/{name} {os.readlink(path)}\n".encode())
            else:
                with open(path, "rb") as f:
                    digest.update(f"f {rel}/{name} ".encode() + hashlib.sha256(f.read()).digest())
    return digest.hexdigest()


def edit(site: Path, kind: str):
    """`title`: changes the titles of 20 posts spread over the site (an incremental rebuild); `body`: adds
    a paragraph to one post (a quick rebuild, one file renamed into place). The same posts every trial."""
    posts = sorted(p for p in (site / "content").rglob("*.md") if p.name != "_index.md")
    if kind == "body":
        post = posts[len(posts) // 2]
        post.write_text(post.read_text(encoding="utf-8") + "\nMột đoạn mới được thêm vào bài.\n", encoding="utf-8")
        return
    step = max(1, len(posts) // EDITED_POSTS)
    for n, post in enumerate(posts[::step][:EDITED_POSTS]):
        text = post.read_text(encoding="utf-8")
        start = text.index("\ntitle: ") + len("\ntitle: ")
        end = text.index("\n", start)
        title = text[start:end].strip().strip('"')
        post.write_text(text[:start] + f'"{title} (cập nhật {n + 1})"' + text[end:], encoding="utf-8")


def build(edusite: Path, site: Path, must_succeed=False) -> subprocess.CompletedProcess:
    done = subprocess.run([str(edusite), "build", str(site), "--date", DATE],
                          stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    if must_succeed and done.returncode != 0:
        raise SystemExit(f"check_kill: the build of {site} failed:\n{done.stdout}")
    return done


def work_folder(site: Path) -> Path:
    return site / ".edusite" / "output-public"


def landed(site: Path, finished: bool) -> str:
    if finished:
        return "finished"
    entries = set(os.listdir(work_folder(site))) if work_folder(site).exists() else set()
    if "replacement.target" in entries:
        return "replacing"
    if "previous" in entries:
        return "swapped"
    if "staging" in entries:
        staged = any(files for _, _, files in os.walk(work_folder(site) / "staging"))
        return "writing" if staged else "loading"
    return "starting"


# Every other trial is aimed: at the staging folder's first files, or at the swap just done; for a body
# edit at the moment the one changed file waits in the work folder to be renamed into place.
AIMS = {"title": ["any moment", "writing", "any moment", "swapped"],
        "body": ["any moment", "replacing", "any moment", "replacing"]}
EDIT = "title"


def aim_reached(site: Path, aim: str) -> bool:
    work = work_folder(site)
    if aim == "swapped":
        return (work / "previous").exists()
    if aim == "replacing":
        return (work / "replacement").exists() or (work / "replacement.target").exists()
    try:
        return bool(os.listdir(work / "staging"))
    except OSError:
        return False


def wait_until(process, reached):
    while process.poll() is None and not reached():
        time.sleep(0.0005)


def prepare(edusite: Path, source: Path, trial_root: Path) -> Path:
    """A copy of the source site, built in full and then edited: ready for the rebuild."""
    site = trial_root / "site"
    if trial_root.exists():
        shutil.rmtree(trial_root)
    shutil.copytree(source, site)
    build(edusite, site, must_succeed=True)
    edit(site, EDIT)
    return site


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--edusite", type=Path, default=ROOT / ".build/release/edusite")
    ap.add_argument("--trials", type=int, default=5)
    ap.add_argument("--posts", type=int, default=2000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--edit", choices=["title", "body"], default="title",
                    help="what changes before the killed rebuild: 20 titles (incremental) or one post's text (quick)")
    args = ap.parse_args(argv)
    global EDIT
    EDIT = args.edit
    edusite = args.edusite.resolve()
    rng = random.Random(args.seed)
    checks = Checks("check_kill")
    tmp_parent = "/dev/shm" if os.path.isdir("/dev/shm") else None
    with tempfile.TemporaryDirectory(prefix="edusite-kill-", dir=tmp_parent) as tmp:
        tmp = Path(tmp)
        subprocess.run([sys.executable, str(ROOT / "scripts/benchkit/gensite.py"), "--posts", str(args.posts),
                        "--today", DATE, "--out", str(tmp / "gen")], check=True, stdout=subprocess.DEVNULL)
        source = tmp / "gen" / "edusite"

        # What the two acceptable outputs are: the old build, and the edited site built from nothing.
        fresh = tmp / "fresh" / "site"
        shutil.copytree(source, fresh)
        build(edusite, fresh, must_succeed=True)
        old_hash = tree_hash(fresh / "public")
        edit(fresh, EDIT)
        shutil.rmtree(fresh / ".edusite")
        shutil.rmtree(fresh / "public")
        build(edusite, fresh, must_succeed=True)
        new_hash = tree_hash(fresh / "public")
        checks.check("the edit changes the output (a trial can tell old from new)", old_hash != new_hash)

        # How long the rebuild takes here, unkilled: the window the kills are spread over (the shortest of
        # three, so that few kills come after a rebuild has already finished on a machine busy with other work).
        windows = []
        for _ in range(3):
            site = prepare(edusite, source, tmp / "timing")
            started = time.monotonic()
            rebuild = build(edusite, site)
            windows.append(time.monotonic() - started)
            checks.check(f"an unkilled rebuild is {'incremental' if EDIT == 'title' else 'quick'} and gives the new output",
                         rebuild.returncode == 0
                         and ("rebuilt from the cache" if EDIT == "title" else "quick rebuild") in rebuild.stdout
                         and tree_hash(site / "public") == new_hash, rebuild.stdout[-400:])
        window = min(windows)
        what = f"{EDITED_POSTS} titles changed" if EDIT == "title" else "one post's text changed"
        print(f"  rebuild of {args.posts} posts with {what}, unkilled: "
              f"{', '.join(f'{w * 1000:.0f}' for w in windows)} ms")

        outcomes = {"old": 0, "new": 0}
        phases = {}
        for trial in range(args.trials):
            site = prepare(edusite, source, tmp / "trial")
            aim = AIMS[EDIT][trial % len(AIMS[EDIT])]
            delay = window * (trial + rng.random()) / args.trials
            process = subprocess.Popen([str(edusite), "build", str(site), "--date", DATE],
                                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            started = time.monotonic()
            if aim == "any moment":
                time.sleep(delay)
            else:
                wait_until(process, lambda: aim_reached(site, aim))
                time.sleep(rng.uniform(0, 0.03))
            delay = time.monotonic() - started
            finished = process.poll() is not None
            if not finished:
                process.send_signal(signal.SIGKILL)
            process.wait()
            phase = landed(site, finished)
            phases[phase] = phases.get(phase, 0) + 1
            after_kill = tree_hash(site / "public")
            which = "old" if after_kill == old_hash else "new" if after_kill == new_hash else "mixed"
            if which in outcomes:
                outcomes[which] += 1
            checks.check(f"trial {trial + 1}: aimed at {aim}, killed at {delay * 1000:.0f} ms ({phase}): "
                         f"the output is the {which} build",
                         which != "mixed")
            mend = build(edusite, site)
            left = sorted(os.listdir(work_folder(site)))
            checks.check(f"trial {trial + 1}: the next build gives the new output and tidies its work folder",
                         mend.returncode == 0 and tree_hash(site / "public") == new_hash and left == ["record"],
                         f"exit {mend.returncode}, work folder {left}\n{mend.stdout[-600:]}")
        print(f"  kills landed: {', '.join(f'{n} {p}' for p, n in sorted(phases.items()))}; "
              f"outputs after the kill: {outcomes['old']} old, {outcomes['new']} new, "
              f"{args.trials - outcomes['old'] - outcomes['new']} mixed")
    return checks.finish()


if __name__ == "__main__":
    sys.exit(main())
