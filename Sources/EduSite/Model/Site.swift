/// Everything the Load stage read, as one immutable value: the input of Check and Render.
public struct Site: Sendable {
    /// Absolute path of the site's folder.
    public var root: String
    public var config: SiteConfig
    /// `site.yaml` as parsed, for findings that point into it.
    public var configNode: YAMLNode
    /// Every page, drafts excluded, in source order.
    public var pages: [Page]
    /// Files copied as they are: the theme's assets, `static/`, and non-Markdown files of `content/`.
    public var staticFiles: [StaticFile]
    public var theme: ThemeFiles
    /// Where the pages that could not be read would have gone: links to them are not reported again.
    public var unreadablePagePaths: Set<String> = []
    /// The parent office's feeds with their cached items, in `site.yaml` order.
    public var upstreamFeeds: [LoadedUpstreamFeed]
    /// "Now" for this build: injected so that a build is reproducible and checks can ask "as of".
    public var buildDate: ContentDate
    /// `timezone:` of `site.yaml`: every date of the site is shown in it.
    public var zone = SiteTimeZone.hoChiMinh
    /// Of `site.yaml`'s bytes: what the build cache compares.
    public var configHash = ContentHash()

    public init(
        root: String, config: SiteConfig, configNode: YAMLNode, pages: [Page], staticFiles: [StaticFile],
        theme: ThemeFiles, upstreamFeeds: [LoadedUpstreamFeed] = [], buildDate: ContentDate
    ) {
        self.root = root
        self.config = config
        self.configNode = configNode
        self.pages = pages
        self.staticFiles = staticFiles
        self.theme = theme
        self.upstreamFeeds = upstreamFeeds
        self.buildDate = buildDate
    }

    /// Where a `site.yaml` key stands, e.g. `["contact", "landline"]`.
    public func configLocation(_ keyPath: [String]) -> SourceLocation {
        configNode.location(ofKeyPath: keyPath)
    }

    /// The school year the build date falls in.
    public var currentSchoolYear: SchoolYear { SchoolYear(containing: buildDate) }
}

/// A file copied to the output unchanged.
public struct StaticFile: Sendable, Hashable {
    /// Absolute path of the file to copy (themes may live outside the site).
    public var absoluteSource: String
    /// How to name it in findings: relative to the site root, or `theme:<name>/…`.
    public var displaySource: String
    /// Site path it is served at, e.g. `/css/edusite.css`.
    public var path: String
    public var byteCount: Int

    public init(absoluteSource: String, displaySource: String, path: String, byteCount: Int) {
        self.absoluteSource = absoluteSource
        self.displaySource = displaySource
        self.path = path
        self.byteCount = byteCount
    }
}

/// The templates of the theme, with the site's own `layouts/` overrides applied.
public struct ThemeFiles: Sendable, Hashable {
    public struct Template: Sendable, Hashable {
        /// Name as partials and layouts refer to it: path without extension, e.g. `partials/footer`.
        public var name: String
        public var text: String
        /// For findings: `layouts/post.mustache` or `theme:default/templates/post.mustache`.
        public var displaySource: String

        public init(name: String, text: String, displaySource: String) {
            self.name = name
            self.text = text
            self.displaySource = displaySource
        }
    }

    public var name: String
    public var templates: [Template]

    public init(name: String, templates: [Template]) {
        self.name = name
        self.templates = templates
    }
}
