/// Finds the theme by name, reads its templates and assets, and applies the site's own `layouts/`
/// (a template there replaces the theme's template of the same name).
///
/// A theme folder holds `templates/` (Mustache, `.mustache`) and `static/` (copied to the output).
struct ThemeLoader {
    let fileSystem: FileSystem
    /// Folders holding themes by name, after the site's own `themes/`.
    let searchPaths: [String]

    static let templateExtension = "mustache"

    func load(name: String, siteRoot: String, declaredAt: SourceLocation, into diagnostics: inout [Diagnostic])
        -> (ThemeFiles, [StaticFile])?
    {
        let candidates = [Path.join(siteRoot, "themes")] + searchPaths
        guard let folder = candidates.map({ Path.join($0, name) }).first(where: { fileSystem.directoryExists($0) })
        else {
            diagnostics.append(
                Diagnostic(
                    .missingTheme, .error, "the theme `\(name)` cannot be found", at: declaredAt,
                    hint: "looked in: " + candidates.map { Path.join($0, name) }.joined(separator: ", ")
                        + ". Remove `theme:` to use the default theme, or put the theme in `themes/\(name)/`"))
            return nil
        }
        var templates: [String: ThemeFiles.Template] = [:]
        read(templatesIn: Path.join(folder, "templates"), display: "theme:\(name)/templates/", into: &templates, &diagnostics)
        read(templatesIn: Path.join(siteRoot, "layouts"), display: "layouts/", into: &templates, &diagnostics)

        var assets: [StaticFile] = []
        let staticFolder = Path.join(folder, "static")
        do {
            for relative in try fileSystem.walkFiles(staticFolder) {
                let absolute = Path.join(staticFolder, relative)
                assets.append(
                    StaticFile(
                        absoluteSource: absolute, displaySource: "theme:\(name)/static/\(relative)",
                        path: "/" + relative, byteCount: fileSystem.itemInfo(absolute)?.size ?? 0))
            }
        } catch {
            diagnostics.append(Diagnostic(.unreadableFile, .error, "\(error)", at: nil))
        }
        let sorted = templates.values.sorted { $0.name < $1.name }
        return (ThemeFiles(name: name, templates: sorted), assets)
    }

    private func read(
        templatesIn folder: String, display: String, into templates: inout [String: ThemeFiles.Template],
        _ diagnostics: inout [Diagnostic]
    ) {
        do {
            for relative in try fileSystem.walkFiles(folder) where Path.fileExtension(relative) == Self.templateExtension {
                let bytes = try fileSystem.readFile(Path.join(folder, relative))
                let displaySource = display + relative
                if let offset = UTF8Validation.firstInvalidByte(in: bytes[...]) {
                    diagnostics.append(SourceText(bytes: bytes[...], path: displaySource, firstLine: 1).notUTF8(atOffset: offset))
                    continue
                }
                let name = Path.removingExtension(relative)
                templates[name] = ThemeFiles.Template(
                    name: name, text: String(decoding: bytes, as: UTF8.self), displaySource: displaySource)
            }
        } catch {
            diagnostics.append(Diagnostic(.unreadableFile, .error, "\(error)", at: nil))
        }
    }
}
