/// Brings an output folder's work folder back to rest: after a build's swap (its own tidying, run by
/// `commit`), or after a build that was stopped at any point (`kill -9`, a power cut), run by the next
/// build first. Whatever the moment of the stop, the output is the old site or the new one; this
/// finishes the record of which, and removes what EduSite wrote of the old one.
struct OutputRecovery {
    let folder: OutputFolder
    let fileSystem: FileSystem

    /// Warnings: what could not be tidied, and files that were not EduSite's that it set aside.
    func run() -> [Diagnostic] {
        let fs = fileSystem
        guard fs.linkInfo(folder.work)?.kind == .directory else { return [] }
        var notes: [Diagnostic] = []
        let stagingIdentity = (try? fs.readFile(folder.stagingIdentityFile)).flatMap(Self.identity)
        var outputIdentity = fs.linkInfo(folder.path)?.identity
        let staging = fs.linkInfo(folder.staging)
        let previousRecord = Path.join(folder.work, "previous.record")
        do throws(FileSystemError) {
            // A rebuild that put one file in place by a rename: its record stands if the rename happened.
            if let target = (try? fs.readFile(folder.replacementTargetFile)).map({ String(decoding: $0, as: UTF8.self) }) {
                let next = (try? fs.readFile(folder.nextRecordFile)).flatMap(OutputRecord.init(decoding:))
                let placed = fs.linkInfo(Path.join(folder.path, target)).map { next?.written[target]?.matches($0) == true } == true
                if placed { try fs.moveItem(folder.nextRecordFile, folder.recordFile) } else { try fs.removeFile(folder.nextRecordFile) }
                try fs.removeFile(folder.replacementFile)
                try fs.removeFile(folder.replacementTargetFile)
            }
            // Stopped between the two renames of a disk that cannot swap: the second one.
            if outputIdentity == nil, let stagingIdentity, staging?.identity == stagingIdentity,
                fs.linkInfo(folder.previous) != nil
            {
                try fs.moveItem(folder.staging, folder.path)
                outputIdentity = stagingIdentity
            }
            if let stagingIdentity, outputIdentity == stagingIdentity {
                // The swap happened: the new record stands, the old output waits to be removed.
                if fs.fileExists(folder.nextRecordFile) {
                    if fs.fileExists(folder.recordFile) { try fs.moveItem(folder.recordFile, previousRecord) }
                    try fs.moveItem(folder.nextRecordFile, folder.recordFile)
                }
                if fs.linkInfo(folder.staging) != nil { try fs.moveItem(folder.staging, folder.previous) }
            } else if let staging {
                if let stagingIdentity, staging.identity == stagingIdentity {
                    // A staging folder never swapped in: this build's new files and second names only.
                    try fs.removeItem(folder.staging)
                } else {
                    notes += removeWritten(in: folder.staging, record: nil).0
                }
                try fs.removeFile(folder.nextRecordFile)
            } else {
                try fs.removeFile(folder.nextRecordFile)
            }
            try fs.removeFile(folder.stagingIdentityFile)
        } catch {
            notes.append(
                Diagnostic(
                    .outputNotTidied, .warning,
                    Words(
                        vi: "không dọn được thư mục riêng của EduSite `\(folder.work)`: \(error.words.vi)",
                        en: "could not tidy EduSite's own folder `\(folder.work)`: \(error.words.en)"),
                    at: nil, hint: tryAgain))
            return notes
        }
        if fs.linkInfo(folder.previous) != nil {
            let record = (try? fs.readFile(previousRecord)).flatMap(OutputRecord.init(decoding:))
            let (found, done) = removeWritten(in: folder.previous, record: record)
            notes += found
            if done { try? fs.removeFile(previousRecord) }
        } else {
            try? fs.removeFile(previousRecord)
        }
        return notes
    }

    /// Removes from an old output what EduSite wrote there and what the new output still has (a second
    /// name of the same file), then the folders left empty. Anything else is set aside and reported.
    /// Not done when the disk refused a removal: the next build tries again.
    private func removeWritten(in tree: String, record: OutputRecord?) -> ([Diagnostic], done: Bool) {
        let fs = fileSystem
        let scan: OutputScan
        do throws(DiagnosticError) {
            scan = try OutputScan.read(tree, fileSystem: fs)
        } catch {
            return (error.diagnostics.map { var d = $0; d.severity = .warning; d.code = .outputNotTidied; return d }, false)
        }
        var foreign = 0
        var refusal: FileSystemError?
        for (path, info) in scan.items {
            guard record?.written[path]?.matches(info) == true || stillInOutput(path, info) else {
                foreign += 1
                continue
            }
            do throws(FileSystemError) { try fs.removeFile(Path.join(tree, path)) } catch { refusal = refusal ?? error }
        }
        for (path, _) in scan.folders.reversed() { try? fs.removeEmptyDirectory(Path.join(tree, path)) }
        try? fs.removeEmptyDirectory(tree)
        if let refusal {
            return ([Diagnostic(
                .outputNotTidied, .warning,
                Words(
                    vi: "bản xuất mới đã vào chỗ, nhưng EduSite không xoá được các tệp cũ của nó trong `\(tree)`: \(refusal.words.vi)",
                    en: "the new output is in place, but EduSite could not remove its old files from `\(tree)`: \(refusal.words.en)"),
                at: nil, hint: tryAgain)], false)
        }
        guard foreign > 0 else { return ([], true) }
        let kept = Path.join(folder.work, "kept-\(BuildCacheFolder.now())")
        let place = (try? fs.moveItem(tree, kept)) == nil ? tree : kept
        return ([leftBehind(place, count: foreign)], place == kept)
    }

    /// The same file (or symlink) is in the new output under this name: removing the old name loses nothing.
    private func stillInOutput(_ path: String, _ info: ItemInfo) -> Bool {
        guard let now = fileSystem.linkInfo(Path.join(folder.path, path)) else { return false }
        return now.kind == info.kind && now.identity == info.identity
    }

    private var tryAgain: Words {
        Words(vi: "bản xuất đã đầy đủ; lần tạo sau sẽ thử lại", en: "the output is complete; the next build tries again")
    }

    private func leftBehind(_ place: String, count: Int) -> Diagnostic {
        Diagnostic(
            .outputNotTidied, .warning,
            Words(
                vi: "\(count) tệp không do EduSite ghi nằm trong bản xuất cũ và không có trong bản mới; chúng được giữ lại trong `\(place)`",
                en: "\(count) file(s) that EduSite did not write were in the old output and are not in the new one; they were kept in `\(place)`"),
            at: nil,
            hint: Words(
                vi: "chúng được thêm vào trong lúc đang tạo trang; hãy xem chúng rồi tự chuyển đi hoặc xoá",
                en: "they were added while the site was being built; look at them and move or delete them yourself"))
    }

    private static func identity(_ bytes: [UInt8]) -> FileIdentity? {
        let parts = String(decoding: bytes, as: UTF8.self).split(whereSeparator: { $0 == ":" || $0 == "\n" })
        guard parts.count == 2, let device = UInt64(parts[0]), let inode = UInt64(parts[1]) else { return nil }
        return FileIdentity(device: device, inode: inode)
    }
}
