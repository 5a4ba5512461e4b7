/// The Write stage of a rebuild: changes only the files that changed, in the output folder itself.
///
/// Each file is written beside its place and renamed over it, so a reader (a web server serving
/// the folder) sees the old file or the new one, never half of one. Files the site no longer has
/// are removed, with folders they leave empty. The content was checked before: only the disk can
/// fail here, and then the build cache is already gone, so the next build writes everything.
struct OutputUpdate: Sendable {
    let fileSystem: FileSystem
    let output: String

    func apply(write files: [OutputFile], remove stale: [String]) throws(DiagnosticError) {
        let fs = fileSystem
        let output = self.output
        let failures: [FileSystemError] = files.parallelMap { file -> FileSystemError? in
            let target = Path.join(output, file.path)
            let temporary = Path.join(Path.parent(target), ".\(Path.lastComponent(target)).edusite-new")
            do throws(FileSystemError) {
                switch file.contents {
                case .bytes(let bytes): try fs.writeFile(temporary, bytes)
                case .copy(let source): try fs.copyFile(source, temporary)
                }
                try fs.moveItem(temporary, target)
                return nil
            } catch {
                try? fs.removeItem(temporary)
                return error
            }
        }.compactMap { $0 }
        if let first = failures.first { throw DiagnosticError(OutputWriter.failure(first)) }
        do throws(FileSystemError) {
            for file in stale {
                try fs.removeItem(Path.join(output, file))
                removeEmptyFolders(above: file)
            }
        } catch {
            throw DiagnosticError(OutputWriter.failure(error))
        }
    }

    /// A full build would not have them either.
    private func removeEmptyFolders(above file: String) {
        var folder = Path.parent(file)
        while !folder.isEmpty, folder != "/", folder != "." {
            let absolute = Path.join(output, folder)
            guard let entries = try? fileSystem.listDirectory(absolute), entries.isEmpty else { return }
            try? fileSystem.removeItem(absolute)
            folder = Path.parent(folder)
        }
    }
}
