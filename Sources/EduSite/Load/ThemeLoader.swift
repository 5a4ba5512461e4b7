/// Finds the theme by name, reads its templates and assets, and applies the site's own `layouts/`
/// (a template there replaces the theme's template of the same name).
///
/// A theme folder holds `templates/` (Mustache, `.mustache`) and `static/` (copied to the output).
/// `theme:` is a name, never a path: a folder of the site's `themes/` or a bundled theme. Every file
/// is listed through `SiteFiles`, so no link in a theme reads anything outside it.
struct ThemeLoader {
    let fileSystem: FileSystem
    /// Folders holding themes by name, after the site's own `themes/`.
    let searchPaths: [String]

    static let templateExtension = "mustache"

    func load(name: String, siteRoot: String, declaredAt: SourceLocation, into diagnostics: inout [Diagnostic])
        -> (ThemeFiles, [StaticFile])?
    {
        guard Self.isThemeName(name) else {
            diagnostics.append(
                Diagnostic(
                    .badThemeName, .error,
                    Words(
                        vi: "`\(name)` không phải tên một giao diện: `theme:` ghi tên giao diện, không phải một đường dẫn",
                        en: "`\(name)` is not a theme name: `theme:` names a theme, it is not a path"),
                    at: declaredAt, hint: availableHint(siteRoot: siteRoot)))
            return nil
        }
        let site = SiteFiles(fileSystem: fileSystem, boundary: siteRoot)
        // The site's own theme: a folder of `themes/`, or a link to one inside the site.
        var found: (files: SiteFiles, folder: String, display: String)?
        let siteTheme = Path.join(siteRoot, "themes", name)
        if let folder = site.check(siteTheme, shown: "themes/\(name)", into: &diagnostics) {
            if folder.info.kind == .directory { found = (site, folder.source, "themes/\(name)/") }
        } else if fileSystem.linkInfo(siteTheme) != nil {
            return nil
        }
        if found == nil, let bundled = searchPaths.map({ Path.join($0, name) }).first(where: { fileSystem.directoryExists($0) }) {
            found = (SiteFiles(fileSystem: fileSystem, boundary: bundled, boundaryName: Words(vi: "thư mục của giao diện", en: "the theme's folder")), bundled, "theme:\(name)/")
        }
        guard let (files, folder, display) = found else {
            diagnostics.append(
                Diagnostic(
                    .missingTheme, .error,
                    Words(vi: "không tìm thấy giao diện `\(name)`", en: "the theme `\(name)` cannot be found"), at: declaredAt,
                    hint: availableHint(siteRoot: siteRoot)
                        + Words(vi: "; hoặc đặt giao diện vào `themes/\(name)/`", en: "; or put the theme in `themes/\(name)/`")))
            return nil
        }
        var templates: [String: ThemeFiles.Template] = [:]
        read(files.walk(Path.join(folder, "templates"), display: display + "templates/"), into: &templates, &diagnostics)
        read(site.walk(Path.join(siteRoot, "layouts"), display: "layouts/"), into: &templates, &diagnostics)

        let assets = files.walk(Path.join(folder, "static"), display: display + "static/")
        diagnostics += assets.diagnostics
        let sorted = templates.values.sorted { $0.name < $1.name }
        return (
            ThemeFiles(name: name, templates: sorted),
            assets.files.map {
                StaticFile(
                    absoluteSource: $0.source, displaySource: display + "static/" + $0.path, path: "/" + $0.path,
                    byteCount: $0.info.size)
            }
        )
    }

    /// A folder name: no `/`, no `..`, not hidden, not empty.
    static func isThemeName(_ name: String) -> Bool {
        !name.isEmpty && !name.hasPrefix(".") && !name.contains("/") && !name.contains("\\") && !name.contains("\0")
    }

    /// The themes there are, for a hint.
    func availableThemes(siteRoot: String) -> [String] {
        var names = Set<String>()
        for folder in [Path.join(siteRoot, "themes")] + searchPaths {
            for entry in (try? fileSystem.listDirectory(folder)) ?? [] where entry.isDirectory && Self.isThemeName(entry.name) {
                names.insert(entry.name)
            }
        }
        return names.sorted()
    }

    private func availableHint(siteRoot: String) -> Words {
        let names = availableThemes(siteRoot: siteRoot).joined(separator: ", ")
        let list =
            names.isEmpty
            ? Words(vi: "chưa cài giao diện nào", en: "no themes are installed")
            : Words(vi: "các giao diện hiện có: \(names)", en: "the themes there are: \(names)")
        return list
            + Words(vi: ". Bỏ `theme:` để dùng giao diện mặc định", en: ". Remove `theme:` to use the default theme")
    }

    private func read(_ listing: SiteFiles.Listing, into templates: inout [String: ThemeFiles.Template], _ diagnostics: inout [Diagnostic]) {
        diagnostics += listing.diagnostics
        for file in listing.files where Path.fileExtension(file.path) == Self.templateExtension {
            let displaySource = listing.display + file.path
            let bytes: [UInt8]
            do {
                bytes = try fileSystem.readFile(file.source)
            } catch {
                diagnostics.append(Diagnostic(.unreadableFile, .error, error.words, at: .file(displaySource)))
                continue
            }
            if let offset = UTF8Validation.firstInvalidByte(in: bytes[...]) {
                diagnostics.append(SourceText(bytes: bytes[...], path: displaySource, firstLine: 1).notUTF8(atOffset: offset))
                continue
            }
            let name = Path.removingExtension(file.path)
            templates[name] = ThemeFiles.Template(
                name: name, text: String(decoding: bytes, as: UTF8.self), displaySource: displaySource)
        }
    }
}
