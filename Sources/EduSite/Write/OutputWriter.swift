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
        let staging = try stage(output)
        do throws(DiagnosticError) {
            try staging.write(files)
            try staging.commit()
        } catch {
            staging.discard()
            throw error
        }
    }

    /// Starts a build's output in a staging folder beside `output`, so files can be written in batches
    /// as they are rendered (a large site is never held in memory whole) and swapped in at the end.
    public func stage(_ output: String) throws(DiagnosticError) -> Staging {
        let out = Path.normalize(output) ?? output
        let parent = Path.parent(out)
        let name = Path.lastComponent(out)
        let staging = Staging(
            fileSystem: fileSystem, output: out, folder: Path.join(parent, ".\(name).edusite-staging"),
            previous: Path.join(parent, ".\(name).edusite-previous"))
        do throws(FileSystemError) {
            try fileSystem.removeItem(staging.folder)
            try fileSystem.removeItem(staging.previous)
            try fileSystem.createDirectory(staging.folder)
        } catch {
            throw DiagnosticError(Self.failure(error))
        }
        return staging
    }

    /// A build's output being written; nothing is visible at `output` until `commit()`.
    public struct Staging: Sendable {
        let fileSystem: FileSystem
        let output: String
        let folder: String
        let previous: String

        /// Writes a batch of files, on all cores.
        public func write(_ files: [OutputFile]) throws(DiagnosticError) {
            let fs = fileSystem
            let folder = self.folder
            let failures: [FileSystemError] = files.parallelMap { file -> FileSystemError? in
                let target = Path.join(folder, file.path)
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
            if let first = failures.first {
                discard()
                throw DiagnosticError(OutputWriter.failure(first))
            }
        }

        /// Marks the output as EduSite's and swaps it into place in two renames.
        public func commit() throws(DiagnosticError) {
            let fs = fileSystem
            do throws(FileSystemError) {
                try fs.writeFile(Path.join(folder, OutputWriter.markerFile), Array("Written by edusite build.\n".utf8))
                if fs.itemInfo(output) != nil {
                    try fs.moveItem(output, previous)
                    do throws(FileSystemError) {
                        try fs.moveItem(folder, output)
                    } catch {
                        try? fs.moveItem(previous, output)
                        throw error
                    }
                    try fs.removeItem(previous)
                } else {
                    try fs.moveItem(folder, output)
                }
            } catch {
                discard()
                throw DiagnosticError(OutputWriter.failure(error))
            }
        }

        /// Removes the staging folder; the previous output stays as it was.
        public func discard() {
            try? fileSystem.removeItem(folder)
        }
    }

    static func failure(_ error: FileSystemError) -> Diagnostic {
        Diagnostic(
            .writeFailed, .error, "could not write the site: \(error)", at: nil,
            hint: "check free disk space and that you may write to the output folder; the previous output was left as it was")
    }
}
