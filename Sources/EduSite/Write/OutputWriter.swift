/// The Write stage: writes the whole site into a staging folder beside the output, then swaps it in,
/// so a failed build never leaves a half-written site and a reader never sees a mix of two builds.
public struct OutputWriter: Sendable {
    /// Left in every output folder EduSite writes; a folder without it is not replaced unless forced.
    public static let markerFile = ".edusite-output"

    public var fileSystem: FileSystem

    public init(fileSystem: FileSystem = .live) { self.fileSystem = fileSystem }

    /// Refuses output folders that would destroy something: `/`, the site itself or a folder above
    /// it, the site's own input folders, and folders with files EduSite did not write (unless `force`).
    public func validate(output: String, siteRoot: String, force: Bool) -> Diagnostic? {
        guard let out = Path.normalize(output), let root = Path.normalize(siteRoot) else {
            return Diagnostic(.unsafeOutputFolder, .error, "the output folder `\(output)` is not a usable path", at: nil)
        }
        if out == "/" || out.isEmpty {
            return Diagnostic(
                .unsafeOutputFolder, .error, "refusing to write the site into `/`", at: nil,
                hint: "name an output folder such as `public` with -o")
        }
        if out == root || Path.relative(root, to: out) != nil {
            return Diagnostic(
                .unsafeOutputFolder, .error,
                "refusing to write into `\(output)`: it is the site's own folder or a folder that contains it, and would be replaced",
                at: nil, hint: "use a folder of its own, e.g. `-o \(Path.join(root, "public"))`")
        }
        for input in ["content", "static", "layouts", "themes"] {
            let folder = Path.join(root, input)
            if out == folder || Path.relative(out, to: folder) != nil {
                return Diagnostic(
                    .unsafeOutputFolder, .error, "refusing to write into `\(output)`: it is inside the site's `\(input)/` folder",
                    at: nil, hint: "use `public/` (the default) or a folder outside the site")
            }
        }
        if !force, fileSystem.directoryExists(out), !fileSystem.fileExists(Path.join(out, Self.markerFile)),
            let entries = try? fileSystem.listDirectory(out), !entries.isEmpty
        {
            return Diagnostic(
                .foreignOutputFolder, .error,
                "`\(output)` already holds files that EduSite did not write; they would be deleted", at: nil,
                hint: "choose an empty or new folder, or add --force to replace it")
        }
        return nil
    }

    /// Writes `files` and swaps them into `output`. On any failure the previous output is untouched.
    public func write(_ files: [OutputFile], to output: String) throws(DiagnosticError) {
        let out = Path.normalize(output) ?? output
        let parent = Path.parent(out)
        let name = Path.lastComponent(out)
        let staging = Path.join(parent, ".\(name).edusite-staging")
        let previous = Path.join(parent, ".\(name).edusite-previous")
        let fs = fileSystem
        do throws(FileSystemError) {
            try fs.removeItem(staging)
            try fs.removeItem(previous)
            try fs.createDirectory(staging)
        } catch {
            throw DiagnosticError(Self.failure(error))
        }
        let failures: [FileSystemError] = files.parallelMap { file -> FileSystemError? in
            let target = Path.join(staging, file.path)
            do throws(FileSystemError) {
                switch file.contents {
                case .bytes(let bytes): try fs.writeFile(target, bytes)
                case .copy(let source): try fs.copyFile(source, target)
                }
                return nil
            } catch {
                return error
            }
        }.compactMap { $0 }
        do throws(FileSystemError) {
            if let first = failures.first { throw first }
            try fs.writeFile(Path.join(staging, Self.markerFile), Array("Written by edusite build.\n".utf8))
            if fs.itemInfo(out) != nil {
                try fs.moveItem(out, previous)
                do throws(FileSystemError) {
                    try fs.moveItem(staging, out)
                } catch {
                    try? fs.moveItem(previous, out)
                    throw error
                }
                try fs.removeItem(previous)
            } else {
                try fs.moveItem(staging, out)
            }
        } catch {
            try? fs.removeItem(staging)
            throw DiagnosticError(Self.failure(error))
        }
    }

    static func failure(_ error: FileSystemError) -> Diagnostic {
        Diagnostic(
            .writeFailed, .error, "could not write the site: \(error)", at: nil,
            hint: "check free disk space and that you may write to the output folder; the previous output was left as it was")
    }
}
