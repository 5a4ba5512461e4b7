@testable import EduSite

/// Pages made by hand for the cache tests: between them every enum case, every optional both set
/// and nil, numbers at their limits, Vietnamese text and empty strings.
enum HandMadePages {
    static let source = "content/tin-tuc/khai-giảng.md"

    static func location(_ line: Int, _ column: Int, in path: String = source) -> SourceLocation {
        SourceLocation(path: path, line: line, column: column)
    }

    static let kinds: [PageKind] = [
        .home, .page, .contact, .feedback, .leadership, .organisation, .disclosure, .procedure,
        .post(section: "tin-tuc"), .post(section: ""),
        .section(.organisationOverview), .section(.organisations), .section(.disclosures),
        .section(.disclosureYear(SchoolYear(startYear: 2025))), .section(.disclosureYear(SchoolYear(startYear: -1))),
        .section(.procedures), .section(.posts(section: "thông-báo")), .section(.plain),
    ]

    static let targets: [LinkTarget] = [
        .external, .sitePath("/tin-tuc/", suffix: "#muc-1"), .sitePath("", suffix: ""),
        .file(source: "static/tài-liệu/báo cáo.pdf", path: "/tai-lieu/bao-cao.pdf", byteCount: 123_456),
        .missing(candidate: "content/anh/không-có.png"), .outsideSite,
    ]

    static let params: [String: YAMLValue] = [
        "rỗng": .null,
        "": .string(""),
        "bật": .bool(true),
        "tắt": .bool(false),
        "số": .int(-42),
        "lớn": .int(Int.max),
        "nhỏ": .int(Int.min),
        "thực": .double(3.25),
        "âm không": .double(-0.0),
        "vô cực": .double(-.infinity),
        "danh sách": .array([.int(1), .array([.string("Hà Nội"), .null, .array([])]), .object([:])]),
        "bảng": .object(["lớp": .array([.string("10A1"), .double(1e-300)]), "sĩ số": .object(["nam": .int(20)])]),
    ]

    static func asset(_ name: String, at location: SourceLocation) -> Asset {
        Asset(
            source: "static/tai-lieu/\(name)", path: "/tai-lieu/\(name)", title: "Tài liệu \(name)", byteCount: 2_048,
            declaredAt: location)
    }

    /// Everything set, locations in the page's own file and in others.
    static let full = Page(
        source: source, kind: .post(section: "tin-tuc"), path: "/tin-tuc/khai-giang/",
        title: "Lễ khai giảng năm học 2025-2026", description: "Tường thuật lễ khai giảng",
        date: ContentDate(epochSeconds: 1_757_035_800, utcOffset: 7 * 3600),
        updated: ContentDate(epochSeconds: -86_400, utcOffset: -(9 * 3600 + 30 * 60)), weight: -3, draft: true,
        summary: "Sáng ngày 5/9, trường tổ chức lễ khai giảng.",
        body: PageBody(
            html: BodyHTML("<h2 id=\"chuong-trinh\">Chương trình</h2>\n<p>Đầy đủ 🎉</p>\n"),
            headings: [
                MarkdownHeading(level: 2, text: "Chương trình", id: "chuong-trinh", line: 12),
                MarkdownHeading(level: 6, text: "", id: "muc", line: 40),
            ],
            links: targets.enumerated().map { index, target in
                PageLink(
                    reference: MarkdownReference(
                        kind: index.isMultiple(of: 2) ? .link : .image, destination: "../đích/\(index)",
                        location: index == 3 ? location(9, 1, in: "content/_index.md") : location(14 + index, 3)),
                    target: target)
            },
            wordCount: 1_234, sample: BodyTextSample(hasCapitalMarker: true, shortText: "Chương trình Đầy đủ")),
        tags: [Tag(name: "Y tế"), Tag(name: "Khai giảng"), Tag(name: "", slug: "")],
        image: asset("anh.jpg", at: location(5, 8)), imageAlt: "Học sinh chào cờ",
        attachments: [asset("ke-hoach.pdf", at: location(7, 5)), asset("lich.docx", at: location(1, 1, in: "site.yaml"))],
        people: [
            Person(
                name: "Nguyễn Thị Hoa", role: "Hiệu trưởng", phone: "028 3555 0100", email: "hoa@truong.edu.vn",
                photo: asset("hoa.jpg", at: location(20, 10)), duties: "Phụ trách chung", location: location(18, 5)),
            Person(
                name: "Trần Văn Đức", role: "", phone: nil, email: nil, photo: nil, duties: nil,
                location: location(22, 5, in: "")),
        ],
        organisation: OrganisationInfo(kind: .banDaiDienCMHS),
        disclosure: DisclosureInfo(
            reference: DisclosureReference("tt09-2024/ke-hoach-ket-qua/thuc-don")!, schoolYear: SchoolYear(startYear: 2025),
            period: .day(year: 2025, month: 10, day: 20)),
        procedure: ProcedureInfo(
            id: "don-xin-nghi-hoc", forms: [asset("mau-don.docx", at: location(30, 9))],
            steps: ["Nộp đơn", "", "Nhận kết quả"], documents: ["Đơn xin nghỉ học"], timeLimit: "03 ngày làm việc",
            fees: "Không", agency: "Văn phòng trường", legalBasis: ["Thông tư 32/2020/TT-BGDĐT"],
            onlineService: "https://dichvucong.gov.vn/", onlineLevel: .motPhan),
        layout: "bai-viet", params: params,
        keyLocations: ["title": location(2, 1), "date": location(3, 1), "tags": location(4, 1), "": location(1, 1)])

    /// Every optional nil, every list empty, every string empty.
    static let empty = Page(
        source: "", kind: .page, path: "", title: "", description: nil, date: nil, updated: nil, weight: 0, draft: false,
        summary: "",
        body: PageBody(
            html: .empty, headings: [], links: [], wordCount: 0,
            sample: BodyTextSample(hasCapitalMarker: false, shortText: nil)),
        tags: [], image: nil, imageAlt: nil, attachments: [], people: [], organisation: nil, disclosure: nil,
        procedure: ProcedureInfo(
            id: "", forms: [], steps: [], documents: [], timeLimit: nil, fees: nil, agency: nil, legalBasis: [],
            onlineService: nil, onlineLevel: .toanTrinh),
        layout: nil, params: [:], keyLocations: [:])

    /// `full` once with each page kind, link target (above), organisation kind and online level.
    static var all: [Page] {
        var pages = [full, empty]
        for kind in kinds {
            pages.append(full.with(kind: kind))
        }
        for kind in OrganisationKind.allCases {
            pages.append(empty.with(organisation: OrganisationInfo(kind: kind)))
        }
        var procedure = full.procedure
        procedure?.onlineLevel = nil
        pages.append(full.with(procedure: procedure))
        return pages
    }
}

extension Page {
    /// A copy with some fields replaced (pages are immutable).
    fileprivate func with(
        kind: PageKind? = nil, organisation: OrganisationInfo?? = nil, procedure: ProcedureInfo?? = nil
    ) -> Page {
        Page(
            source: source, kind: kind ?? self.kind, path: path, title: title, description: description, date: date,
            updated: updated, weight: weight, draft: draft, summary: summary, body: body, tags: tags, image: image,
            imageAlt: imageAlt, attachments: attachments, people: people, organisation: organisation ?? self.organisation,
            disclosure: disclosure, procedure: procedure ?? self.procedure, layout: layout, params: params,
            keyLocations: keyLocations)
    }
}
