/// Keys over what a build reads, for a quick rebuild to tell whether anything but page files changed.
///
/// A build and the quick rebuild after it compute these with the same functions from the same
/// files, so equal keys mean equal inputs.
enum BuildInputs {
    /// Everything but the files of `content/` and `static/`: `site.yaml`, the options, the theme's
    /// templates and assets, the manifest files and the folders manifests are looked up in, and the
    /// kept copies of the parent office's feeds.
    static func key(
        siteRoot: String, configHash: ContentHash, options: LoadOptions, policy: SiteBuilder.CheckPolicy,
        liveReloadHTML: String?, theme: ThemeFiles, themeAssets: [StaticFile], manifestFiles: [String],
        fileSystem: FileSystem
    ) -> ContentHash {
        var key = ContentHash.of("edusite-build-inputs")
        key.combine(configHash)
        let date = options.buildDate
        for part in [date.year, date.month, date.day, date.hour, date.minute, date.second, date.offsetSeconds ?? -1 << 40] {
            key.combine(part)
        }
        key.combine(options.baseURL ?? "\u{0}")
        key.combine(options.includeDrafts)
        for path in options.themeSearchPaths + ["\u{0}"] + options.manifestSearchPaths { key.combine(path) }
        switch policy.compliance {
        case .enforce: key.combine("enforce")
        case .reportOnly: key.combine("report-only")
        case .off: key.combine("off")
        }
        key.combine(policy.strictFeeds)
        key.combine(liveReloadHTML ?? "\u{0}")
        for template in theme.templates {
            key.combine(template.name)
            key.combine(template.text)
        }
        for asset in themeAssets {
            key.combine(asset.path)
            key.combine(asset.absoluteSource)
        }
        for file in manifestFiles {
            key.combine(file)
            key.combine((try? fileSystem.readFile(file)).map { ContentHash.of($0) } ?? ContentHash())
        }
        // A new file in a search folder may take a manifest's name.
        for folder in options.manifestSearchPaths { combineListing(of: folder, into: &key, fileSystem: fileSystem) }
        let feeds = UpstreamFeedCache.folder(siteRoot: siteRoot)
        for entry in ((try? fileSystem.listDirectory(feeds)) ?? []).sorted(by: { $0.name < $1.name }) where !entry.isDirectory {
            key.combine(entry.name)
            key.combine((try? fileSystem.readFile(Path.join(feeds, entry.name))).map { ContentHash.of($0) } ?? ContentHash())
        }
        return key
    }

    /// The names of the files of `content/` and `static/` (relative to those folders, as walked), and
    /// where each is read from: a link pointed elsewhere changes it.
    static func fileListKey(content: [SiteFiles.File], static files: [SiteFiles.File]) -> ContentHash {
        var key = ContentHash()
        for listed in [content, files] {
            for file in listed {
                key.combine(file.path)
                key.combine(file.source)
            }
            key.combine("\u{0}")
        }
        return key
    }

    private static func combineListing(of folder: String, into key: inout ContentHash, fileSystem: FileSystem) {
        key.combine(folder)
        for entry in ((try? fileSystem.listDirectory(folder)) ?? []).sorted(by: { $0.name < $1.name }) {
            key.combine(entry.name)
        }
    }
}
