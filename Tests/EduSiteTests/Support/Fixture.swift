@testable import EduSite

/// Swift Testing has a `SourceLocation` of its own; in these tests the word means the site's.
typealias SourceLocation = EduSite.SourceLocation

/// A site tree in memory, written with a result builder:
/// `Fixture { File("site.yaml", …); Dir("content") { File("_index.md", …) } }`.
struct Fixture {
    let files: [String: [UInt8]]

    init(files: [String: [UInt8]]) { self.files = files }

    init(@FixtureBuilder _ content: () -> [FixtureNode]) {
        var files: [String: [UInt8]] = [:]
        for node in content() { node.collect(prefix: "", into: &files) }
        self.files = files
    }

    /// The tree mounted at `/site`, with the repository's default theme copied in from disk.
    func fileSystem(root: String = "/site") -> (FileSystem, MemoryTree) {
        var all: [String: [UInt8]] = [:]
        for (path, bytes) in files { all[Path.join(root, path)] = bytes }
        for (path, bytes) in Self.defaultTheme { all[path] = bytes }
        let tree = MemoryTree(files: all)
        return (.memory(tree), tree)
    }

    /// The real default theme, read once, mounted at `/themes/default`.
    static let defaultTheme: [String: [UInt8]] = {
        let themeRoot = Path.normalize(Path.join(Path.parent(#filePath), "../../../themes/default"))!
        var files: [String: [UInt8]] = [:]
        let live = FileSystem.live
        for relative in (try? live.walkFiles(themeRoot)) ?? [] {
            files["/themes/default/" + relative] = try? live.readFile(Path.join(themeRoot, relative))
        }
        return files
    }()

    static let themeSearchPaths = ["/themes"]
}

protocol FixtureNode {
    func collect(prefix: String, into files: inout [String: [UInt8]])
}

struct File: FixtureNode {
    let name: String
    let bytes: [UInt8]

    init(_ name: String, _ text: String) {
        self.name = name
        self.bytes = Array(text.utf8)
    }

    init(_ name: String, bytes: [UInt8]) {
        self.name = name
        self.bytes = bytes
    }

    func collect(prefix: String, into files: inout [String: [UInt8]]) {
        files[prefix.isEmpty ? name : prefix + "/" + name] = bytes
    }
}

struct Dir: FixtureNode {
    let name: String
    let children: [FixtureNode]

    init(_ name: String, @FixtureBuilder _ content: () -> [FixtureNode]) {
        self.name = name
        self.children = content()
    }

    func collect(prefix: String, into files: inout [String: [UInt8]]) {
        let path = prefix.isEmpty ? name : prefix + "/" + name
        for child in children { child.collect(prefix: path, into: &files) }
    }
}

@resultBuilder
enum FixtureBuilder {
    static func buildExpression(_ node: FixtureNode) -> [FixtureNode] { [node] }
    static func buildExpression(_ nodes: [FixtureNode]) -> [FixtureNode] { nodes }
    static func buildBlock(_ parts: [FixtureNode]...) -> [FixtureNode] { parts.flatMap { $0 } }
    static func buildOptional(_ part: [FixtureNode]?) -> [FixtureNode] { part ?? [] }
    static func buildEither(first: [FixtureNode]) -> [FixtureNode] { first }
    static func buildEither(second: [FixtureNode]) -> [FixtureNode] { second }
    static func buildArray(_ parts: [[FixtureNode]]) -> [FixtureNode] { parts.flatMap { $0 } }
}

/// Small sites for tests.
enum Sites {
    static let siteYAML = """
        name: Trường THPT Thử Nghiệm
        short_name: THPT Thử Nghiệm
        unit: thpt
        base_url: https://thptthunghiem.hcm.edu.vn/
        contact:
          address: 1 Đường Số 1, Phường Bến Thành, Thành phố Hồ Chí Minh
          landline: "028 3822 0000"
          email: thptthunghiem@hcm.edu.vn
        feedback:
          email: gopy@thptthunghiem.edu.vn

        """

    static func post(_ title: String, date: String, extra: String = "", body: String = "Nội dung bài viết.") -> String {
        "---\ntitle: \(title)\ndate: \(date)\n\(extra)---\n\(body)\n"
    }

    /// A minimal site with one of each common page kind.
    static func basic(@FixtureBuilder extra: () -> [FixtureNode] = { [] }) -> Fixture {
        let added = extra()
        return Fixture {
            File("site.yaml", siteYAML)
            Dir("content") {
                File("_index.md", "---\ntitle: Chào mừng\n---\nTrường chúng tôi.\n")
                File("gioi-thieu.md", "---\ntitle: Giới thiệu\n---\n## Lịch sử\n\nThành lập năm 1998.\n")
                File("lien-he.md", "---\ntitle: Liên hệ\n---\nMời liên hệ.\n")
                Dir("tin-tuc") {
                    File("khai-giang.md", post("Khai giảng năm học mới", date: "2026-09-05", extra: "tags: [Sự kiện]\n"))
                    File("hoi-thao.md", post("Hội thao", date: "2026-10-01 08:00"))
                }
            }
            added
        }
    }
}
