/// The Load stage of compliance: finds the manifests a site names (bundled ids or files of the
/// site), decodes them strictly, and resolves `extends` (parents first, overridden by id),
/// reporting cycles at the `extends` line.
public struct ManifestLoader: Sendable {
    /// Checked when `site.yaml` has no `compliance`: an HCMC school under Thông tư 09/2024, with
    /// Thông tư 36/2017 for the archived years it still covers.
    public static let defaultManifests = ["hcm-portal", "tt09-2024", "tt36-2017"]

    public var fileSystem: FileSystem
    /// Folders of bundled manifests (`<id>.yaml`), first match wins.
    public var searchPaths: [String]

    public init(fileSystem: FileSystem, searchPaths: [String]) {
        self.fileSystem = fileSystem
        self.searchPaths = searchPaths
    }

    /// A manifest file found: its absolute path and how findings name it.
    struct Located {
        var absolute: String
        var display: String
        /// What it and the files it names must stay inside: the site, or the bundled folder.
        var boundary: String
    }

    /// The manifests of `site`, in the order `site.yaml` names them; nil when any cannot be loaded.
    public func load(for site: Site) -> (manifests: [Manifest]?, diagnostics: [Diagnostic]) {
        let (manifests, diagnostics, _) = loadReportingFiles(for: site)
        return (manifests, diagnostics)
    }

    /// `load(for:)`, and the files it read (absolute paths), for the build cache.
    func loadReportingFiles(for site: Site) -> (manifests: [Manifest]?, diagnostics: [Diagnostic], files: [String]) {
        let names = site.config.compliance?.manifests ?? Self.defaultManifests
        let listNode = site.configNode["compliance"]?["manifests"]
        var diagnostics: [Diagnostic] = []
        var manifests: [Manifest] = []
        var cache: [String: Manifest] = [:]
        for (offset, name) in names.enumerated() {
            let declaredAt = listNode?.items?[safe: offset]?.location ?? site.configLocation(["compliance", "manifests"])
            guard
                let located = find(name, relativeTo: site.root, displayBase: "", within: site.root, at: declaredAt, into: &diagnostics)
            else { continue }
            if let manifest = resolve(located, stack: [], cache: &cache, into: &diagnostics) { manifests.append(manifest) }
        }
        return (diagnostics.hasErrors ? nil : manifests, diagnostics, cache.keys.sorted())
    }

    /// Ids of the bundled manifests, sorted.
    public func availableIDs() -> [String] {
        var ids = Set<String>()
        for folder in searchPaths {
            for entry in (try? fileSystem.listDirectory(folder)) ?? [] where !entry.isDirectory {
                if entry.name.hasSuffix(".yaml") { ids.insert(String(entry.name.dropLast(5))) }
            }
        }
        return ids.sorted()
    }

    /// A name with a `/` or a `.yaml`/`.yml` ending is a file relative to `base`, which must stay
    /// inside `boundary` (`SiteFiles` says why not, in `diagnostics`); others are ids.
    func locate(
        _ name: String, relativeTo base: String, displayBase: String, within boundary: String, into diagnostics: inout [Diagnostic]
    ) -> Located? {
        if name.contains("/") || name.hasSuffix(".yaml") || name.hasSuffix(".yml") {
            guard let absolute = Path.normalize(Path.join(base, name)) else { return nil }
            let display = Path.normalize(displayBase.isEmpty ? name : Path.join(displayBase, name)) ?? name
            guard let file = SiteFiles(fileSystem: fileSystem, boundary: boundary).check(absolute, shown: display, into: &diagnostics),
                file.info.kind == .file
            else { return nil }
            return Located(absolute: file.source, display: display, boundary: boundary)
        }
        for folder in searchPaths {
            let candidate = Path.join(folder, name + ".yaml")
            if fileSystem.fileExists(candidate) {
                return Located(absolute: candidate, display: "manifest:\(name).yaml", boundary: folder)
            }
        }
        return nil
    }

    /// `locate`, or why not at `location` (where the name is written).
    private func find(
        _ name: String, relativeTo base: String, displayBase: String, within boundary: String, at location: SourceLocation,
        into diagnostics: inout [Diagnostic]
    ) -> Located? {
        var refusals: [Diagnostic] = []
        if let found = locate(name, relativeTo: base, displayBase: displayBase, within: boundary, into: &refusals) { return found }
        if refusals.isEmpty { refusals.append(unknown(name, at: location)) }
        for var refusal in refusals {
            refusal.location = location
            diagnostics.append(refusal)
        }
        return nil
    }

    func unknown(_ name: String, at location: SourceLocation) -> Diagnostic {
        let available = availableIDs()
        let names = available.map { "`\($0)`" }.joined(separator: ", ")
        return Diagnostic(
            .unknownManifest, .error, Words(vi: "không có bộ tiêu chí `\(name)`", en: "there is no manifest `\(name)`"),
            at: location,
            hint: available.isEmpty
                ? Words(
                    vi: "không tìm thấy bộ tiêu chí đi kèm nào: đặt EDUSITE_MANIFESTS là thư mục chứa chúng, hoặc ghi tên một tệp của trang web (ví dụ `compliance/quan-1.yaml`)",
                    en: "no bundled manifests were found: set EDUSITE_MANIFESTS to the folder that holds them, or name a file of the site (e.g. `compliance/quan-1.yaml`)")
                : Words(
                    vi: "các bộ tiêu chí đi kèm: \(names); hoặc ghi tên một tệp YAML của trang web, tính từ thư mục trang (ví dụ `compliance/quan-1.yaml`)",
                    en: "bundled manifests: \(names); or name a YAML file of the site, relative to it (e.g. `compliance/quan-1.yaml`)"))
    }

    private func resolve(
        _ located: Located, stack: [String], cache: inout [String: Manifest], into diagnostics: inout [Diagnostic]
    ) -> Manifest? {
        if let done = cache[located.absolute] { return done }
        guard let (file, node) = read(located, into: &diagnostics) else { return nil }
        var requirements: [Requirement] = []
        var units = file.units
        let extendsNode = node["extends"]
        let base = Path.parent(located.absolute)
        let displayBase = located.display.hasPrefix("manifest:") ? "" : Path.parent(located.display)
        for (offset, parentName) in file.extends.enumerated() {
            let at = extendsNode?.items?[safe: offset]?.location ?? node.location(ofKeyPath: ["extends"])
            guard
                let parentFile = find(
                    parentName, relativeTo: base, displayBase: displayBase, within: located.boundary, at: at, into: &diagnostics)
            else { continue }
            if stack.contains(parentFile.absolute) || parentFile.absolute == located.absolute {
                diagnostics.append(
                    Diagnostic(
                        .manifestCycle, .error,
                        Words(
                            vi: "bộ tiêu chí `\(file.id)` mở rộng `\(parentName)`, mà `\(parentName)` lại mở rộng ngược về nó: một vòng lặp",
                            en: "manifest `\(file.id)` extends `\(parentName)`, which extends it back: a cycle"),
                        at: at,
                        hint: Words(
                            vi: "bỏ một trong các mục `extends`; một bộ tiêu chí chỉ được mở rộng những bộ không mở rộng ngược về nó",
                            en: "remove one of the `extends` entries; a manifest may only extend manifests that do not extend it")))
                continue
            }
            guard let parent = resolve(parentFile, stack: stack + [located.absolute], cache: &cache, into: &diagnostics)
            else { continue }
            requirements += parent.requirements.filter { inherited in !requirements.contains { $0.id == inherited.id } }
            units = units ?? parent.units
        }
        let entries = node["requirements"]?.items ?? []
        var seen: Set<String> = []
        for (offset, entry) in file.requirements.enumerated() {
            let at = entries[safe: offset]?.location ?? node.location
            if !seen.insert(entry.id).inserted {
                diagnostics.append(
                    Diagnostic(
                        .invalidManifest, .error,
                        Words(
                            vi: "bộ tiêu chí `\(file.id)` có hai yêu cầu cùng mã `\(entry.id)`",
                            en: "manifest `\(file.id)` has two requirements with id `\(entry.id)`"),
                        at: at, hint: Words(vi: "đặt cho mỗi yêu cầu một mã riêng", en: "give each requirement its own id")))
                continue
            }
            let requirement = Requirement(
                id: entry.id, title: entry.title, kind: entry.kind, path: entry.path, units: entry.units,
                verified: entry.verified, note: entry.note, basis: entry.basis, severity: entry.severity, rules: entry.rules,
                location: at)
            diagnostics += RequirementValidator.problems(requirement)
            if let index = requirements.firstIndex(where: { $0.id == entry.id }) {
                requirements[index] = requirement
            } else {
                requirements.append(requirement)
            }
        }
        let manifest = Manifest(
            id: file.id, title: file.title, regulation: file.regulation, verified: file.verified, note: file.note,
            units: units, requirements: requirements, source: located.display)
        cache[located.absolute] = manifest
        return manifest
    }

    private func read(_ located: Located, into diagnostics: inout [Diagnostic]) -> (ManifestFile, YAMLNode)? {
        let bytes: [UInt8]
        do {
            bytes = try fileSystem.readFile(located.absolute)
        } catch {
            diagnostics.append(
                Diagnostic(
                    .unreadableManifest, .error,
                    Words(vi: "không đọc được bộ tiêu chí: \(error.words.vi)", en: "cannot read the manifest: \(error.words.en)"),
                    at: .file(located.display)))
            return nil
        }
        do {
            guard let node = try YAMLParser.parse(bytes[...], path: located.display) else {
                diagnostics.append(
                    Diagnostic(
                        .unreadableManifest, .error, Words(vi: "bộ tiêu chí đang trống", en: "the manifest is empty"),
                        at: .file(located.display),
                        hint: Words(
                            vi: "xem cách viết ở docs/manifests.md: `id`, `title`, `regulation`, `requirements`",
                            en: "see docs/manifests.md for the format: `id`, `title`, `regulation`, `requirements`")))
                return nil
            }
            return (try YAMLDecoder().decode(ManifestFile.self, from: node), node)
        } catch {
            diagnostics += error.diagnostics
            return nil
        }
    }
}

extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
