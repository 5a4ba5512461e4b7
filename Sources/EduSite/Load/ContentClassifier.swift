/// Decides what a Markdown file of `content/` is from where it lies. The folder layout is shared by
/// every school site, so it is the layout, not front matter, that says what a page is.
struct ContentClassifier {
    /// Folder names of the dated sections (`tin-tuc`, `thong-bao`, …).
    let datedSections: Set<String>

    static let leadershipFile = "to-chuc/ban-giam-hieu.md"
    static let organisationsFolder = "to-chuc/doan-the"
    static let disclosuresFolder = "cong-khai"
    static let proceduresFolder = "cai-cach-hanh-chinh"

    enum Outcome {
        case page(PageKind)
        /// A folder under `cong-khai/` that is not named like `2025-2026`.
        case badSchoolYear(folder: String)
    }

    /// `relative` is the path below `content/`, e.g. `tin-tuc/khai-giang.md`.
    func classify(_ relative: String) -> Outcome {
        let folders = Path.parts(relative).dropLast().map(String.init)
        let isIndex = Path.lastComponent(relative) == "_index.md"
        let first = folders.first

        if folders.isEmpty {
            switch relative {
            case "_index.md": return .page(.home)
            case "lien-he.md": return .page(.contact)
            case "gop-y.md": return .page(.feedback)
            default: return .page(.page)
            }
        }
        if first == Self.disclosuresFolder {
            if folders.count == 1 { return .page(isIndex ? .section(.disclosures) : .page) }
            guard let year = SchoolYear(folderName: folders[1]) else { return .badSchoolYear(folder: folders[1]) }
            if folders.count == 2 { return .page(isIndex ? .section(.disclosureYear(year)) : .disclosure) }
            return .page(isIndex ? .section(.plain) : .disclosure)
        }
        if first == Self.proceduresFolder, folders.count == 1 {
            return .page(isIndex ? .section(.procedures) : .procedure)
        }
        if relative == Self.leadershipFile { return .page(.leadership) }
        if first == "to-chuc" {
            if folders.count == 1 { return .page(isIndex ? .section(.organisationOverview) : .page) }
            if folders.joined(separator: "/") == Self.organisationsFolder {
                return .page(isIndex ? .section(.organisations) : .organisation)
            }
        }
        if let first, datedSections.contains(first) {
            if isIndex { return .page(folders.count == 1 ? .section(.posts(section: first)) : .section(.plain)) }
            return .page(.post(section: first))
        }
        return .page(isIndex ? .section(.plain) : .page)
    }

    /// The schoolyear of a disclosure page, from its folder.
    static func schoolYear(of relative: String) -> SchoolYear? {
        let folders = Path.parts(relative)
        guard folders.count >= 3, folders[0] == disclosuresFolder else { return nil }
        return SchoolYear(folderName: String(folders[1]))
    }

    /// The site path of a page: folders and file name slugged, `_index.md` → its folder.
    static func sitePath(of relative: String, slug: String?) -> String {
        var segments = Path.parts(relative).dropLast().map { Slug.make($0) }
        let file = Path.lastComponent(relative)
        if file != "_index.md" {
            segments.append(slug ?? Slug.make(Path.removingExtension(file)))
        }
        let joined = segments.filter { !$0.isEmpty }.joined(separator: "/")
        return joined.isEmpty ? "/" : "/" + joined + "/"
    }
}
