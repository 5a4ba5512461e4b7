#!/usr/bin/env python3
"""Generate the binary files of example-site/ (PDF, DOCX, PNG, SVG).

Not run by CI: the outputs are committed. Re-run after changing the data below:

    python3 -m venv /tmp/exvenv
    /tmp/exvenv/bin/pip install fpdf2 python-docx pillow
    /tmp/exvenv/bin/python scripts/dev/make_example_files.py

Everything here is FICTIONAL: the school, its staff, figures, phone numbers and e-mail addresses.
PDFs use DejaVu Sans (Debian package fonts-dejavu-core) for Vietnamese text.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm, Pt
from fpdf import FPDF, FontFace
from PIL import Image, ImageDraw, ImageFont

ROOT = Path(__file__).resolve().parents[2] / "example-site"
STATIC = ROOT / "static"
FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
FONT = FONT_DIR / "DejaVuSans.ttf"
FONT_B = FONT_DIR / "DejaVuSans-Bold.ttf"

SCHOOL = "TRƯỜNG THPT SÔNG SÀI GÒN"
OFFICE = "SỞ GIÁO DỤC VÀ ĐÀO TẠO\nTHÀNH PHỐ HỒ CHÍ MINH"
PRINCIPAL = "Nguyễn Thị Thanh Hương"
ADDRESS = "Số 86 đường Bến Đò Cũ, Khu phố 5, Phường Bình Lợi Trung, Thành phố Hồ Chí Minh"
PHONE = "028 3555 0198"
EMAIL = "thptsongsaigon@hcm.edu.vn"

# --------------------------------------------------------------------------------------------
# Figures per school year (shared by the disclosure PDFs and the disclosure pages).
# classes / students: grades 10, 11, 12.
YEARS: dict[str, dict] = {
    "2022-2023": dict(classes=(15, 14, 14), students=(675, 622, 610), girls=1003, teachers=96,
                      masters=24, managers=4, staff=14, pass_rate="99,84", rooms=43,
                      good=(38.2, 41.5, 18.6, 1.7), conduct=(91.4, 7.6, 0.9, 0.1),
                      revenue=21_460, budget=17_980, fee=None),
    "2023-2024": dict(classes=(15, 15, 14), students=(680, 668, 615), girls=1031, teachers=98,
                      masters=26, managers=4, staff=14, pass_rate="99,90", rooms=44,
                      good=(40.1, 40.8, 17.6, 1.5), conduct=(92.6, 6.7, 0.6, 0.1),
                      revenue=23_120, budget=19_350, fee=None),
    "2024-2025": dict(classes=(15, 15, 15), students=(672, 671, 660), girls=1052, teachers=100,
                      masters=28, managers=4, staff=15, pass_rate="99,85", rooms=45,
                      good=(41.3, 40.2, 17.1, 1.4), conduct=(93.0, 6.3, 0.6, 0.1),
                      revenue=24_870, budget=20_940, fee=None),
    "2025-2026": dict(classes=(16, 15, 15), students=(712, 665, 664), girls=1069, teachers=102,
                      masters=30, managers=4, staff=15, pass_rate="99,95", rooms=46,
                      good=(42.6, 39.5, 16.8, 1.1), conduct=(93.8, 5.6, 0.5, 0.1),
                      revenue=25_610, budget=22_480, fee=0),
    "2026-2027": dict(classes=(16, 16, 15), students=(716, 705, 658), girls=1090, teachers=104,
                      masters=31, managers=4, staff=15, pass_rate=None, rooms=47,
                      good=None, conduct=None, revenue=26_940, budget=23_850, fee=0),
}


def total(t):
    return sum(t)


def fmt(n: int) -> str:
    return f"{n:,}".replace(",", ".")


# --------------------------------------------------------------------------------------------
# PDF


class Doc(FPDF):
    def __init__(self):
        super().__init__(format="A4")
        self.add_font("DejaVu", "", str(FONT))
        self.add_font("DejaVu", "B", str(FONT_B))
        self.set_margins(20, 15, 15)
        self.set_auto_page_break(True, 18)
        self.set_title("")

    def multi_cell(self, w, h, text="", **kw):
        kw.setdefault("new_x", "LMARGIN")
        kw.setdefault("new_y", "NEXT")
        return super().multi_cell(w, h, text, **kw)

    def footer(self):
        self.set_y(-12)
        self.set_font("DejaVu", "", 8)
        self.cell(0, 5, f"Trường THPT Sông Sài Gòn - {ADDRESS} - ĐT: {PHONE}", align="C")


def pdf_header(pdf: Doc, number: str, place_date: str):
    """Administrative header: issuer on the left, Quốc hiệu on the right."""
    y = pdf.get_y()
    pdf.set_font("DejaVu", "", 9.5)
    pdf.set_xy(15, y)
    pdf.multi_cell(80, 5, OFFICE, align="C")
    pdf.set_x(15)
    pdf.set_font("DejaVu", "B", 9.5)
    pdf.multi_cell(80, 5, SCHOOL, align="C")
    pdf.set_font("DejaVu", "", 9.5)
    pdf.set_x(15)
    pdf.multi_cell(80, 5, f"Số: {number}", align="C")
    pdf.set_xy(95, y)
    pdf.set_font("DejaVu", "B", 9.5)
    pdf.multi_cell(100, 5, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", align="C")
    pdf.set_x(95)
    pdf.multi_cell(100, 5, "Độc lập - Tự do - Hạnh phúc", align="C")
    pdf.set_x(95)
    pdf.set_font("DejaVu", "", 9.5)
    pdf.multi_cell(100, 6, place_date, align="C")
    pdf.set_y(y + 24)


def make_pdf(path: Path, *, title: str, subtitle: str = "", number: str = "", date: str = "",
             blocks: list, signer: str = "HIỆU TRƯỞNG", signer_name: str = PRINCIPAL, form: bool = False):
    """blocks: ("h", text) heading, ("p", text) paragraph, ("l", [items]) list, ("t", [rows]) table."""
    pdf = Doc()
    pdf.add_page()
    if form:  # a blank form a citizen fills in: Quốc hiệu only, date line at the end
        pdf.set_font("DejaVu", "B", 11)
        pdf.multi_cell(0, 6, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc", align="C")
        pdf.multi_cell(0, 4, "———————", align="C")
        pdf.ln(6)
    else:
        pdf_header(pdf, number or "…/THPTSSG", date or "Thành phố Hồ Chí Minh, ngày … tháng … năm …")
    pdf.set_font("DejaVu", "B", 13)
    pdf.multi_cell(0, 7, title, align="C")
    if subtitle:
        pdf.set_font("DejaVu", "", 10.5)
        pdf.multi_cell(0, 6, subtitle, align="C")
    pdf.ln(3)
    for kind, value in blocks:
        if kind == "h":
            pdf.ln(1)
            pdf.set_font("DejaVu", "B", 10.5)
            pdf.multi_cell(0, 6, value)
        elif kind == "p":
            pdf.set_font("DejaVu", "", 10.5)
            pdf.multi_cell(0, 5.6, value, align="J")
            pdf.ln(1)
        elif kind == "l":
            pdf.set_font("DejaVu", "", 10.5)
            for item in value:
                pdf.set_x(pdf.l_margin + 4)
                pdf.multi_cell(0, 5.6, "- " + item)
            pdf.ln(1)
        elif kind == "t":
            pdf.set_font("DejaVu", "", 9.5)
            with pdf.table(line_height=5.5, text_align="CENTER",
                           headings_style=FontFace(emphasis="BOLD", fill_color=(230, 236, 242))) as table:
                for row in value:
                    r = table.row()
                    for cell in row:
                        r.cell(str(cell))
            pdf.ln(3)
    pdf.ln(4)
    if pdf.get_y() > 240:
        pdf.add_page()
    if form:
        pdf.set_x(100)
        pdf.set_font("DejaVu", "", 10.5)
        pdf.multi_cell(95, 6, date, align="C")
    pdf.set_x(110)
    pdf.set_font("DejaVu", "B", 10.5)
    pdf.multi_cell(80, 6, signer, align="C")
    pdf.set_x(110)
    pdf.set_font("DejaVu", "", 9.5)
    pdf.multi_cell(80, 6, "(Ký và ghi rõ họ tên)" if form else "(đã ký và đóng dấu)", align="C")
    pdf.ln(8)
    pdf.set_x(110)
    pdf.set_font("DejaVu", "B", 10.5)
    pdf.multi_cell(80, 6, signer_name, align="C")
    path.parent.mkdir(parents=True, exist_ok=True)
    pdf.output(str(path))


# --------------------------------------------------------------------------------------------
# Disclosures


def grade_table(d):
    rows = [["Khối", "Số lớp", "Số học sinh", "Sĩ số bình quân/lớp"]]
    for g, c, s in zip((10, 11, 12), d["classes"], d["students"]):
        rows.append([f"Lớp {g}", c, s, f"{s / c:.1f}".replace(".", ",")])
    rows.append(["Toàn trường", total(d["classes"]), fmt(total(d["students"])),
                 f"{total(d['students']) / total(d['classes']):.1f}".replace(".", ",")])
    return rows


def staff_table(d):
    t = d["teachers"]
    return [
        ["Nội dung", "Tổng số", "Thạc sĩ", "Đại học", "Trình độ khác"],
        ["Cán bộ quản lý", d["managers"], 3, 1, 0],
        ["Giáo viên", t, d["masters"] - 3, t - d["masters"] + 3, 0],
        ["Nhân viên", d["staff"], 0, 6, d["staff"] - 6],
        ["Tổng cộng", d["managers"] + t + d["staff"], d["masters"], t - d["masters"] + 7,
         d["staff"] - 6],
    ]


FACILITIES = [
    ["Hạng mục", "Số lượng", "Ghi chú"],
    ["Diện tích khu đất", "16.200 m²", "khoảng 7,8 m²/học sinh"],
    ["Phòng học", "{rooms}", "1 lớp/phòng, học 2 buổi/ngày"],
    ["Phòng học bộ môn", "12", "Lý, Hóa, Sinh, Tin học (3), Ngoại ngữ (2), Công nghệ, ..."],
    ["Thư viện", "1", "đạt chuẩn, 14.600 bản sách"],
    ["Nhà thi đấu đa năng", "1", "1.150 m²"],
    ["Phòng y tế học đường", "1", "có nhân viên y tế thường trực"],
]


def year_pdfs(year: str, d: dict):
    y0 = int(year[:4])
    out = STATIC / "tai-lieu" / "cong-khai" / year
    n = total(d["students"])
    if y0 <= 2023:
        date = f"Thành phố Hồ Chí Minh, ngày 20 tháng 9 năm {y0}"
        make_pdf(out / "bieu-mau-09.pdf", title="THÔNG BÁO",
                 subtitle=f"Cam kết chất lượng giáo dục của trường trung học phổ thông, năm học {year}\n(Biểu mẫu 09 - Thông tư 36/2017/TT-BGDĐT)",
                 number=f"112/TB-THPTSSG", date=date, blocks=[
                     ("t", [["Nội dung", "Cam kết"],
                            ["Điều kiện tuyển sinh", "Học sinh trúng tuyển lớp 10 theo kết quả tuyển sinh của Sở GD&ĐT"],
                            ["Chương trình giáo dục", "Chương trình GDPT 2018 (lớp 10" + (", 11" if y0 == 2023 else "") + "); chương trình hiện hành với các khối còn lại"],
                            ["Yêu cầu phối hợp", "Gia đình phối hợp giáo dục, theo dõi qua sổ liên lạc điện tử"],
                            ["Điều kiện cơ sở vật chất", f"{d['rooms']} phòng học, 12 phòng bộ môn, thư viện, nhà thi đấu"],
                            ["Hoạt động hỗ trợ học tập", "Câu lạc bộ học thuật, tư vấn tâm lý, hướng nghiệp"],
                            ["Kết quả dự kiến", "Tỉ lệ tốt nghiệp THPT từ 99% trở lên; rèn luyện Tốt, Khá từ 97%"],
                            ["Khả năng học tập tiếp tục", "Trên 85% học sinh lớp 12 trúng tuyển đại học, cao đẳng"]]),
                 ])
        make_pdf(out / "bieu-mau-10.pdf", title="THÔNG BÁO",
                 subtitle=f"Công khai thông tin chất lượng giáo dục thực tế, năm học {year}\n(Biểu mẫu 10 - Thông tư 36/2017/TT-BGDĐT)",
                 number="148/TB-THPTSSG", date=f"Thành phố Hồ Chí Minh, ngày 12 tháng 6 năm {y0 + 1}", blocks=[
                     ("p", f"Tổng số học sinh cuối năm: {fmt(n)} em, trong đó nữ {fmt(d['girls'])} em."),
                     ("t", [["Tiêu chí", "Tỉ lệ (%)"],
                            ["Học lực / kết quả học tập Giỏi (Tốt)", f"{d['good'][0]}".replace(".", ",")],
                            ["Khá", f"{d['good'][1]}".replace(".", ",")],
                            ["Trung bình (Đạt)", f"{d['good'][2]}".replace(".", ",")],
                            ["Yếu (Chưa đạt)", f"{d['good'][3]}".replace(".", ",")],
                            ["Hạnh kiểm / rèn luyện Tốt", f"{d['conduct'][0]}".replace(".", ",")],
                            ["Hạnh kiểm / rèn luyện Khá", f"{d['conduct'][1]}".replace(".", ",")],
                            ["Tỉ lệ tốt nghiệp THPT", d["pass_rate"]]]),
                 ])
        make_pdf(out / "bieu-mau-11.pdf", title="THÔNG BÁO",
                 subtitle=f"Công khai thông tin cơ sở vật chất, năm học {year}\n(Biểu mẫu 11 - Thông tư 36/2017/TT-BGDĐT)",
                 number="113/TB-THPTSSG", date=date, blocks=[
                     ("t", [[c.format(rooms=d["rooms"]) for c in row] for row in FACILITIES]),
                 ])
        make_pdf(out / "bieu-mau-12.pdf", title="THÔNG BÁO",
                 subtitle=f"Công khai thông tin về đội ngũ nhà giáo, cán bộ quản lý và nhân viên, năm học {year}\n(Biểu mẫu 12 - Thông tư 36/2017/TT-BGDĐT)",
                 number="114/TB-THPTSSG", date=date, blocks=[("t", staff_table(d))])
        return
    date = f"Thành phố Hồ Chí Minh, ngày 25 tháng 9 năm {y0}"
    make_pdf(out / "thong-tin-chung.pdf", title="THÔNG TIN CHUNG VỀ CƠ SỞ GIÁO DỤC",
             subtitle=f"Năm học {year} (Điều 4, Thông tư 09/2024/TT-BGDĐT)", number="121/TB-THPTSSG",
             date=date, blocks=[
                 ("t", [["Nội dung", "Thông tin"],
                        ["Tên trường", "Trường THPT Sông Sài Gòn"],
                        ["Loại hình", "Công lập"],
                        ["Cơ quan quản lý", "Sở Giáo dục và Đào tạo Thành phố Hồ Chí Minh"],
                        ["Địa chỉ", ADDRESS],
                        ["Điện thoại / Email", f"{PHONE} / {EMAIL}"],
                        ["Cổng thông tin", "https://thptsongsaigon.hcm.edu.vn/"],
                        ["Năm thành lập", "1998"],
                        ["Hiệu trưởng", PRINCIPAL],
                        ["Người phụ trách công khai", "Phạm Ngọc Diệp, Phó Hiệu trưởng"]]),
                 ("h", "Sứ mạng"),
                 ("p", "Xây dựng môi trường học tập an toàn, thân thiện, kỷ cương; giúp mỗi học sinh phát triển "
                       "toàn diện phẩm chất và năng lực, tự tin bước vào đại học, nghề nghiệp và cuộc sống."),
                 ("h", "Tầm nhìn"),
                 ("p", "Đến năm 2030, là trường THPT công lập có chất lượng giáo dục thuộc nhóm dẫn đầu khu vực, "
                       "đạt kiểm định chất lượng cấp độ 3 và chuẩn quốc gia mức độ 2."),
             ])
    fees = ("Học phí: học sinh được miễn học phí theo chính sách của Nhà nước." if d["fee"] == 0 else
            "Học phí: theo nghị quyết của Hội đồng nhân dân Thành phố; miễn, giảm cho học sinh diện chính sách.")
    if d["revenue"]:
        fin = [("p", f"Thu, chi năm tài chính {y0 - 1} (năm tài chính liền trước; đơn vị: triệu đồng)."),
               ("t", [["Nội dung", "Số tiền"],
                      ["Tổng thu", fmt(d["revenue"])],
                      ["- Ngân sách nhà nước cấp", fmt(d["budget"])],
                      ["- Thu sự nghiệp, dịch vụ giáo dục", fmt(d["revenue"] - d["budget"])],
                      ["Chi thanh toán cá nhân", fmt(round(d["revenue"] * 0.71))],
                      ["Chi nghiệp vụ chuyên môn", fmt(round(d["revenue"] * 0.17))],
                      ["Chi mua sắm, sửa chữa", fmt(round(d["revenue"] * 0.09))],
                      ["Chi khác", fmt(d["revenue"] - round(d["revenue"] * 0.71) - round(d["revenue"] * 0.17) - round(d["revenue"] * 0.09))]])]
    else:
        fin = [("p", "Số liệu quyết toán năm tài chính sẽ được công bố trong báo cáo thường niên trước ngày 30/6.")]
    make_pdf(out / "tai-chinh.pdf", title="CÔNG KHAI TÀI CHÍNH",
             subtitle=f"Năm học {year} (Điều 5, Thông tư 09/2024/TT-BGDĐT)", number="122/TB-THPTSSG",
             date=date, blocks=fin + [
                 ("h", "Các khoản thu năm học " + year),
                 ("l", [fees,
                        "Tổ chức dạy học 2 buổi/ngày: 250.000 đồng/tháng (thỏa thuận với cha mẹ học sinh).",
                        "Bảo hiểm y tế học sinh: theo mức do Bảo hiểm xã hội Thành phố thông báo.",
                        "Nước uống, vệ sinh lớp học: 30.000 đồng/tháng.",
                        "Miễn, giảm các khoản thỏa thuận cho học sinh thuộc hộ nghèo, cận nghèo, hoàn cảnh khó khăn."]),
             ])
    make_pdf(out / "dieu-kien-chat-luong.pdf", title="CÔNG KHAI ĐIỀU KIỆN BẢO ĐẢM CHẤT LƯỢNG",
             subtitle=f"Năm học {year} (Điều 8, Thông tư 09/2024/TT-BGDĐT)", number="123/TB-THPTSSG",
             date=date, blocks=[
                 ("h", "1. Đội ngũ"), ("t", staff_table(d)),
                 ("p", "100% giáo viên đạt chuẩn trình độ đào tạo; 100% hoàn thành bồi dưỡng thường xuyên."),
                 ("h", "2. Cơ sở vật chất"),
                 ("t", [[c.format(rooms=d["rooms"]) for c in row] for row in FACILITIES]),
                 ("h", "3. Kiểm định chất lượng"),
                 ("p", "Trường đạt kiểm định chất lượng giáo dục cấp độ 2 và công nhận đạt chuẩn quốc gia mức độ 1; "
                       "đang thực hiện kế hoạch cải tiến chất lượng sau đánh giá ngoài."),
             ])
    blocks = [("h", "1. Kế hoạch năm học " + year), ("t", grade_table(d)),
              ("l", ["Tuyển sinh lớp 10 theo kế hoạch của Sở GD&ĐT Thành phố Hồ Chí Minh.",
                     "Dạy học 2 buổi/ngày cho 100% học sinh; chương trình GDPT 2018.",
                     "Quy chế phối hợp giữa nhà trường, gia đình và xã hội; hoạt động hỗ trợ học tập, tư vấn tâm lý."])]
    if d["good"]:
        blocks += [("h", "2. Kết quả giáo dục"),
                   ("t", [["Tiêu chí", "Tỉ lệ (%)"],
                          ["Kết quả học tập Tốt", f"{d['good'][0]}".replace(".", ",")],
                          ["Kết quả học tập Khá", f"{d['good'][1]}".replace(".", ",")],
                          ["Kết quả học tập Đạt", f"{d['good'][2]}".replace(".", ",")],
                          ["Kết quả học tập Chưa đạt", f"{d['good'][3]}".replace(".", ",")],
                          ["Tốt nghiệp THPT", d["pass_rate"]]])]
    make_pdf(out / "ke-hoach-ket-qua.pdf", title="CÔNG KHAI KẾ HOẠCH VÀ KẾT QUẢ HOẠT ĐỘNG GIÁO DỤC",
             subtitle=f"Năm học {year} (Điều 9, Thông tư 09/2024/TT-BGDĐT)", number="124/TB-THPTSSG",
             date=date, blocks=blocks)
    report_year = y0 if y0 < 2026 else 2025
    if y0 >= 2026:  # this year's report is due by 30 June; attach the latest one
        d = YEARS["2025-2026"]
    make_pdf(out / "bao-cao-thuong-nien.pdf", title="BÁO CÁO THƯỜNG NIÊN",
             subtitle=f"Số liệu tính đến ngày 31/12/{report_year} (Điều 14, Thông tư 09/2024/TT-BGDĐT)",
             number="96/BC-THPTSSG", date=f"Thành phố Hồ Chí Minh, ngày 10 tháng 6 năm {report_year + 1}" if y0 < 2026 else date,
             blocks=[
                 ("h", "I. Thông tin chung"),
                 ("p", f"Trường THPT Sông Sài Gòn, công lập, trực thuộc Sở GD&ĐT Thành phố Hồ Chí Minh; {ADDRESS}."),
                 ("h", "II. Đội ngũ"), ("t", staff_table(d)),
                 ("h", "III. Cơ sở vật chất"),
                 ("p", f"{d['rooms']} phòng học, 12 phòng học bộ môn, thư viện đạt chuẩn, nhà thi đấu đa năng."),
                 ("h", "IV. Kiểm định chất lượng"),
                 ("p", "Kiểm định chất lượng giáo dục cấp độ 2; chuẩn quốc gia mức độ 1."),
                 ("h", "V. Quy mô và kết quả giáo dục"), ("t", grade_table(d)),
                 ("h", "VI. Tài chính"),
                 ("p", "Chi tiết thu, chi theo nguồn được công khai tại mục Tài chính của năm học."),
             ])


# --------------------------------------------------------------------------------------------
# DOCX forms


def docx_form(path: Path, *, title: str, to: list[str], fields: list[str], body: list[str] = (),
              sign: str = "Người làm đơn", extra_sign: str = ""):
    doc = Document()
    sec = doc.sections[0]
    sec.page_height, sec.page_width = Cm(29.7), Cm(21)
    sec.left_margin, sec.right_margin, sec.top_margin, sec.bottom_margin = Cm(3), Cm(2), Cm(2), Cm(2)
    style = doc.styles["Normal"]
    style.font.name = "Times New Roman"
    style.font.size = Pt(13)

    def para(text, bold=False, align=None, size=None, italic=False, space=4):
        p = doc.add_paragraph()
        run = p.add_run(text)
        run.bold, run.italic = bold, italic
        if size:
            run.font.size = Pt(size)
        if align:
            p.alignment = align
        p.paragraph_format.space_after = Pt(space)
        return p

    para("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, space=0)
    para("Độc lập - Tự do - Hạnh phúc", bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, space=0)
    para("———————", align=WD_ALIGN_PARAGRAPH.CENTER, space=12)
    para(title, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, size=15, space=12)
    for i, line in enumerate(to):
        para(("Kính gửi: " if i == 0 else "                ") + line, align=WD_ALIGN_PARAGRAPH.CENTER)
    for f in fields:
        para(f + " " + "." * max(8, 78 - len(f)))
    for b in body:
        para(b)
    para("Thành phố Hồ Chí Minh, ngày ….. tháng ….. năm 20…..", italic=True,
         align=WD_ALIGN_PARAGRAPH.RIGHT, space=6)
    t = doc.add_table(rows=2, cols=2)
    t.cell(0, 0).text = extra_sign
    t.cell(0, 1).text = sign
    t.cell(1, 0).text = "(Ký và ghi rõ họ tên)" if extra_sign else ""
    t.cell(1, 1).text = "(Ký và ghi rõ họ tên)"
    for row in t.rows:
        for c in row.cells:
            for p in c.paragraphs:
                p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for c in t.rows[0].cells:
        for r in c.paragraphs[0].runs:
            r.bold = True
    path.parent.mkdir(parents=True, exist_ok=True)
    doc.core_properties.author = "Trường THPT Sông Sài Gòn"
    doc.core_properties.title = title
    doc.save(str(path))


FORMS = {
    "don-xin-nghi-hoc": dict(
        title="ĐƠN XIN NGHỈ HỌC", to=["Giáo viên chủ nhiệm lớp ……", "Ban Giám hiệu Trường THPT Sông Sài Gòn"],
        fields=["Tôi tên là:", "Là cha/mẹ (người giám hộ) của học sinh:", "Học sinh lớp:",
                "Số điện thoại liên hệ:", "Xin cho con tôi được nghỉ học từ ngày:", "Đến hết ngày:",
                "Lý do:"],
        body=["Tôi xin cam kết nhắc nhở con chép bài, học bù đầy đủ các nội dung trong thời gian nghỉ "
              "và đi học lại đúng thời gian nêu trên."],
        sign="Cha/mẹ học sinh", extra_sign="Ý kiến giáo viên chủ nhiệm"),
    "don-phuc-khao": dict(
        title="ĐƠN ĐỀ NGHỊ PHÚC KHẢO BÀI KIỂM TRA", to=["Hiệu trưởng Trường THPT Sông Sài Gòn"],
        fields=["Họ và tên học sinh:", "Lớp:", "Môn học đề nghị phúc khảo:",
                "Bài kiểm tra (giữa kỳ/cuối kỳ), học kỳ:", "Ngày kiểm tra:", "Điểm đã công bố:",
                "Lý do đề nghị phúc khảo:"],
        body=["Em xin cam đoan những thông tin trên là đúng sự thật và chấp hành kết quả phúc khảo của nhà trường."],
        sign="Học sinh", extra_sign="Cha/mẹ học sinh"),
    "don-xin-chuyen-truong": dict(
        title="ĐƠN XIN CHUYỂN TRƯỜNG", to=["Hiệu trưởng Trường THPT Sông Sài Gòn",
                                           "Hiệu trưởng trường ……………………………………"],
        fields=["Tôi tên là:", "Là cha/mẹ (người giám hộ) của học sinh:", "Ngày sinh:",
                "Hiện đang học lớp:", "Năm học:", "Kết quả cuối năm học trước - học tập:", "Rèn luyện:",
                "Xin chuyển đến học tại trường:", "Thuộc tỉnh/thành phố:", "Lý do chuyển trường:"],
        body=["Tôi xin cam kết thực hiện đúng các quy định của nơi chuyển đến."],
        sign="Người làm đơn", extra_sign="Ý kiến của trường nơi chuyển đến"),
    "giay-de-nghi-xac-nhan-hoc-sinh": dict(
        title="GIẤY ĐỀ NGHỊ XÁC NHẬN LÀ HỌC SINH", to=["Hiệu trưởng Trường THPT Sông Sài Gòn"],
        fields=["Họ và tên học sinh:", "Ngày sinh:", "Nơi sinh:", "Lớp:", "Năm học:",
                "Họ tên cha/mẹ (người giám hộ):", "Số định danh cá nhân của học sinh:",
                "Mục đích xác nhận:", "Số bản cần xác nhận:"],
        sign="Người đề nghị"),
    "phieu-nhap-hoc-lop-10": dict(
        title="PHIẾU NHẬP HỌC LỚP 10", to=["Hiệu trưởng Trường THPT Sông Sài Gòn"],
        fields=["Họ và tên học sinh:", "Giới tính:", "Ngày sinh:", "Số định danh cá nhân:",
                "Học sinh trường THCS:", "Số báo danh tuyển sinh lớp 10:", "Nguyện vọng trúng tuyển:",
                "Tổ hợp môn lựa chọn đăng ký:", "Họ tên cha/mẹ (người giám hộ):", "Số điện thoại:",
                "Địa chỉ nơi ở hiện nay:"],
        body=["Gia đình cam kết phối hợp với nhà trường trong việc giáo dục học sinh và thực hiện nội quy nhà trường."],
        sign="Cha/mẹ học sinh", extra_sign="Học sinh"),
}


def make_forms():
    out = STATIC / "bieu-mau"
    for name, spec in FORMS.items():
        docx_form(out / f"{name}.docx", **spec)
        # The same form as PDF, for parents who print from a phone.
        make_pdf(out / f"{name}.pdf", title=spec["title"], number="", date="Thành phố Hồ Chí Minh, ngày ….. tháng ….. năm 20…..",
                 blocks=[("p", "Kính gửi: " + "; ".join(spec["to"]))]
                 + [("p", f + " " + "." * max(10, 70 - len(f))) for f in spec["fields"]]
                 + [("p", b) for b in spec.get("body", [])],
                 signer=spec.get("sign", "Người làm đơn").upper(), signer_name="", form=True)


# --------------------------------------------------------------------------------------------
# Other documents attached to posts and procedures


def make_documents():
    out = STATIC / "tai-lieu"
    make_pdf(out / "thong-bao" / "lich-kiem-tra-giua-hk1-2026-2027.pdf",
             title="LỊCH KIỂM TRA GIỮA HỌC KỲ I", subtitle="Năm học 2026-2027", number="201/TB-THPTSSG",
             date="Thành phố Hồ Chí Minh, ngày 14 tháng 10 năm 2026", blocks=[
                 ("t", [["Ngày", "Buổi", "Môn", "Thời gian", "Khối"],
                        ["02/11/2026", "Sáng", "Ngữ văn", "90 phút", "10, 11, 12"],
                        ["02/11/2026", "Chiều", "Lịch sử", "45 phút", "10, 11, 12"],
                        ["03/11/2026", "Sáng", "Toán", "90 phút", "10, 11, 12"],
                        ["03/11/2026", "Chiều", "Môn lựa chọn 1", "45 phút", "10, 11, 12"],
                        ["04/11/2026", "Sáng", "Tiếng Anh", "60 phút", "10, 11, 12"],
                        ["04/11/2026", "Chiều", "Môn lựa chọn 2", "45 phút", "10, 11, 12"],
                        ["05/11/2026", "Sáng", "Môn lựa chọn 3, 4", "45 phút/môn", "10, 11, 12"]]),
                 ("p", "Học sinh có mặt tại phòng kiểm tra trước giờ làm bài 15 phút; mang thẻ học sinh. "
                       "Các môn còn lại kiểm tra tại lớp theo kế hoạch của tổ chuyên môn."),
             ])
    make_pdf(out / "thong-bao" / "huong-dan-phong-benh-ho-hap-2026.pdf",
             title="HƯỚNG DẪN PHÒNG, CHỐNG BỆNH ĐƯỜNG HÔ HẤP", subtitle="(Covid-19, cúm mùa và các bệnh hô hấp cấp)",
             number="215/HD-THPTSSG", date="Thành phố Hồ Chí Minh, ngày 19 tháng 10 năm 2026", blocks=[
                 ("h", "1. Đối với học sinh"),
                 ("l", ["Rửa tay bằng xà phòng trước khi ăn, sau giờ ra chơi.",
                        "Đeo khẩu trang khi có biểu hiện ho, sốt, sổ mũi; che miệng khi ho, hắt hơi.",
                        "Khi sốt từ 38 độ C trở lên, ho nhiều, khó thở: nghỉ học ở nhà, đi khám bệnh và báo giáo viên chủ nhiệm."]),
                 ("h", "2. Đối với cha mẹ học sinh"),
                 ("l", ["Theo dõi sức khỏe của con trước khi đến trường.",
                        "Thông báo cho nhà trường khi con được chẩn đoán mắc Covid-19, cúm hoặc bệnh truyền nhiễm.",
                        "Tiêm chủng đầy đủ theo hướng dẫn của ngành y tế."]),
                 ("h", "3. Đối với nhà trường"),
                 ("l", ["Vệ sinh, khử khuẩn bề mặt tiếp xúc chung hằng ngày; mở cửa thông thoáng lớp học.",
                        "Phòng y tế theo dõi, cách ly tạm thời học sinh có triệu chứng và liên hệ gia đình.",
                        "Phối hợp Trạm y tế phường Bình Lợi Trung khi có ca bệnh."]),
             ])
    make_pdf(out / "ke-hoach" / "ke-hoach-nam-hoc-2026-2027.pdf",
             title="KẾ HOẠCH NĂM HỌC 2026-2027", number="165/KH-THPTSSG",
             date="Thành phố Hồ Chí Minh, ngày 28 tháng 8 năm 2026", blocks=[
                 ("h", "I. Mục tiêu"),
                 ("p", "Nâng cao chất lượng dạy học theo Chương trình GDPT 2018; giữ vững kỷ cương, nền nếp; "
                       "xây dựng trường học hạnh phúc, an toàn."),
                 ("h", "II. Khung thời gian"),
                 ("t", [["Mốc", "Thời gian"],
                        ["Tựu trường", "24/8/2026"], ["Khai giảng", "05/9/2026"],
                        ["Học kỳ I", "07/9/2026 - 16/01/2027"], ["Học kỳ II", "18/01/2027 - 22/5/2027"],
                        ["Kết thúc năm học", "trước 31/5/2027"]]),
                 ("h", "III. Chỉ tiêu"),
                 ("l", ["Tỉ lệ tốt nghiệp THPT từ 99,5% trở lên.", "Rèn luyện Tốt và Khá từ 98%.",
                        "Không có học sinh bỏ học; 100% giáo viên hoàn thành bồi dưỡng thường xuyên."]),
             ])
    make_pdf(out / "tuyen-sinh" / "thong-tin-tuyen-sinh-lop-10.pdf",
             title="THÔNG TIN TUYỂN SINH LỚP 10", subtitle="Trường THPT Sông Sài Gòn", number="88/TB-THPTSSG",
             date="Thành phố Hồ Chí Minh, ngày 05 tháng 3 năm 2026", blocks=[
                 ("p", "Trường tuyển sinh lớp 10 theo phương thức và lịch do Sở Giáo dục và Đào tạo "
                       "Thành phố Hồ Chí Minh ban hành hằng năm."),
                 ("t", [["Năm học", "Chỉ tiêu", "Số lớp", "Điểm chuẩn NV1"],
                        ["2024-2025", "675", "15", "20,75"], ["2025-2026", "720", "16", "21,25"],
                        ["2026-2027", "720", "16", "theo kết quả tuyển sinh"]]),
                 ("h", "Tổ hợp môn lựa chọn"),
                 ("l", ["Tổ hợp 1: Vật lí, Hóa học, Sinh học, Tin học.",
                        "Tổ hợp 2: Vật lí, Hóa học, Tin học, Công nghệ.",
                        "Tổ hợp 3: Địa lí, Giáo dục kinh tế và pháp luật, Vật lí, Tin học.",
                        "Tổ hợp 4: Địa lí, Giáo dục kinh tế và pháp luật, Hóa học, Sinh học."]),
             ])
    make_pdf(out / "ke-hoach" / "ke-hoach-phong-chong-sot-xuat-huyet.pdf",
             title="KẾ HOẠCH PHÒNG, CHỐNG SỐT XUẤT HUYẾT", subtitle="Năm học 2026-2027", number="190/KH-THPTSSG",
             date="Thành phố Hồ Chí Minh, ngày 22 tháng 9 năm 2026", blocks=[
                 ("l", ["Thứ Sáu hằng tuần: các lớp tổng vệ sinh, loại bỏ vật chứa nước đọng (15 phút cuối buổi).",
                        "Tổ bảo vệ kiểm tra máng xối, hồ nước, chậu cây mỗi tuần.",
                        "Phòng y tế tuyên truyền dấu hiệu sốt xuất huyết; theo dõi học sinh nghỉ ốm.",
                        "Phối hợp Trạm y tế phường phun hóa chất khi có ca bệnh trong trường."]),
             ])


# --------------------------------------------------------------------------------------------
# Images


def font(size, bold=False):
    return ImageFont.truetype(str(FONT_B if bold else FONT), size)


def save_png(img: Image.Image, path: Path, colors=48):
    path.parent.mkdir(parents=True, exist_ok=True)
    img.convert("RGB").quantize(colors=colors, method=Image.Quantize.MEDIANCUT).save(path, optimize=True)


def draw_school(w=800, h=450) -> Image.Image:
    img = Image.new("RGB", (w, h), (190, 225, 245))
    d = ImageDraw.Draw(img)
    d.rectangle([0, 360, w, h], fill=(120, 175, 95))
    d.rectangle([0, 380, w, h], fill=(200, 200, 195))
    # main building, 4 floors
    d.rectangle([150, 150, 650, 370], fill=(250, 230, 170), outline=(150, 120, 80), width=2)
    d.polygon([(140, 150), (400, 95), (660, 150)], fill=(185, 70, 55))
    for f in range(4):
        y = 165 + f * 50
        d.rectangle([150, y + 38, 650, y + 42], fill=(220, 190, 130))
        for i in range(9):
            x = 165 + i * 54
            if 370 < x < 420 and f == 3:
                continue
            d.rectangle([x, y, x + 34, y + 30], fill=(110, 160, 200), outline=(90, 90, 90))
    d.rectangle([372, 315, 428, 370], fill=(120, 80, 50))
    # flag pole
    d.line([(700, 370), (700, 170)], fill=(90, 90, 90), width=4)
    d.rectangle([702, 172, 760, 210], fill=(218, 37, 29))
    d.regular_polygon((731, 191, 10), 5, rotation=-90, fill=(255, 205, 0))
    # trees
    for x in (60, 100, 760):
        d.rectangle([x - 5, 320, x + 5, 375], fill=(110, 80, 50))
        d.ellipse([x - 35, 260, x + 35, 335], fill=(60, 140, 70))
    d.text((400, 125), "THPT SÔNG SÀI GÒN", font=font(18, True), fill=(255, 255, 255), anchor="mm")
    return img


def banner(text: str, sub: str, top=(20, 70, 140), bottom=(40, 130, 200), w=800, h=420, deco=None):
    img = Image.new("RGB", (w, h))
    d = ImageDraw.Draw(img)
    for y in range(h):
        t = y / h
        d.line([(0, y), (w, y)], fill=tuple(int(a + (b - a) * t) for a, b in zip(top, bottom)))
    if deco:
        deco(d, w, h)
    d.text((w // 2, h // 2 - 25), text, font=font(40, True), fill=(255, 255, 255), anchor="mm")
    d.text((w // 2, h // 2 + 30), sub, font=font(22), fill=(255, 240, 200), anchor="mm")
    return img


def deco_flowers(d, w, h):
    for i, (x, y) in enumerate([(80, 70), (720, 80), (110, 340), (690, 350), (400, 370)]):
        for k in range(6):
            import math
            a = k * math.pi / 3
            d.ellipse([x + 22 * math.cos(a) - 14, y + 22 * math.sin(a) - 14,
                       x + 22 * math.cos(a) + 14, y + 22 * math.sin(a) + 14], fill=(240, 120, 150))
        d.ellipse([x - 10, y - 10, x + 10, y + 10], fill=(255, 210, 60))


def deco_balloons(d, w, h):
    for x, c in [(70, (230, 60, 60)), (140, (250, 200, 40)), (660, (70, 190, 90)), (730, (240, 130, 40))]:
        d.line([(x, 150), (x + 10, 330)], fill=(240, 240, 240), width=2)
        d.ellipse([x - 32, 60, x + 32, 150], fill=c)


def deco_sport(d, w, h):
    d.ellipse([60, 250, 200, 390], fill=(255, 255, 255), outline=(30, 30, 30), width=3)
    d.line([(60, 320), (200, 320)], fill=(30, 30, 30), width=3)
    d.line([(130, 250), (130, 390)], fill=(30, 30, 30), width=3)
    d.rectangle([600, 60, 760, 70], fill=(255, 255, 255))
    d.rectangle([675, 70, 685, 200], fill=(255, 255, 255))


def deco_mosquito(d, w, h):
    dx, dy = 60, 70  # bottom-right corner, clear of the centred text

    def p(*xy):
        return [v + (dx if i % 2 == 0 else dy) for i, v in enumerate(xy)]

    d.ellipse(p(600, 230, 740, 300), fill=(40, 40, 40))
    d.ellipse(p(580, 200, 640, 250), fill=(40, 40, 40))
    for k in range(6):
        x = 615 + k * 20
        d.line(p(x, 290, x - 20 + (k % 2) * 40, 370), fill=(40, 40, 40), width=3)
    d.ellipse(p(640, 170, 720, 240), fill=(200, 220, 240))
    d.line(p(560, 160, 780, 380), fill=(220, 30, 30), width=12)
    d.ellipse(p(540, 140, 800, 400), outline=(220, 30, 30), width=12)


def avatar_svg(initials: str, color: str) -> str:
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="240" height="240" viewBox="0 0 240 240" '
            f'role="img" aria-label="{initials}">'
            f'<rect width="240" height="240" fill="{color}"/>'
            f'<circle cx="120" cy="96" r="44" fill="#ffffff" fill-opacity="0.25"/>'
            f'<path d="M40 240c0-52 36-84 80-84s80 32 80 84z" fill="#ffffff" fill-opacity="0.25"/>'
            f'<text x="120" y="132" font-family="DejaVu Sans, Arial, sans-serif" font-size="64" '
            f'font-weight="bold" fill="#ffffff" text-anchor="middle">{initials}</text></svg>\n')


PEOPLE = {
    "nguyen-thi-thanh-huong": ("TH", "#1f5f8b"),
    "le-hoang-phuc": ("HP", "#2e7d32"),
    "pham-ngoc-diep": ("ND", "#8e3b7a"),
    "vo-dinh-quan": ("ĐQ", "#b35c1e"),
}


def org_chart_svg() -> str:
    boxes = [
        (330, 20, "Chi bộ", "#b71c1c"), (560, 20, "Hội đồng trường", "#4a148c"),
        (330, 110, "Hiệu trưởng", "#1f5f8b"),
        (100, 200, "Phó HT chuyên môn", "#2e7d32"), (330, 200, "Phó HT cơ sở vật chất", "#2e7d32"),
        (560, 200, "Phó HT hoạt động GD", "#2e7d32"),
        (20, 300, "Tổ Toán - Tin", "#546e7a"), (175, 300, "Tổ Ngữ văn", "#546e7a"),
        (330, 300, "Tổ KHTN", "#546e7a"), (485, 300, "Tổ KHXH", "#546e7a"),
        (640, 300, "Tổ Ngoại ngữ", "#546e7a"),
        (95, 380, "Tổ GDTC - QP", "#546e7a"), (250, 380, "Tổ Văn phòng", "#546e7a"),
        (405, 380, "Công đoàn", "#00695c"), (560, 380, "Đoàn Thanh niên", "#00695c"),
        (715, 380, "Ban ĐD CMHS", "#00695c"),
    ]
    parts = ['<svg xmlns="http://www.w3.org/2000/svg" width="880" height="440" viewBox="0 0 880 440" '
             'font-family="DejaVu Sans, Arial, sans-serif" role="img" '
             'aria-label="Sơ đồ tổ chức Trường THPT Sông Sài Gòn">',
             '<rect width="880" height="440" fill="#fafafa"/>',
             '<g stroke="#90a4ae" stroke-width="2" fill="none">',
             '<path d="M405 60v50M635 60v20h-155v30M405 150v25M175 175h460M175 175v25M405 175v25M635 175v25"/>',
             '<path d="M175 240v30M635 240v30M405 240v30M85 270h635M85 270v30M240 270v30M405 270v30M560 270v30M715 270v30"/>',
             '</g>']
    for x, y, label, color in boxes:
        wdt = 150 if y >= 300 else 150
        parts.append(f'<rect x="{x}" y="{y}" width="{wdt}" height="40" rx="6" fill="{color}"/>')
        parts.append(f'<text x="{x + wdt / 2}" y="{y + 25}" font-size="13" fill="#fff" '
                     f'text-anchor="middle">{label}</text>')
    parts.append("</svg>\n")
    return "\n".join(parts)


def make_images():
    img_dir = STATIC / "images"
    save_png(draw_school(), img_dir / "truong-thpt-song-sai-gon.png", colors=32)
    save_png(banner("KHAI GIẢNG NĂM HỌC", "2026 - 2027  ·  Trường THPT Sông Sài Gòn", deco=deco_balloons),
             img_dir / "tin-tuc" / "khai-giang-2026.png")
    save_png(banner("TRI ÂN THẦY CÔ", "Kỷ niệm 44 năm Ngày Nhà giáo Việt Nam 20/11",
                    top=(150, 30, 60), bottom=(220, 90, 110), deco=deco_flowers),
             img_dir / "tin-tuc" / "nha-giao-20-11-2026.png")
    save_png(banner("HỘI THAO HỌC SINH", "Chào mừng ngày 20/11 · Năm học 2026 - 2027",
                    top=(10, 90, 60), bottom=(40, 160, 90), deco=deco_sport),
             img_dir / "tin-tuc" / "hoi-thao-2026.png")
    save_png(banner("SỐT XUẤT HUYẾT", "Diệt lăng quăng · loại bỏ nước đọng",
                    top=(90, 60, 10), bottom=(200, 140, 40), deco=deco_mosquito),
             img_dir / "tin-tuc" / "phong-chong-sot-xuat-huyet.png")
    save_png(banner("TUYỂN SINH LỚP 10", "Năm học 2027 - 2028 · Thông tin và tư vấn",
                    top=(30, 40, 120), bottom=(90, 60, 170)),
             img_dir / "tin-tuc" / "tuyen-sinh-lop-10.png")
    (img_dir / "so-do-to-chuc.svg").write_text(org_chart_svg(), encoding="utf-8")
    for slug, (ini, color) in PEOPLE.items():
        p = img_dir / "nhan-su" / f"{slug}.svg"
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(avatar_svg(ini, color), encoding="utf-8")


def main():
    if not FONT.exists():
        sys.exit(f"missing {FONT}: apt-get install fonts-dejavu-core")
    make_images()
    for year, data in YEARS.items():
        year_pdfs(year, data)
    make_forms()
    make_documents()
    big = [p for p in STATIC.rglob("*") if p.is_file() and p.stat().st_size > 60_000]
    for p in big:
        print("too big:", p, p.stat().st_size)
    total_size = sum(p.stat().st_size for p in ROOT.rglob("*") if p.is_file())
    print(f"example-site: {total_size / 1024:.0f} KB")
    return 1 if big else 0


if __name__ == "__main__":
    sys.exit(main())
