import Synchronization

/// `edusite serve`: builds the site into memory, serves it, and rebuilds when it changes. A failed
/// build never replaces the pages being served; the open pages show its findings instead.
public final class ServeSession: Sendable {
    public let hub = LiveReloadHub()
    let siteRoot: String
    let options: LoadOptions
    let fileSystem: FileSystem
    let compliance: SiteBuilder.ComplianceMode
    /// Of the overlay's findings and words; Vietnamese unless `--lang` or the locale says otherwise.
    let language: Language
    /// Output path (`tin-tuc/index.html`) → contents of the last good build.
    private let files = Mutex<[String: OutputFile.Contents]>([:])
    /// What the last good build keeps for the next: rebuilds read and render only what changed.
    private let preview = Mutex<SiteBuilder.PreviewState?>(nil)

    public init(
        siteRoot: String, options: LoadOptions, fileSystem: FileSystem = .live,
        compliance: SiteBuilder.ComplianceMode = .reportOnly, language: Language = .vi
    ) {
        self.language = language
        self.siteRoot = siteRoot
        self.options = options
        self.fileSystem = fileSystem
        self.compliance = compliance
    }

    /// Builds and, when the build is good, swaps the served files and tells the pages to reload.
    /// Called from one watcher at a time.
    @discardableResult
    public func rebuild() -> SiteBuilder.Rendering {
        let builder = SiteBuilder(fileSystem: fileSystem, renderer: SiteRenderer(liveReloadHTML: LiveReloadScript.tag))
        // Unmet required sections do not stop a preview: they show as warnings and on /tu-kiem-tra/.
        let (rendering, state) = builder.renderPreview(
            siteRoot: siteRoot, options: options, policy: SiteBuilder.CheckPolicy(compliance: compliance),
            previous: preview.withLock { $0 })
        preview.withLock { $0 = state }
        if let rendered = rendering.files {
            let map = Dictionary(rendered.map { ($0.path, $0.contents) }, uniquingKeysWith: { _, last in last })
            files.withLock { $0 = map }
            hub.buildSucceeded()
        } else {
            hub.buildFailed(DiagnosticText.format(rendering.diagnostics.filter { $0.severity == .error }, in: language))
        }
        return rendering
    }

    public func respond(to request: HTTPServer.Request) -> HTTPServer.Response {
        switch request.path {
        case LiveReloadScript.eventsPath: return .eventStream(hub)
        case LiveReloadScript.path:
            return .bytes(status: 200, contentType: "text/javascript; charset=utf-8", body: Array(LiveReloadScript.source(language).utf8))
        default: break
        }
        let relative = request.path.hasSuffix("/") ? String(request.path.dropFirst()) + "index.html" : String(request.path.dropFirst())
        let served = files.withLock { $0 }
        let contents = served[Path.nfc(relative)] ?? served[Path.nfc(relative) + "/index.html"]
        if let contents, let body = read(contents) {
            return .bytes(status: 200, contentType: MediaType.of(relative), body: body)
        }
        if let notFound = served["404.html"], let body = read(notFound) {
            return .bytes(status: 404, contentType: "text/html; charset=utf-8", body: body)
        }
        return .bytes(status: 404, contentType: "text/plain; charset=utf-8", body: Array("Không tìm thấy trang\n".utf8))
    }

    private func read(_ contents: OutputFile.Contents) -> [UInt8]? {
        try? contents.bytes(reading: fileSystem)
    }
}

/// Content types by extension, for the files a school site holds.
enum MediaType {
    static func of(_ path: String) -> String {
        switch Path.fileExtension(path) {
        case "html", "": "text/html; charset=utf-8"
        case "css": "text/css; charset=utf-8"
        case "js": "text/javascript; charset=utf-8"
        case "xml": "application/xml; charset=utf-8"
        case "json": "application/json; charset=utf-8"
        case "txt": "text/plain; charset=utf-8"
        case "svg": "image/svg+xml"
        default: FeedWriter.mimeType(path)
        }
    }
}
