#!/usr/bin/env python3
"""Generates a synthetic Vietnamese school site twice: once in the EduSite layout, once as a Hugo site.

    gensite.py --posts 10000 --out DIR [--seed 2026] [--today 2026-11-25]

writes DIR/edusite/ (site.yaml, content/, static/) and DIR/hugo/ (hugo.yaml, content/, static/,
themes/bench/ copied from hugo-theme/ beside this file). Both hold the same pages with the same front
matter and the same Markdown bodies, at the same URLs:

- every required section: home intro, gioi-thieu, lien-he, gop-y, to-chuc (ban-giam-hieu with people,
  doan-the/*), cong-khai/<5 school years>/* with `disclosure:` ids and PDF attachments,
  cai-cach-hanh-chinh/* with `procedure:` ids and DOCX/PDF forms in static/;
- N dated posts, 70 % in tin-tuc/ and 30 % in thong-bao/, spread over the 5 school years before
  `--today`, each ~600 Vietnamese words: ## headings, a bulleted and a numbered list, a table, links to
  other posts; a summary and 1-3 tags from a pool of 30.

Stdlib only and deterministic: the same --seed, --posts and --today give byte-identical files.
`--today` (default: the current date) fixes the school-year window; pass the same day to
`edusite build --date` so the checks see the same "today".
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import re
import shutil
import sys
import unicodedata
from pathlib import Path

KIT = Path(__file__).resolve().parent
TZ = dt.timezone(dt.timedelta(hours=7))

# ---------------------------------------------------------------------------------------------- vocabulary

SUBJECTS = [
    "Nhà trường", "Ban Giám hiệu", "Đoàn trường", "Công đoàn cơ sở", "Tổ Toán - Tin học", "Tổ Ngữ văn",
    "Tổ Khoa học tự nhiên", "Tổ Khoa học xã hội", "Tổ Ngoại ngữ", "Ban đại diện cha mẹ học sinh",
    "Giáo viên chủ nhiệm các lớp", "Học sinh khối 10", "Học sinh khối 11", "Học sinh khối 12",
    "Câu lạc bộ Khoa học", "Thư viện nhà trường", "Phòng y tế học đường", "Hội đồng trường",
]
VERBS = [
    "đã tổ chức", "phối hợp thực hiện", "triển khai kế hoạch", "tích cực tham gia", "hoàn thành tốt",
    "tiếp tục duy trì", "chủ động chuẩn bị", "thông báo đến phụ huynh về", "tổng kết và đánh giá",
    "đẩy mạnh", "hướng dẫn học sinh thực hiện", "nghiêm túc triển khai", "phát động phong trào",
]
OBJECTS = [
    "hoạt động trải nghiệm hướng nghiệp", "chuyên đề đổi mới phương pháp dạy học", "kỳ kiểm tra giữa học kỳ",
    "phong trào thi đua dạy tốt, học tốt", "chương trình giáo dục phổ thông 2018", "công tác phòng chống dịch bệnh",
    "hội thi giáo viên dạy giỏi cấp trường", "ngày hội đọc sách", "hoạt động thể dục thể thao",
    "công tác tuyển sinh lớp 10", "buổi sinh hoạt dưới cờ đầu tuần", "chương trình an toàn giao thông",
    "hoạt động tình nguyện mùa hè xanh", "lớp bồi dưỡng học sinh giỏi", "buổi họp phụ huynh học sinh",
    "kế hoạch chuyển đổi số trong nhà trường", "công tác kiểm định chất lượng giáo dục",
    "cuộc thi khoa học kỹ thuật", "chương trình giáo dục kỹ năng sống", "hoạt động ngoại khóa tìm hiểu lịch sử",
]
ADVERBIALS = [
    "trong không khí trang trọng và ấm cúng", "với sự tham gia của đông đảo học sinh",
    "theo đúng kế hoạch năm học", "dưới sự chỉ đạo của Sở Giáo dục và Đào tạo",
    "nhằm nâng cao chất lượng giáo dục toàn diện", "tại hội trường lớn của nhà trường",
    "với tinh thần trách nhiệm cao", "góp phần xây dựng môi trường học đường an toàn, thân thiện",
    "trong suốt học kỳ vừa qua", "với sự đồng hành của quý phụ huynh",
    "bảo đảm an toàn và hiệu quả", "theo hướng dẫn của Bộ Giáo dục và Đào tạo",
]
CLAUSES = [
    "Qua đó, các em có thêm cơ hội rèn luyện kỹ năng làm việc nhóm và tự tin thể hiện bản thân.",
    "Nhiều ý kiến đóng góp thiết thực đã được ghi nhận để hoàn thiện kế hoạch trong thời gian tới.",
    "Kết quả đạt được là tiền đề quan trọng để nhà trường tiếp tục nâng cao chất lượng dạy và học.",
    "Phụ huynh có thể liên hệ văn phòng nhà trường để được giải đáp các thắc mắc liên quan.",
    "Các lớp đã chuẩn bị chu đáo, thể hiện rõ tinh thần đoàn kết và sáng tạo của tập thể.",
    "Nhà trường đề nghị giáo viên chủ nhiệm phổ biến nội dung này đến từng học sinh trong lớp.",
    "Hoạt động nhận được sự hưởng ứng nhiệt tình của giáo viên, nhân viên và học sinh toàn trường.",
    "Những tấm gương học tốt, rèn luyện tốt đã được biểu dương và khen thưởng kịp thời.",
    "Thời gian thực hiện có thể thay đổi tùy theo tình hình thực tế và sẽ được thông báo sau.",
    "Mọi ý kiến phản hồi xin gửi về bộ phận phụ trách trước ngày kết thúc đợt đăng ký.",
]
HEADINGS = [
    "Mục đích, yêu cầu", "Nội dung chính", "Thời gian và địa điểm", "Thành phần tham dự", "Kết quả đạt được",
    "Tổ chức thực hiện", "Một số hình ảnh nổi bật", "Ý kiến của phụ huynh", "Kế hoạch thời gian tới",
    "Những điểm cần lưu ý", "Phân công nhiệm vụ", "Đánh giá chung",
]
LIST_ITEMS = [
    "Chuẩn bị đầy đủ sách giáo khoa, đồ dùng học tập theo quy định",
    "Có mặt tại trường trước giờ quy định 15 phút",
    "Mặc đồng phục và đeo bảng tên khi đến trường",
    "Giữ gìn vệ sinh chung, không xả rác trong khuôn viên trường",
    "Tham gia đầy đủ các buổi sinh hoạt lớp và sinh hoạt dưới cờ",
    "Thực hiện nghiêm túc nội quy phòng thi và quy chế kiểm tra",
    "Phụ huynh theo dõi kết quả học tập qua sổ liên lạc điện tử",
    "Báo cáo kết quả về Ban Giám hiệu trước ngày 25 hằng tháng",
    "Đăng ký danh sách tham gia với giáo viên chủ nhiệm",
    "Bảo đảm an toàn giao thông khi tham gia hoạt động ngoài trường",
    "Tích cực tham gia các câu lạc bộ học thuật và năng khiếu",
    "Sử dụng tiết kiệm điện, nước và bảo vệ tài sản chung",
]
TABLE_ROWS = [
    "Khối 10", "Khối 11", "Khối 12", "Tổ Toán - Tin học", "Tổ Ngữ văn", "Tổ Ngoại ngữ", "Đoàn trường",
    "Câu lạc bộ Khoa học", "Văn phòng", "Thư viện",
]
TITLE_HEADS = [
    "Hội thảo chuyên đề", "Kế hoạch tổ chức", "Kết quả", "Lễ tổng kết", "Thông báo về", "Hướng dẫn thực hiện",
    "Ngày hội", "Tập huấn", "Chương trình", "Tuyên dương", "Lịch tổ chức", "Sơ kết",
]
TITLE_TAILS = [
    "năm học {year}", "học kỳ I năm học {year}", "học kỳ II năm học {year}", "tháng {month}/{cal}",
    "khối 10 năm học {year}", "khối 12 năm học {year}",
]
TAGS = [
    "Sự kiện", "Học tập", "Đoàn - Hội", "Tuyển sinh", "Thi cử", "Thể thao", "Văn nghệ", "Tình nguyện",
    "Hướng nghiệp", "Khen thưởng", "Phụ huynh", "Y tế học đường", "An toàn giao thông", "Kỹ năng sống",
    "Chuyển đổi số", "Thư viện", "STEM", "Ngoại khóa", "Công đoàn", "Chi bộ", "Học bổng", "Lịch học",
    "Kiểm tra", "Ngữ văn", "Toán học", "Ngoại ngữ", "Khoa học tự nhiên", "Lịch sử", "Môi trường", "Kỷ niệm",
]
FIRST = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Võ", "Đặng", "Bùi", "Đỗ"]
MIDDLE = ["Thị", "Văn", "Minh", "Ngọc", "Hoàng", "Thanh", "Đình", "Hữu"]
LAST = ["An", "Bình", "Châu", "Dũng", "Hạnh", "Hương", "Khoa", "Lan", "Nam", "Phúc", "Quân", "Trang", "Tâm", "Yến"]


def slugify(text: str) -> str:
    """Vietnamese-aware slug: marks removed, đ → d, anything else → '-'."""
    text = text.replace("đ", "d").replace("Đ", "D")
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    out, dash = [], False
    for c in text:
        if c.isascii() and c.isalnum():
            out.append(c)
            dash = False
        elif not dash and out:
            out.append("-")
            dash = True
    return "".join(out).strip("-")


def upper_first(text: str) -> str:
    return text[:1].upper() + text[1:]


def q(value: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(value, ensure_ascii=False)


def school_year_of(day: dt.date) -> int:
    """The first calendar year of the school year `day` falls in (a school year starts on 1 August)."""
    return day.year if day.month >= 8 else day.year - 1


# ---------------------------------------------------------------------------------------------- the site


class Generator:
    def __init__(self, posts: int, seed: int, today: dt.date):
        self.n = posts
        self.seed = seed
        self.today = today
        self.rng = random.Random(seed)
        first = school_year_of(today)
        self.years = [f"{y}-{y + 1}" for y in range(first, first - 5, -1)]  # newest first
        self.files: dict[str, bytes | str] = {}  # relative path → content, shared by both sites
        self.post_urls: list[str] = []
        self.post_files: list[str] = []

    # -- text ------------------------------------------------------------------------------------------
    def sentence(self) -> str:
        r = self.rng
        s = f"{r.choice(SUBJECTS)} {r.choice(VERBS)} {r.choice(OBJECTS)} {r.choice(ADVERBIALS)}."
        if r.random() < 0.3:
            s += " " + r.choice(CLAUSES)
        return s

    def paragraph(self, sentences: int) -> str:
        return " ".join(self.sentence() for _ in range(sentences))

    def post_body(self, index: int) -> str:
        r = self.rng
        parts: list[str] = []
        parts.append(self.paragraph(2))
        heads = r.sample(HEADINGS, 4)
        parts.append(f"## {heads[0]}")
        parts.append(self.paragraph(3))
        parts.append(self.paragraph(1))
        parts.append("\n".join(f"- {item}." for item in r.sample(LIST_ITEMS, 5)))
        parts.append(f"## {heads[1]}")
        parts.append(self.paragraph(2))
        rows = ["| Đơn vị | Số lượng | Ghi chú |", "|---|---:|---|"]
        for name in r.sample(TABLE_ROWS, 5):
            rows.append(f"| {name} | {r.randint(12, 480)} | {upper_first(r.choice(ADVERBIALS))} |")
        parts.append("\n".join(rows))
        parts.append(f"## {heads[2]}")
        links = []
        for _ in range(3):
            other = r.randrange(self.n)
            if other == index:
                other = (other + 1) % self.n
            links.append(f"[{self.titles[other]}]({self.post_urls[other]})")
        parts.append(
            f"{self.paragraph(1)} Bạn đọc xem thêm: {links[0]}; {links[1]} và {links[2]}. "
            "Mọi ý kiến xin gửi qua trang [Góp ý](/gop-y/).")
        parts.append("\n".join(f"{i}. {item}." for i, item in enumerate(r.sample(LIST_ITEMS, 4), 1)))
        parts.append(f"## {heads[3]}")
        parts.append(self.paragraph(3))
        parts.append(self.paragraph(1))
        return "\n\n".join(parts) + "\n"

    # -- posts -----------------------------------------------------------------------------------------
    def plan_posts(self) -> None:
        """Titles, sections, slugs and dates of every post first, so bodies can link to any of them."""
        r = self.rng
        self.titles: list[str] = []
        self.sections: list[str] = []
        self.dates: list[dt.datetime] = []
        # Spread over the 5 school years before today, oldest first, ending yesterday.
        end = dt.datetime(self.today.year, self.today.month, self.today.day, 7, 0, tzinfo=TZ) - dt.timedelta(days=1)
        start = dt.datetime(school_year_of(self.today) - 4, 8, 1, 7, 0, tzinfo=TZ)
        span = (end - start).total_seconds()
        for i in range(self.n):
            section = "tin-tuc" if r.random() < 0.7 else "thong-bao"
            when = start + dt.timedelta(seconds=int(span * i / max(1, self.n - 1)))
            when = when.replace(hour=r.choice([7, 8, 9, 10, 14, 15, 16]), minute=r.choice([0, 15, 30, 45]), second=0)
            if when > end:
                when = end
            sy = school_year_of(when.date())
            tail = r.choice(TITLE_TAILS).format(year=f"{sy}-{sy + 1}", month=when.month, cal=when.year)
            title = f"{r.choice(TITLE_HEADS)} {r.choice(OBJECTS)} {tail}"
            slug = f"{slugify(title)}-{i + 1:05d}"
            self.titles.append(title)
            self.sections.append(section)
            self.dates.append(when)
            self.post_urls.append(f"/{section}/{slug}/")
            self.post_files.append(f"content/{section}/{slug}.md")

    def write_posts(self) -> None:
        r = self.rng
        for i in range(self.n):
            tags = r.sample(TAGS, r.randint(1, 3))
            summary = self.sentence()
            front = [
                "---",
                f"title: {q(self.titles[i])}",
                f"date: {self.dates[i].isoformat()}",
                f"summary: {q(summary)}",
                "tags: [" + ", ".join(q(t) for t in tags) + "]",
                "---",
            ]
            self.files[self.post_files[i]] = "\n".join(front) + "\n" + self.post_body(i)

    # -- the required sections -------------------------------------------------------------------------
    def page(self, path: str, front: list[str], body: str) -> None:
        self.files[path] = "---\n" + "\n".join(front) + "\n---\n" + body

    def person(self) -> str:
        r = self.rng
        return f"{r.choice(FIRST)} {r.choice(MIDDLE)} {r.choice(LAST)}"

    def fake_file(self, path: str, kind: str, size: int) -> None:
        head = b"%PDF-1.4\n" if kind == "pdf" else b"PK\x03\x04"
        self.files[path] = head + bytes(self.rng.randrange(256) for _ in range(size - len(head)))

    def write_fixed_pages(self) -> None:
        p = self.page
        p("content/_index.md", [q_kv("title", "Trường THPT Bình Minh"),
                                q_kv("description", "Trang thông tin điện tử của Trường THPT Bình Minh.")],
          self.paragraph(4) + "\n\nMọi ý kiến đóng góp xin gửi qua trang [Góp ý](/gop-y/).\n")
        p("content/gioi-thieu.md", [q_kv("title", "Giới thiệu"), "weight: 1"],
          "## Lịch sử hình thành\n\n" + self.paragraph(5) + "\n\n## Sứ mạng\n\n" + self.paragraph(3) + "\n")
        p("content/lien-he.md", [q_kv("title", "Liên hệ"), "weight: 90"],
          "## Đường đến trường\n\n" + self.paragraph(3) + "\n")
        p("content/gop-y.md", [q_kv("title", "Góp ý"), "weight: 95"], self.paragraph(3) + "\n")
        # Organisation.
        p("content/to-chuc/_index.md", [q_kv("title", "Cơ cấu tổ chức"), "weight: 2"],
          self.paragraph(3) + "\n\n- [Ban Giám hiệu](/to-chuc/ban-giam-hieu/)\n- [Đoàn thể](/to-chuc/doan-the/)\n")
        people = []
        for k, role in enumerate(["Hiệu trưởng", "Phó Hiệu trưởng", "Phó Hiệu trưởng", "Phó Hiệu trưởng"]):
            people += [f"  - name: {q(self.person())}", f"    role: {q(role)}",
                       f"    phone: \"028 3555 01{k:02d}\"", f"    email: bgh{k}@thptbinhminh.edu.vn",
                       f"    duties: {q(self.sentence())}"]
        p("content/to-chuc/ban-giam-hieu.md", [q_kv("title", "Ban Giám hiệu"), "weight: 1", "people:"] + people,
          self.paragraph(3) + "\n")
        p("content/to-chuc/doan-the/_index.md", [q_kv("title", "Đoàn thể"), "weight: 2"], self.paragraph(2) + "\n")
        for w, (slug, kind, title) in enumerate([
            ("chi-bo", "chi-bo", "Chi bộ"), ("cong-doan", "cong-doan", "Công đoàn cơ sở"),
            ("doan-thanh-nien", "doan-thanh-nien", "Đoàn TNCS Hồ Chí Minh"),
            ("ban-dai-dien-cmhs", "ban-dai-dien-cmhs", "Ban đại diện cha mẹ học sinh"),
            ("hoi-dong-truong", "hoi-dong-truong", "Hội đồng trường")], 1):
            p(f"content/to-chuc/doan-the/{slug}.md",
              [q_kv("title", title), f"kind: {kind}", f"weight: {w}", "people:",
               f"  - {{ name: {q(self.person())}, role: {q('Trưởng ban')} }}",
               f"  - {{ name: {q(self.person())}, role: {q('Phó ban')} }}"],
              self.paragraph(4) + "\n")
        # Public disclosures: Thông tư 09/2024 from 2024-2025 on, Thông tư 36/2017 before.
        p("content/cong-khai/_index.md", [q_kv("title", "Công khai"), "weight: 3"], self.paragraph(3) + "\n")
        tt09 = [("thong-tin-chung", "Thông tin chung"), ("tai-chinh", "Công khai tài chính"),
                ("dieu-kien-chat-luong", "Điều kiện bảo đảm chất lượng"), ("ke-hoach-ket-qua", "Kế hoạch và kết quả"),
                ("bao-cao-thuong-nien", "Báo cáo thường niên")]
        tt36 = [(f"bieu-mau-{k:02d}", f"Biểu mẫu {k:02d}") for k in (9, 10, 11, 12)]
        for year in self.years:
            first = int(year[:4])
            p(f"content/cong-khai/{year}/_index.md", [q_kv("title", f"Năm học {year}")], self.paragraph(1) + "\n")
            for w, (ident, title) in enumerate(tt09 if first >= 2024 else tt36, 1):
                pdf = f"/tai-lieu/cong-khai/{year}/{ident}.pdf"
                self.fake_file("static" + pdf, "pdf", 2048 + 97 * w)
                p(f"content/cong-khai/{year}/{ident}.md",
                  [q_kv("title", f"{title} năm học {year}"), f"disclosure: {ident}", f"weight: {w}",
                   f"date: {first}-09-{10 + w:02d}", "attachments:",
                   f"  - {{ file: {pdf}, title: {q(title + ' (PDF)')} }}"],
                  self.paragraph(3) + "\n\n| Nội dung | Số liệu |\n|---|---:|\n| Tổng số lớp | 47 |\n| Học sinh | 2.079 |\n")
        # Administrative procedures with forms.
        p("content/cai-cach-hanh-chinh/_index.md", [q_kv("title", "Cải cách hành chính"), "weight: 4"],
          self.paragraph(2) + "\n")
        for w, (ident, title) in enumerate([
            ("chuyen-truong", "Chuyển trường"), ("don-xin-nghi-hoc", "Đơn xin nghỉ học"),
            ("phuc-khao", "Phúc khảo bài kiểm tra"), ("xac-nhan-hoc-sinh", "Xác nhận học sinh"),
            ("tuyen-sinh-dau-cap", "Tuyển sinh đầu cấp")], 1):
            for ext in ("docx", "pdf"):
                self.fake_file(f"static/bieu-mau/{ident}.{ext}", ext, 4096 + 131 * w)
            steps = [q(s) for s in self.rng.sample(LIST_ITEMS, 3)]
            p(f"content/cai-cach-hanh-chinh/{ident}.md",
              [q_kv("title", title), f"procedure: {ident}", f"weight: {w}", "forms:",
               f"  - {{ file: /bieu-mau/{ident}.docx, title: {q('Mẫu ' + title + ' (DOCX)')} }}",
               f"  - {{ file: /bieu-mau/{ident}.pdf, title: {q('Mẫu ' + title + ' (PDF)')} }}",
               "steps: [" + ", ".join(steps) + "]",
               f"documents: [{q('Đơn theo mẫu')}]", f"time_limit: {q('05 ngày làm việc')}",
               f"fees: {q('Không thu phí')}", f"agency: {q('Văn phòng nhà trường')}",
               f"legal_basis: [{q('Thông tư 32/2020/TT-BGDĐT')}]"],
              self.paragraph(3) + "\n")
        # Dated sections.
        p("content/tin-tuc/_index.md", [q_kv("title", "Tin tức - Sự kiện"), "weight: 5"], self.paragraph(1) + "\n")
        p("content/thong-bao/_index.md", [q_kv("title", "Thông báo"), "weight: 6"], self.paragraph(1) + "\n")

    def generate(self) -> None:
        self.plan_posts()
        self.write_fixed_pages()
        self.write_posts()


def q_kv(key: str, value: str) -> str:
    return f"{key}: {q(value)}"


SITE_YAML = """\
# Synthetic site made by scripts/benchkit/gensite.py ({posts} posts, seed {seed}, today {today}).
name: Trường THPT Bình Minh
short_name: THPT Bình Minh
unit: thpt
founded: 1998
domain: thptbinhminh.hcm.edu.vn
base_url: https://thptbinhminh.hcm.edu.vn/
parent_office:
  name: Sở Giáo dục và Đào tạo Thành phố Hồ Chí Minh
  url: https://hcm.edu.vn/
contact:
  address: Số 12 đường Bình Minh, Phường Bình Lợi Trung, Thành phố Hồ Chí Minh
  landline: "028 3555 0100"
  email: thptbinhminh@hcm.edu.vn
  hotline: "0988 555 100"
  hours: "Thứ Hai - Thứ Sáu: 7 giờ 00 - 16 giờ 30"
feedback:
  email: gopy.thptbinhminh@hcm.edu.vn
upstream_feeds:
  - {{ id: tin-tuc, title: Tin tức, url: "https://hcm.edu.vn/rss/tin-tuc.rss" }}
  - {{ id: thong-bao, title: Thông báo, url: "https://hcm.edu.vn/rss/thong-bao.rss" }}
  - {{ id: van-ban, title: Văn bản, url: "https://hcm.edu.vn/rss/van-ban.rss" }}
  - {{ id: thu-moi, title: Thư mời, url: "https://hcm.edu.vn/rss/thu-moi.rss" }}
compliance:
  manifests: [hcm-portal, tt09-2024, tt36-2017]
page_size: 10
feeds: {{ full_content: false, limit: 20 }}
sections:
  - {{ path: tin-tuc, title: Tin tức - Sự kiện }}
  - {{ path: thong-bao, title: Thông báo }}
"""

HUGO_YAML = """\
# Synthetic site made by scripts/benchkit/gensite.py ({posts} posts, seed {seed}, today {today}).
baseURL: https://thptbinhminh.hcm.edu.vn/
locale: vi
timeZone: Asia/Ho_Chi_Minh
defaultContentLanguage: vi
title: Trường THPT Bình Minh
theme: bench
buildFuture: true
removePathAccents: true
enableRobotsTXT: true
disableKinds: []
taxonomies:
  tag: tags
pagination:
  pagerSize: 10
  path: trang
outputs:
  home: [html, rss]
  section: [html, rss]
  taxonomy: [html, rss]
  term: [html, rss]
  page: [html]
services:
  rss:
    limit: 20
markup:
  goldmark:
    renderer:
      unsafe: false
params:
  shortName: THPT Bình Minh
  parentOffice: {{ name: Sở Giáo dục và Đào tạo Thành phố Hồ Chí Minh, url: "https://hcm.edu.vn/" }}
  contact:
    address: Số 12 đường Bình Minh, Phường Bình Lợi Trung, Thành phố Hồ Chí Minh
    landline: "028 3555 0100"
    email: thptbinhminh@hcm.edu.vn
    hotline: "0988 555 100"
    hours: "Thứ Hai - Thứ Sáu: 7 giờ 00 - 16 giờ 30"
menus:
  main:
    - {{ name: Trang chủ, pageRef: /, weight: 1 }}
    - {{ name: Giới thiệu, pageRef: /gioi-thieu, weight: 2 }}
    - {{ name: Tổ chức, pageRef: /to-chuc, weight: 3 }}
    - {{ name: Tin tức, pageRef: /tin-tuc, weight: 4 }}
    - {{ name: Thông báo, pageRef: /thong-bao, weight: 5 }}
    - {{ name: Công khai, pageRef: /cong-khai, weight: 6 }}
    - {{ name: Thủ tục hành chính, pageRef: /cai-cach-hanh-chinh, weight: 7 }}
    - {{ name: Liên hệ, pageRef: /lien-he, weight: 8 }}
"""


def count_words(markdown: str) -> int:
    """Words as a reader counts them: tokens with a letter, link targets left out."""
    text = re.sub(r"\]\([^)]*\)", "]", markdown)
    return sum(1 for token in text.split() if any(c.isalpha() for c in token))


def write_tree(root: Path, files: dict[str, bytes | str]) -> None:
    made: set[Path] = set()
    for rel, data in files.items():
        path = root / rel
        if path.parent not in made:
            path.parent.mkdir(parents=True, exist_ok=True)
            made.add(path.parent)
        if isinstance(data, str):
            path.write_text(data, encoding="utf-8")
        else:
            path.write_bytes(data)


def generate(out: Path, posts: int, seed: int, today: dt.date) -> dict:
    """Writes out/edusite and out/hugo (replacing them). Returns facts about the site."""
    gen = Generator(posts, seed, today)
    gen.generate()
    for sub in ("edusite", "hugo"):
        if (out / sub).exists():
            shutil.rmtree(out / sub)
    fmt = dict(posts=posts, seed=seed, today=today.isoformat())
    edusite = out / "edusite"
    write_tree(edusite, gen.files)
    (edusite / "site.yaml").write_text(SITE_YAML.format(**fmt), encoding="utf-8")
    hugo = out / "hugo"
    write_tree(hugo, gen.files)
    (hugo / "hugo.yaml").write_text(HUGO_YAML.format(**fmt), encoding="utf-8")
    shutil.copytree(KIT / "hugo-theme", hugo / "themes" / "bench")
    words = sum(count_words(gen.files[f].split("---\n", 2)[2]) for f in gen.post_files)
    return {
        "posts": posts,
        "files": len(gen.files),
        "words_per_post": round(words / max(1, posts)),
        "post_files": gen.post_files,
        "years": gen.years,
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--posts", type=int, default=10000)
    ap.add_argument("--seed", type=int, default=2026)
    ap.add_argument("--today", type=dt.date.fromisoformat, default=dt.date.today())
    ap.add_argument("--out", type=Path, required=True)
    args = ap.parse_args(argv)
    facts = generate(args.out, args.posts, args.seed, args.today)
    print(f"gensite: {facts['posts']} posts (~{facts['words_per_post']} words each), {facts['files']} files "
          f"per site, school years {facts['years'][-1]} … {facts['years'][0]} → {args.out}/edusite, {args.out}/hugo")
    return 0


if __name__ == "__main__":
    sys.exit(main())
