/// An output folder, and EduSite's own folder beside it: `<parent>/.edusite/output-<name>/` holds the
/// record of what EduSite wrote into the output (`OutputRecord`) and the staging folder a build is
/// written into before it is swapped in. Nothing of EduSite's is kept in the web root itself.
public struct OutputFolder: Sendable, Hashable {
    /// The output folder, absolute, symlinks resolved.
    public let path: String
    /// `<parent>/.edusite/output-<name>`: on the same disk as the output, so the swap is one rename.
    public let work: String

    public init(path: String) {
        self.path = path
        work = Path.join(Path.parent(path), ".edusite", "output-" + Path.lastComponent(path))
    }

    var recordFile: String { Path.join(work, "record") }
    /// The record of a build whose swap may or may not have happened (see `OutputTransaction.recover`).
    var nextRecordFile: String { Path.join(work, "record.next") }
    var staging: String { Path.join(work, "staging") }
    /// The identity of the staging folder this EduSite made, so a leftover one is known for its own.
    var stagingIdentityFile: String { Path.join(work, "staging.id") }
    /// A rebuild's one changed file before it is renamed into place, and the path it goes to.
    var replacementFile: String { Path.join(work, "replacement") }
    var replacementTargetFile: String { Path.join(work, "replacement.target") }
    /// The previous output after the swap, until what EduSite wrote there is removed.
    var previous: String { Path.join(work, "previous") }
}

/// Which output folders EduSite refuses outright, whatever the flags: what would put the site's own
/// sources, the system or a home folder at stake. Inside any other folder EduSite still removes only
/// what it wrote itself (`OutputTransaction`); this list is the second line of defence.
public struct OutputFolderPolicy: Sendable {
    public var fileSystem: FileSystem
    /// The user's home folder (`$HOME`), refused like the system's.
    public var homeFolder: String?

    public init(fileSystem: FileSystem, homeFolder: String?) {
        self.fileSystem = fileSystem
        self.homeFolder = homeFolder
    }

    /// Never the output itself: the system's folders and every folder that holds them.
    static let systemFolders: Set<String> = [
        "/", "/bin", "/boot", "/dev", "/etc", "/home", "/lib", "/lib32", "/lib64", "/libx32", "/media", "/mnt", "/opt",
        "/proc", "/root", "/run", "/sbin", "/snap", "/srv", "/sys", "/tmp", "/usr", "/usr/local", "/var", "/var/backups",
        "/var/cache", "/var/lib", "/var/log", "/var/mail", "/var/opt", "/var/spool", "/var/tmp", "/var/www",
        "/dev/shm",
    ]
    /// Never anything inside these: the system itself, not data a web server serves.
    static let systemTrees: [String] = [
        "/bin", "/boot", "/dev", "/etc", "/lib", "/lib32", "/lib64", "/libx32", "/proc", "/run", "/sbin", "/sys",
        "/usr/bin", "/usr/include", "/usr/lib", "/usr/libexec", "/usr/sbin", "/usr/share", "/var/cache", "/var/lib",
        "/var/log", "/var/spool",
    ]
    /// Inside a system tree but a place for anyone's work: the shared RAM disk (benchmarks, CI scratch).
    static let workTreesInSystemTrees = ["/dev/shm"]
    /// The site's own folders: its sources, and EduSite's cache.
    static let siteFolders = ["content", "static", "layouts", "themes", ".edusite", ".git"]

    /// The output folder to write, or the reason it is refused.
    public func check(output: String, siteRoot: String) -> Result<OutputFolder, DiagnosticError> {
        guard let asWritten = Path.normalize(output), let root = Path.normalize(siteRoot),
            let out = fileSystem.resolvingSymlinks(asWritten), let realRoot = fileSystem.resolvingSymlinks(root)
        else {
            return .failure(
                refusal(
                    Words(
                        vi: "thư mục xuất `\(output)` không phải một đường dẫn dùng được (hoặc các liên kết tượng trưng của nó dẫn vòng quanh)",
                        en: "the output folder `\(output)` is not a usable path (or its symbolic links go round in a loop)"),
                    hint: Words(
                        vi: "ghi tên một thư mục xuất như `public` bằng -o", en: "name an output folder such as `public` with -o")))
        }
        let shown =
            out == asWritten
            ? Words(verbatim: "`\(output)`")
            : Words(vi: "`\(output)` (tức là `\(out)`)", en: "`\(output)` (which is `\(out)`)")
        let inSystemTree =
            Self.systemTrees.contains { Path.relative(out, to: $0) != nil }
            && !Self.workTreesInSystemTrees.contains { Path.relative(out, to: $0) != nil }
        if Self.systemFolders.contains(out) || inSystemTree {
            return .failure(
                refusal(
                    Words(
                        vi: "không ghi trang web vào \(shown.vi): đó là một thư mục hệ thống",
                        en: "refusing to write the site into \(shown.en): it is a system folder"),
                    hint: Words(
                        vi: "ghi tên một thư mục riêng cho trang web, như `/var/www/truong-toi` hoặc `public` (mặc định)",
                        en: "name a folder of the site's own, such as `/var/www/my-school` or `public` (the default)")))
        }
        if let home = homeFolder.flatMap(Path.normalize).flatMap(fileSystem.resolvingSymlinks), out == home
            || (Path.parent(out) == "/home" && out != "/home")
        {
            return .failure(
                refusal(
                    Words(
                        vi: "không ghi trang web vào \(shown.vi): đó là một thư mục nhà (home) của người dùng",
                        en: "refusing to write the site into \(shown.en): it is a home folder"),
                    hint: Words(
                        vi: "ghi tên một thư mục riêng bên trong nó, ví dụ `-o \(Path.join(out, "school-site"))`",
                        en: "name a folder of its own inside it, e.g. `-o \(Path.join(out, "school-site"))`")))
        }
        if out == realRoot || Path.relative(realRoot, to: out) != nil {
            return .failure(
                refusal(
                    Words(
                        vi: "không ghi vào \(shown.vi): đó là chính thư mục của trang web hoặc một thư mục chứa nó",
                        en: "refusing to write into \(shown.en): it is the site's own folder or a folder that holds it"),
                    hint: Words(
                        vi: "dùng một thư mục riêng, ví dụ `-o \(Path.join(root, "public"))`",
                        en: "use a folder of its own, e.g. `-o \(Path.join(root, "public"))`")))
        }
        if let inside = Path.relative(out, to: realRoot), let first = Path.parts(inside).first.map(String.init),
            Self.siteFolders.contains(first)
        {
            return .failure(
                refusal(
                    Words(
                        vi: "không ghi vào \(shown.vi): nó nằm trong thư mục `\(first)/` của trang web",
                        en: "refusing to write into \(shown.en): it is inside the site's `\(first)/` folder"),
                    hint: Words(
                        vi: "dùng `public/` (mặc định) hoặc một thư mục bên ngoài trang web",
                        en: "use `public/` (the default) or a folder outside the site")))
        }
        if Path.parts(out).contains(where: { $0 == ".edusite" }) {
            return .failure(
                refusal(
                    Words(
                        vi: "không ghi vào \(shown.vi): nó nằm trong một thư mục `.edusite/`, nơi EduSite giữ tệp của riêng nó",
                        en: "refusing to write into \(shown.en): it is inside a `.edusite/` folder, where EduSite keeps its own files"),
                    hint: Words(vi: "dùng `public/` (mặc định) hoặc một thư mục khác", en: "use `public/` (the default) or another folder")))
        }
        if let info = fileSystem.itemInfo(out), info.kind != .directory {
            return .failure(
                refusal(
                    Words(
                        vi: "không ghi vào \(shown.vi): đó là một tệp, không phải thư mục",
                        en: "refusing to write into \(shown.en): it is a file, not a folder"),
                    hint: Words(
                        vi: "ghi tên một thư mục (thư mục mới sẽ được tạo), không phải một tệp",
                        en: "name a folder (a new one is created), not a file")))
        }
        return .success(OutputFolder(path: out))
    }

    private func refusal(_ message: Words, hint: Words) -> DiagnosticError {
        DiagnosticError(Diagnostic(.unsafeOutputFolder, .error, message, at: nil, hint: hint))
    }
}
