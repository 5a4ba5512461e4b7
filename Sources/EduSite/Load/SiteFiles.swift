/// The one place that decides which files of a site EduSite may read: every folder the build reads
/// (`content/`, `static/`, `layouts/`, a theme) is listed through here, and so is every single file
/// (`site.yaml`, a manifest of the site).
///
/// A symlink, file or folder, at any depth, is followed only when where it really points lies inside
/// the boundary (the site folder, or a bundled theme's own folder) and not in a hidden folder of it
/// (`.git/`, `.edusite/`): EduSite runs as root in CI, and a link to `/etc/passwd` or to the runner's
/// `.git/config` must never be published. A link that points outside, at nothing, or round in a
/// loop, and anything that is neither a file nor a folder (a pipe would block the build), is an
/// error naming it, and it is left out.
///
/// A link to a file inside the site is an ordinary file under its own name: its target is read once
/// for each name (and published under each). Files are read where the link really points, so what
/// was checked is what is read.
struct SiteFiles: Sendable {
    let fileSystem: FileSystem
    /// The folder everything must stay in, its own symlinks resolved.
    let boundary: String
    /// The boundary in messages: "the site folder", "the theme's folder".
    let boundaryName: Words

    /// Folders one walk may enter through links.
    static let maximumLinkedFolders = 1000

    init(fileSystem: FileSystem, boundary: String, boundaryName: Words = Words(vi: "thư mục của trang web", en: "the site folder")) {
        self.fileSystem = fileSystem
        self.boundary = fileSystem.resolvingSymlinks(boundary) ?? boundary
        self.boundaryName = boundaryName
    }

    /// A file that may be read.
    struct File: Sendable, Hashable {
        /// Relative to the folder walked, `/`-separated: the name it is published under.
        var path: String
        /// Absolute path to read it from, where a link really points.
        var source: String
        var info: ItemInfo
    }

    struct Listing: Sendable {
        /// How the folder walked is named in messages, e.g. `static/`.
        var display = ""
        /// In byte order of `path`, so that output is reproducible.
        var files: [File] = []
        /// The links and other names left out, absolute (`serve` watches them too).
        var refused: [String] = []
        var diagnostics: [Diagnostic] = []
    }

    /// Every file below `folder` (absolute), hidden names skipped; `display` is how the folder is
    /// named in messages, e.g. `static/` or `theme:default/templates/`. No folder, no files.
    func walk(_ folder: String, display: String) -> Listing {
        var listing = Listing(display: display)
        // The folder itself may be a link (`static -> /etc`).
        guard let (top, topInfo) = follow(folder, shown: String(display.dropLast()), into: &listing),
            topInfo.kind == .directory
        else { return listing }

        struct Folder: Sendable {
            var relative: String
            var source: String
            /// The folders, links resolved, from the walked one down to this one: a link to any of
            /// them, or to a folder holding one, would walk round for ever.
            var chain: [String]
        }
        var level = [Folder(relative: "", source: top, chain: [top])]
        // Links to folders that hold links to folders multiply without a loop (two links in each of
        // 30 nested folders walk 2^30 of them): past a bound, that is an error too, not a hang.
        var linkedFolders = 0
        let fileSystem = self.fileSystem
        while !level.isEmpty {
            // A level of folders at a time, the folders of a level on all cores.
            let listed = level.parallelMap { folder in
                Result { () throws(FileSystemError) in try fileSystem.children(of: folder.source) }
            }
            var next: [Folder] = []
            for (folder, result) in zip(level, listed) {
                let entries: [(DirectoryEntry, ItemInfo)]
                do throws(FileSystemError) {
                    entries = try result.get()
                } catch {
                    listing.diagnostics.append(
                        Diagnostic(
                            .unreadableFile, .error, error.words, at: .file(display + folder.relative),
                            hint: Words(
                                vi: "kiểm tra rằng bạn có quyền đọc thư mục này", en: "check that you may read the folder")))
                    continue
                }
                for (entry, info) in entries where !entry.name.hasPrefix(".") {
                    let relative = folder.relative.isEmpty ? entry.name : folder.relative + "/" + entry.name
                    let source = Path.join(folder.source, entry.name)
                    var kind = info.kind
                    var target = (source, info)
                    if kind == .symlink {
                        guard let followed = follow(source, shown: display + relative, into: &listing) else { continue }
                        target = followed
                        kind = followed.1.kind
                        if kind == .directory {
                            linkedFolders += 1
                            let loops = folder.chain.contains { Path.relative($0, to: followed.0) != nil }
                            if loops || linkedFolders > Self.maximumLinkedFolders {
                                listing.refused.append(source)
                                listing.diagnostics.append(
                                    Diagnostic(
                                        .linkLoop, .error,
                                        loops
                                            ? Words(
                                                vi: "`\(display + relative)` là một liên kết tới `\(shown(followed.0))`, một thư mục chứa chính liên kết đó: nó sẽ bị đọc vòng mãi",
                                                en: "`\(display + relative)` is a link to `\(shown(followed.0))`, a folder that holds the link itself: it would be read round for ever")
                                            : Words(
                                                vi: "`\(display + relative)` là một liên kết thư mục quá nhiều: `\(display)` dẫn tới hơn \(Self.maximumLinkedFolders) thư mục qua các liên kết",
                                                en: "`\(display + relative)` is one link to a folder too many: `\(display)` reaches more than \(Self.maximumLinkedFolders) folders through links"),
                                        at: .file(display + relative),
                                        hint: loops
                                            ? Words(
                                                vi: "xoá liên kết, hoặc cho nó trỏ tới một thư mục không chứa nó",
                                                en: "remove the link, or point it at a folder that does not hold it")
                                            : Words(
                                                vi: "liên kết tới thư mục có chứa liên kết tới thư mục sẽ nhân lên mãi; hãy chép các thư mục bạn cần",
                                                en: "links to folders that hold links to folders multiply; copy the folders you need instead")))
                                continue
                            }
                        }
                    }
                    switch kind {
                    case .directory:
                        next.append(Folder(relative: relative, source: target.0, chain: folder.chain + [target.0]))
                    case .file:
                        listing.files.append(File(path: relative, source: target.0, info: target.1))
                    case .symlink, .other:
                        listing.refused.append(source)
                        listing.diagnostics.append(notAFile(display + relative))
                    }
                }
            }
            level = next
        }
        listing.files.sort { FileSystem.precedesInByteOrder($0.path, $1.path) }
        return listing
    }

    /// One file or folder of the site (`site.yaml`): where to read it from; nil when nothing is
    /// there, or when it may not be read (the reason is then in `diagnostics`).
    func check(_ path: String, shown: String, into diagnostics: inout [Diagnostic]) -> File? {
        var listing = Listing()
        let found = follow(path, shown: shown, into: &listing)
        diagnostics += listing.diagnostics
        guard let (source, info) = found else { return nil }
        guard info.kind == .file || info.kind == .directory else {
            diagnostics.append(notAFile(shown))
            return nil
        }
        return File(path: shown, source: source, info: info)
    }

    /// What `path` is once its links are followed, when it may be read; otherwise nil, and why (no
    /// reason when it is not a link and nothing is there: a missing `static/` is no mistake).
    private func follow(_ path: String, shown: String, into listing: inout Listing) -> (String, ItemInfo)? {
        let isLink = fileSystem.linkInfo(path)?.kind == .symlink
        let written = isLink ? ((try? fileSystem.readLink(path)) ?? "?") : ""
        func refuse(_ code: DiagnosticCode, _ message: Words, hint: Words) -> (String, ItemInfo)? {
            listing.refused.append(path)
            listing.diagnostics.append(Diagnostic(code, .error, message, at: .file(shown), hint: hint))
            return nil
        }
        guard let resolved = fileSystem.resolvingSymlinks(path) else {
            return refuse(
                .linkLoop,
                Words(
                    vi: "`\(shown)` là một liên kết dẫn vòng quanh (`\(written)`)",
                    en: "`\(shown)` is a link that leads round in a loop (`\(written)`)"),
                hint: Words(
                    vi: "cho liên kết trỏ tới một tệp hoặc thư mục, không trỏ về chính nó hay một liên kết trỏ ngược lại, hoặc xoá nó",
                    en: "make the link point at a file or folder, not at itself or a link back to it, or remove it"))
        }
        guard let inside = Path.relative(resolved, to: boundary) else {
            if !isLink {
                // A path written with `..` (a manifest named in `site.yaml`), or through a linked folder.
                return refuse(
                    .pathLeavesSite,
                    Words(
                        vi: "`\(shown)` dẫn tới \(resolved), nằm ngoài \(boundaryName.vi)",
                        en: "`\(shown)` leads to \(resolved), outside \(boundaryName.en)"),
                    hint: Words(
                        vi: "EduSite chỉ đọc các tệp bên trong \(boundaryName.vi); hãy chép tệp vào trang web và ghi đường dẫn từ đó",
                        en: "EduSite reads only files inside \(boundaryName.en); copy the file into the site and name it from there"))
            }
            return refuse(
                .linkLeavesSite,
                Words(
                    vi: "`\(shown)` là một liên kết tới \(resolved), nằm ngoài \(boundaryName.vi)",
                    en: "`\(shown)` is a link to \(resolved), outside \(boundaryName.en)"),
                hint: Words(
                    vi: "EduSite chỉ đăng các tệp bên trong \(boundaryName.vi); hãy chép tệp vào `\(Path.parent(shown))/` thay vì liên kết tới nó",
                    en: "EduSite publishes only files inside \(boundaryName.en); copy the file into `\(Path.parent(shown))/` instead of linking to it"))
        }
        if Path.parts(inside).contains(where: { $0.hasPrefix(".") }) {
            return refuse(
                .linkLeavesSite,
                Words(
                    vi: "`\(shown)` là một liên kết tới `\(inside)`, một tệp ẩn của \(boundaryName.vi)",
                    en: "`\(shown)` is a link to `\(inside)`, a hidden file of \(boundaryName.en)"),
                hint: Words(
                    vi: "thư mục ẩn (`.git/`, `.edusite/`) chứa thiết lập và mật khẩu, không bao giờ chứa trang; hãy chép tệp bạn muốn vào `\(Path.parent(shown))/`",
                    en: "hidden folders (`.git/`, `.edusite/`) hold settings and passwords, never pages; copy the file you meant into `\(Path.parent(shown))/`"))
        }
        guard let info = fileSystem.itemInfo(resolved) else {
            if !isLink { return nil }
            return refuse(
                .danglingLink,
                Words(
                    vi: "`\(shown)` là một liên kết tới `\(written)`, nơi không tồn tại",
                    en: "`\(shown)` is a link to `\(written)`, which does not exist"),
                hint: Words(
                    vi: "tệp hoặc thư mục nó trỏ tới đã bị chuyển đi hoặc xoá: hãy trỏ liên kết tới một tệp có thật, hoặc xoá nó",
                    en: "the file or folder it points at was moved or deleted: point the link at an existing file, or remove it"))
        }
        return (resolved, info)
    }

    /// A path inside the boundary as the user knows it (relative), any other as it is.
    private func shown(_ resolved: String) -> String { Path.relative(resolved, to: boundary) ?? resolved }

    private func notAFile(_ shown: String) -> Diagnostic {
        Diagnostic(
            .notAFile, .error,
            Words(
                vi: "`\(shown)` không phải tệp cũng không phải thư mục (một thiết bị, một ống dẫn hay một socket)",
                en: "`\(shown)` is neither a file nor a folder (a device, a pipe or a socket)"),
            at: .file(shown),
            hint: Words(vi: "xoá nó đi: trang web chỉ chứa tệp và thư mục", en: "remove it: a site holds only files and folders"))
    }
}

extension FileSystem {
    /// A folder's children, each as it is itself (a link not followed).
    fileprivate func children(of folder: String) throws(FileSystemError) -> [(DirectoryEntry, ItemInfo)] {
        if let listDirectoryWithInfo { return try listDirectoryWithInfo(folder) }
        return try listDirectory(folder).compactMap { entry in
            // Gone since it was listed: as if it had not been listed.
            linkInfo(Path.join(folder, entry.name)).map { (entry, $0) }
        }
    }
}
