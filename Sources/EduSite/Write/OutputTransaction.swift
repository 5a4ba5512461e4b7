#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif
import Synchronization

/// The Write stage: one build's new output, made in a staging folder and swapped in for the old one
/// in a single step, so a reader, a `kill -9` or a full disk sees the old site or the new one, never
/// a mix. Every build goes through it: a full build writes every file anew; a rebuild links its
/// unchanged files across (`carryUnchanged`) and writes only what changed.
///
/// It never deletes or overwrites a file EduSite did not write. What EduSite wrote is in the
/// output's `OutputRecord`; anything else in the folder (a `CNAME`, a `.git`, someone's documents) is
/// linked into the new output unchanged, and a build that would write over one of them stops.
public final class OutputTransaction: Sendable {
    let folder: OutputFolder
    let fileSystem: FileSystem
    /// The record of the build now in the output, when it describes this very folder.
    let record: OutputRecord?
    /// What is in the output now: files and symlinks by relative path (not followed), and folders.
    let existing: OutputScan
    /// What of `existing` is not EduSite's (not in the record, or changed since).
    let foreign: [String: ItemInfo]
    /// Findings of recovering from a build that was stopped (reported as warnings).
    let recoveryNotes: [Diagnostic]

    private struct State {
        var written: [String: OutputRecord.Stamp] = [:]
        var carried: [String: OutputRecord.Stamp] = [:]
        /// Folders of the old output made anew in the staging folder, with what they were.
        var carriedFolders: [(String, ItemInfo)] = []
        var finished = false
    }
    private let state = Mutex(State())

    /// Prepares a build's output: finishes or undoes what a stopped build left beside it, reads what
    /// the folder holds, refuses a folder of someone else's unless `force`, and starts the staging
    /// folder with everything that is not EduSite's already in it.
    public static func begin(_ folder: OutputFolder, force: Bool, fileSystem: FileSystem) throws(DiagnosticError)
        -> OutputTransaction
    {
        let notes = OutputRecovery(folder: folder, fileSystem: fileSystem).run()
        let existing = try OutputScan.read(folder.path, fileSystem: fileSystem)
        let record = existing.identity.flatMap { identity in
            (try? fileSystem.readFile(folder.recordFile)).flatMap(OutputRecord.init(decoding:)).flatMap {
                $0.folder == identity ? $0 : nil
            }
        }
        let foreign = existing.items.filter { path, info in record?.written[path]?.matches(info) != true }
        if record == nil, !force, !existing.isEmpty {
            let names = (foreign.keys.sorted().prefix(3) + existing.emptyFolders.prefix(1)).map { "`\($0)`" }
            let shown = names.joined(separator: ", ") + (existing.count > names.count ? ", …" : "")
            throw DiagnosticError(
                Diagnostic(
                    .foreignOutputFolder, .error,
                    Words(
                        vi: "`\(folder.path)` đã chứa những tệp không do EduSite ghi (\(shown))",
                        en: "`\(folder.path)` already holds files that EduSite did not write (\(shown))"),
                    at: nil,
                    hint: Words(
                        vi: "chọn một thư mục trống hoặc mới; hoặc thêm --force để ghi trang web bên cạnh chúng (EduSite không bao giờ xoá hay ghi đè chúng)",
                        en: "choose an empty or new folder; or add --force to write the site beside them (EduSite never deletes or overwrites them)")))
        }
        let transaction = OutputTransaction(
            folder: folder, fileSystem: fileSystem, record: record, existing: existing, foreign: foreign, recoveryNotes: notes)
        try transaction.startStaging()
        return transaction
    }

    private init(
        folder: OutputFolder, fileSystem: FileSystem, record: OutputRecord?, existing: OutputScan,
        foreign: [String: ItemInfo], recoveryNotes: [Diagnostic]
    ) {
        self.folder = folder
        self.fileSystem = fileSystem
        self.record = record
        self.existing = existing
        self.foreign = foreign
        self.recoveryNotes = recoveryNotes
    }

    /// Every file the last build wrote is still there, unchanged: a rebuild may take the ones it does
    /// not change from the output as they are.
    public var outputIsAsWritten: Bool {
        guard let record else { return false }
        return record.written.allSatisfy { path, stamp in existing.items[path].map(stamp.matches) == true }
    }

    /// Someone else's files as the record names them: kept as they are, never EduSite's.
    private var keptStamps: [String: OutputRecord.Stamp] { foreign.mapValues(OutputRecord.Stamp.init) }

    /// Someone else's files found in the output (paths relative to it), kept in the new one.
    public var keptForeignFiles: [String] { foreign.keys.sorted(by: FileSystem.precedesInByteOrder) }

    /// Links each file the last build wrote into the new output, but those in `replaced` (written anew,
    /// or gone from the site). Only when `outputIsAsWritten`.
    public func carryUnchanged(except replaced: Set<String>) throws(DiagnosticError) {
        guard let record else { return }
        let fs = fileSystem
        let folder = self.folder
        let kept = record.written.filter { !replaced.contains($0.key) }.map { ($0.key, $0.value) }
        // Folders first, parents before children: a link into a missing folder fails and is tried again
        // after making it, which doubled the calls of a rebuild (every page has a folder of its own).
        let folders = Set(kept.map { Path.parent($0.0) }).filter { !$0.isEmpty }.sorted(by: FileSystem.precedesInByteOrder)
        do throws(FileSystemError) {
            for path in folders { try fs.createDirectory(Path.join(folder.staging, path)) }
        } catch {
            throw failed(error, writing: nil)
        }
        let failures = kept.parallelMap { path, _ -> FileSystemError? in
            do throws(FileSystemError) {
                try fs.linkFile(Path.join(folder.path, path), Path.join(folder.staging, path))
                return nil
            } catch {
                return error
            }
        }.compactMap { $0 }
        if let first = failures.first { throw failed(first, writing: nil) }
        state.withLock { state in
            for (path, stamp) in kept { state.carried[path] = stamp }
        }
    }

    /// Writes a batch of the new output's files, on all cores. A file is always a new one: a path where
    /// someone else's file stands is refused, never written through.
    public func write(_ files: [OutputFile]) throws(DiagnosticError) {
        let fs = fileSystem
        let staging = folder.staging
        let results = files.parallelMap { file -> Result<ItemInfo, FileSystemError> in
            let target = Path.join(staging, file.path)
            do throws(FileSystemError) {
                return .success(try fs.createFile(target, try file.contents.bytes(reading: fs)))
            } catch {
                return .failure(error)
            }
        }
        var stamps: [(String, OutputRecord.Stamp)] = []
        stamps.reserveCapacity(files.count)
        for (file, result) in zip(files, results) {
            switch result {
            case .success(let info): stamps.append((file.path, OutputRecord.Stamp(info)))
            case .failure(let error): throw failed(error, writing: file.path)
            }
        }
        state.withLock { state in
            for (path, stamp) in stamps { state.written[path] = stamp }
        }
    }

    /// Swaps the new output in, in one step, then removes what EduSite wrote of the old one. Only a
    /// failure before the swap throws, and then the old output is as it was; after it, what could not
    /// be tidied is returned as warnings.
    public func commit() throws(DiagnosticError) -> [Diagnostic] {
        let fs = fileSystem
        let kept = keptStamps
        let (written, carried, carriedFolders) = state.withLock { ($0.written, $0.carried, $0.carriedFolders) }
        do throws(FileSystemError) {
            // Last, when nothing more goes into them: a folder's time changes with every name added.
            for (path, info) in carriedFolders.reversed() { try fs.copyAttributes(Path.join(folder.staging, path), info) }
            if let info = existing.info { try fs.copyAttributes(folder.staging, info) }
            guard let identity = fs.linkInfo(folder.staging)?.identity else {
                throw FileSystemError(path: folder.staging, reason: .notFound, operation: "find")
            }
            let next = OutputRecord(folder: identity, written: written.merging(carried) { new, _ in new }, kept: kept)
            try fs.removeFile(folder.nextRecordFile)
            _ = try fs.createFile(folder.nextRecordFile, next.encoded())
            if existing.identity != nil {
                try exchange()
            } else {
                try fs.createDirectory(Path.parent(folder.path))
                try fs.moveItem(folder.staging, folder.path)
            }
        } catch {
            discard()
            throw failed(error, writing: nil)
        }
        state.withLock { $0.finished = true }
        // The new output is in place: what follows only tidies up, as recovery would after a stop.
        return OutputRecovery(folder: folder, fileSystem: fs).run()
    }

    /// A rebuild's update of the output: the files written anew, and EduSite's files that are gone.
    /// When only one file of EduSite's changed, one `rename(2)` of the new file over the old puts it in
    /// place, which is one step like the swap, so a stop still leaves the old output or the new one;
    /// it spares linking every other file into a staging folder (13,000 of them for a one-post edit
    /// at 10,000 posts). Otherwise the staging folder and the swap.
    public func update(writing files: [OutputFile], removing stale: Set<String>) throws(DiagnosticError) -> [Diagnostic] {
        if files.count == 1, stale.isEmpty, let file = files.first, let record, outputIsAsWritten,
            let outputIdentity = existing.identity, record.written[file.path] != nil
        {
            return try replaceInPlace(file, record: record, outputIdentity: outputIdentity)
        }
        try carryUnchanged(except: Set(files.map(\.path)).union(stale))
        try write(files)
        return try commit()
    }

    /// The new file in the work folder, the record's next version naming it, the rename, the record.
    /// `OutputRecovery` keeps the next record if a stop came after the rename and drops it if before.
    private func replaceInPlace(_ file: OutputFile, record: OutputRecord, outputIdentity: FileIdentity) throws(DiagnosticError)
        -> [Diagnostic]
    {
        let fs = fileSystem
        let target = Path.join(folder.path, file.path)
        do throws(FileSystemError) {
            let bytes = try file.contents.bytes(reading: fs)
            try fs.removeFile(folder.replacementFile)
            let info = try fs.createFile(folder.replacementFile, bytes)
            try fs.removeFile(folder.replacementTargetFile)
            _ = try fs.createFile(folder.replacementTargetFile, Array(file.path.utf8))
            var written = record.written
            written[file.path] = OutputRecord.Stamp(info)
            let next = OutputRecord(folder: outputIdentity, written: written, kept: keptStamps)
            try fs.removeFile(folder.nextRecordFile)
            _ = try fs.createFile(folder.nextRecordFile, next.encoded())
            try fs.moveItem(folder.replacementFile, target)
        } catch {
            try? fs.removeFile(folder.replacementFile)
            try? fs.removeFile(folder.replacementTargetFile)
            discard()
            throw failed(error, writing: file.path)
        }
        // The new file is in place: the rest, or the next build's recovery, only makes the record say so.
        state.withLock { $0.finished = true }
        try? fs.removeItem(folder.staging)
        try? fs.removeFile(folder.stagingIdentityFile)
        return OutputRecovery(folder: folder, fileSystem: fs).run()
    }

    /// Removes the staging folder, which holds only this build's new files and second names of
    /// files still in the output; the output stays as it was.
    public func discard() {
        let done = state.withLock { state in
            defer { state.finished = true }
            return state.finished
        }
        guard !done else { return }
        try? fileSystem.removeItem(folder.staging)
        try? fileSystem.removeFile(folder.stagingIdentityFile)
        try? fileSystem.removeFile(folder.nextRecordFile)
    }

    private func startStaging() throws(DiagnosticError) {
        let fs = fileSystem
        do throws(FileSystemError) {
            try fs.createDirectory(folder.work)
            if fs.linkInfo(folder.staging) != nil {
                throw FileSystemError(path: folder.staging, reason: .exists, operation: "start the new output in")
            }
            try fs.createDirectory(folder.staging)
            guard let identity = fs.linkInfo(folder.staging)?.identity else {
                throw FileSystemError(path: folder.staging, reason: .notFound, operation: "create folder")
            }
            try fs.removeFile(folder.stagingIdentityFile)
            _ = try fs.createFile(folder.stagingIdentityFile, Array("\(identity)\n".utf8))
            try carryForeign()
        } catch {
            discard()
            throw failed(error, writing: nil)
        }
    }

    /// Someone else's files and symlinks go into the new output as they are (a second name of the
    /// same file: its bytes are not copied, nor can they change); their folders with their permissions.
    private func carryForeign() throws(FileSystemError) {
        let fs = fileSystem
        // Only the folders that hold someone else's things (or nothing: EduSite leaves no empty folder).
        var needed = Set(existing.emptyFolders)
        for path in foreign.keys {
            var parent = Path.parent(path)
            while !parent.isEmpty, needed.insert(parent).inserted { parent = Path.parent(parent) }
        }
        var carriedFolders: [(String, ItemInfo)] = []
        for (path, info) in existing.folders where needed.contains(path) {
            try fs.createDirectory(Path.join(folder.staging, path))
            carriedFolders.append((path, info))
        }
        for path in foreign.keys {
            let source = Path.join(folder.path, path)
            let target = Path.join(folder.staging, path)
            // A symlink gets a second name too (Linux links the link itself): it is never followed.
            try fs.linkFile(source, target)
        }
        state.withLock { $0.carriedFolders = carriedFolders }
    }

    /// Two renames where the disk cannot swap two folders in one (then, for an instant, there is none).
    private func exchange() throws(FileSystemError) {
        let fs = fileSystem
        do throws(FileSystemError) {
            try fs.exchangeItems(folder.staging, folder.path)
        } catch let error where error.reason == .other(EINVAL) || error.reason == .other(ENOSYS) {
            try fs.moveItem(folder.path, folder.previous)
            try fs.moveItem(folder.staging, folder.path)
        }
    }

    private func failed(_ error: FileSystemError, writing path: String?) -> DiagnosticError {
        if let path, [.exists, .notADirectory, .isADirectory].contains(error.reason),
            let clash = foreign.keys.first(where: { $0 == path || path.hasPrefix($0 + "/") || $0.hasPrefix(path + "/") })
        {
            return DiagnosticError(
                Diagnostic(
                    .outputFileNotOurs, .error,
                    Words(
                        vi: "`\(Path.join(folder.path, clash))` không do EduSite ghi (hoặc đã bị sửa sau đó), mà trang web cần `\(path)`: EduSite sẽ không ghi đè nó",
                        en: "`\(Path.join(folder.path, clash))` was not written by EduSite (or was changed after it was), and the site needs `\(path)`: EduSite will not overwrite it"),
                    at: nil,
                    hint: Words(
                        vi: "chuyển tệp đó ra khỏi thư mục xuất (hoặc tự xoá nó), rồi tạo lại; \(OutputFailure.outcome(existing).vi)",
                        en: "move that file out of the output folder (or delete it yourself), then build again; \(OutputFailure.outcome(existing).en)")))
        }
        return DiagnosticError(OutputFailure.diagnostic(error, existing: existing))
    }
}

/// How a failed write is told: what the disk said, and what became of the output, truly.
enum OutputFailure {
    /// `existing`: the output folder as found; nil when it could not be read through (it is then
    /// untouched, whatever it holds).
    static func diagnostic(_ error: FileSystemError, existing: OutputScan?) -> Diagnostic {
        let outcome = outcome(existing)
        return Diagnostic(
            .writeFailed, .error,
            Words(vi: "không ghi được trang web: \(error.words.vi)", en: "could not write the site: \(error.words.en)"), at: nil,
            hint: Words(
                vi: "\(outcome.vi); hãy giải phóng chỗ trống trên ổ đĩa hoặc sửa quyền của thư mục, rồi tạo lại",
                en: "\(outcome.en); free some disk space or fix the folder's permissions, then build again"))
    }

    /// What a failed build left: the output as it was only when there was one (a folder with
    /// something in it); an empty folder, or none, is no previous output.
    static func outcome(_ existing: OutputScan?) -> Words {
        guard let existing else { return Words(vi: "thư mục xuất vẫn giữ nguyên", en: "the output folder is unchanged") }
        return existing.identity != nil && !existing.isEmpty
            ? Words(vi: "bản trước vẫn giữ nguyên", en: "the previous output is unchanged")
            : Words(
                vi: "không có tệp nào được ghi; trước đó cũng chưa có bản nào",
                en: "nothing was written; there was no previous output")
    }
}
