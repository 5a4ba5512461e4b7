#!/usr/bin/env python3
"""The real binary on the real disk (as root in CI): EduSite never deletes or overwrites what it did not write.

  check_output_safety.py EDUSITE SITE

1. `edusite build COPY -o FOLDER --force` over a folder of someone else's (a fake home: `.git/`, dotfiles,
   documents, a symlink, a read-only file, a private folder of another user), three times, the last after
   an edit: every foreign entry keeps its bytes, inode, mode, owner and time; the site is there; the web root holds no file of
   EduSite's bookkeeping.
2. Refused outright, with E400 and nothing changed: `/`, `/etc`, `/usr`, `/root`, `$HOME` (a fake one),
   the site, its `content/`, its `.edusite/`, its `site.yaml`.

Ends with `check_output_safety: N passed, N failed`.
"""
import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from acceptkit import Checks  # noqa: E402


def snapshot(folder: Path, skip=()):
    """Every entry below folder (not following links): kind, bytes' hash, inode, mode, owner, mtime. A folder
    of someone else's is made anew in each build's staging folder, so its inode is not compared: its files
    are the same files (same inodes), and it keeps its mode, owner and time."""
    entries = {}
    for dirpath, dirnames, filenames in os.walk(folder, followlinks=False):
        rel_dir = os.path.relpath(dirpath, folder)
        for name in dirnames + filenames:
            rel = os.path.normpath(os.path.join(rel_dir, name))
            if rel.split(os.sep)[0] in skip:
                continue
            path = os.path.join(dirpath, name)
            st = os.lstat(path)
            if os.path.islink(path):
                what = ("link", os.readlink(path))
            elif os.path.isdir(path):
                what = ("dir", None)
            else:
                with open(path, "rb") as f:
                    what = ("file", hashlib.sha256(f.read()).hexdigest())
            inode = None if what[0] == "dir" else st.st_ino
            entries[rel] = (what, inode, st.st_mode, st.st_uid, st.st_gid, st.st_mtime_ns)
    return entries


def fake_home(folder: Path):
    (folder / ".git/objects/ab").mkdir(parents=True)
    (folder / ".git/HEAD").write_text("ref: refs/heads/main\n")
    (folder / ".git/objects/ab/cdef").write_bytes(os.urandom(300))
    (folder / ".bashrc").write_text("export PATH=$HOME/bin:$PATH\n")
    (folder / ".ssh").mkdir(mode=0o700)
    (folder / ".ssh/id_ed25519").write_text("-----BEGIN OPENSSH PRIVATE KEY-----\nnot a real key\n")
    os.chmod(folder / ".ssh/id_ed25519", 0o600)
    (folder / "Tài liệu").mkdir()
    (folder / "Tài liệu/Kế hoạch năm học.docx").write_bytes(os.urandom(2000))
    (folder / "index.html.bak").write_text("<p>trang cũ</p>\n")
    (folder / "CNAME").write_text("thcs-nguyendu.hcm.edu.vn\n")
    (folder / "readonly.txt").write_text("chỉ đọc\n")
    os.chmod(folder / "readonly.txt", 0o444)
    os.symlink("/etc/hostname", folder / "link-to-hostname")
    if os.geteuid() == 0:  # a teacher's own files in a folder that root builds into
        for path in [folder / "Tài liệu", folder / "Tài liệu/Kế hoạch năm học.docx", folder / ".ssh"]:
            os.lchown(path, 1000, 1000)
    os.utime(folder / "Tài liệu", ns=(1_600_000_000_000_000_000, 1_600_000_000_000_000_000))


def build(edusite, site, *args, env=None):
    return subprocess.run([edusite, "build", str(site), "--date", "2026-11-25", *args],
                          stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env)


def main(argv=None) -> int:
    argv = argv if argv is not None else sys.argv[1:]
    if len(argv) != 2:
        print(__doc__)
        return 2
    edusite, source = os.path.abspath(argv[0]), Path(argv[1])
    checks = Checks("check_output_safety")
    with tempfile.TemporaryDirectory(prefix="edusite-output-safety-") as tmp:
        tmp = Path(tmp)
        site = tmp / "site"
        shutil.copytree(source, site, ignore=shutil.ignore_patterns("public", ".edusite"))
        home = tmp / "home"
        home.mkdir()
        fake_home(home)
        before = snapshot(home)
        env = dict(os.environ, HOME=str(tmp / "someone-else"))

        without = build(edusite, site, "-o", str(home), env=env)
        checks.check("without --force a folder of someone else's is refused (E401)",
                     without.returncode != 0 and "E401" in without.stdout and snapshot(home) == before,
                     without.stdout[-500:])
        for round_ in range(3):
            if round_ == 2:
                news = sorted((site / "content").rglob("*.md"))[-1]
                news.write_text(news.read_text(encoding="utf-8") + "\nMột đoạn mới.\n", encoding="utf-8")
            done = build(edusite, site, "-o", str(home), "--force", env=env)
            after = {k: v for k, v in snapshot(home).items() if k in before}
            changed = sorted(k for k in before if after.get(k) != before[k])
            checks.check(f"--force build {round_ + 1}: every foreign entry keeps bytes, inode, mode, owner and time",
                         done.returncode == 0 and not changed, f"exit {done.returncode}, changed {changed}\n{done.stdout[-500:]}")
        checks.check("the site is in the folder", (home / "index.html").is_file() and (home / "sitemap.xml").is_file())
        checks.check("the build lists what it kept", "did not write" in done.stdout, done.stdout[-300:])
        bookkeeping = [p for p in os.listdir(home) if "edusite" in p.lower()]
        checks.check("the web root holds no bookkeeping of EduSite's", not bookkeeping, str(bookkeeping))
        checks.check("the record is kept beside the folder", (tmp / ".edusite/output-home/record").is_file())

        build(edusite, site, env=env)
        site_before = snapshot(site, skip=("public", ".edusite"))
        etc_before = snapshot(Path("/etc")) if os.access("/etc", os.R_OK) else None
        refused = ["/", "/etc", "/usr", "/root", str(tmp / "someone-else"), str(site), str(site / "content"),
                   str(site / ".edusite"), str(site / "site.yaml")]
        (tmp / "someone-else").mkdir()
        for output in refused:
            done = build(edusite, site, "-o", output, "--force", env=env)
            checks.check(f"-o {output} --force is refused (E400)", done.returncode != 0 and "E400" in done.stdout,
                         done.stdout[-400:])
        checks.check("the site's sources are unchanged", snapshot(site, skip=("public", ".edusite")) == site_before)
        if etc_before is not None:
            checks.check("/etc is unchanged", snapshot(Path("/etc")) == etc_before)
    return checks.finish()


if __name__ == "__main__":
    sys.exit(main())
