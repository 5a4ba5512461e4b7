/// What an output folder holds, every name looked at itself (symlinks not followed, hidden names
/// included): the Write stage decides from this what is EduSite's and what is someone else's.
struct OutputScan: Sendable {
    /// The folder's own identity; nil when there is no folder yet.
    var identity: FileIdentity?
    /// The folder itself, as found: the new output gets its permissions, owner and time.
    var info: ItemInfo?
    /// Files and symlinks, by path relative to the folder.
    var items: [String: ItemInfo] = [:]
    /// Every folder below it as found, parents before children.
    var folders: [(path: String, info: ItemInfo)] = []
    var emptyFolders: [String] = []

    var isEmpty: Bool { items.isEmpty && folders.isEmpty }
    var count: Int { items.count + emptyFolders.count }

    /// Refuses what cannot be kept in place across a swap: pipes, sockets and devices, and another disk
    /// mounted inside the folder.
    static func read(_ root: String, fileSystem: FileSystem) throws(DiagnosticError) -> OutputScan {
        guard let info = fileSystem.linkInfo(root), info.kind == .directory else { return OutputScan() }
        var scan = OutputScan(identity: info.identity, info: info)
        var pending = [""]
        while let relative = pending.popLast() {
            let absolute = relative.isEmpty ? root : Path.join(root, relative)
            let entries: [DirectoryEntry]
            do throws(FileSystemError) {
                entries = try fileSystem.listDirectory(absolute)
            } catch {
                throw DiagnosticError(OutputFailure.diagnostic(error, existing: nil))
            }
            if entries.isEmpty, !relative.isEmpty { scan.emptyFolders.append(relative) }
            for entry in entries.sorted(by: { FileSystem.precedesInByteOrder($0.name, $1.name) }).reversed() {
                let child = relative.isEmpty ? entry.name : relative + "/" + entry.name
                let path = Path.join(root, child)
                guard let found = fileSystem.linkInfo(path) else { continue }  // gone since listed
                if found.identity.device != info.identity.device {
                    throw refusal(
                        path,
                        Words(
                            vi: "nằm trên một ổ đĩa khác được gắn vào bên trong thư mục xuất",
                            en: "is on another disk mounted inside the output folder"))
                }
                switch found.kind {
                case .directory:
                    scan.folders.append((child, found))
                    pending.append(child)
                case .file, .symlink: scan.items[child] = found
                case .other:
                    throw refusal(
                        path,
                        Words(
                            vi: "là một tệp đặc biệt (ống dẫn, socket hoặc thiết bị)",
                            en: "is a special file (a pipe, socket or device)"))
                }
            }
        }
        return scan
    }

    private static func refusal(_ path: String, _ what: Words) -> DiagnosticError {
        DiagnosticError(
            Diagnostic(
                .foreignOutputFolder, .error,
                Words(
                    vi: "`\(path)` \(what.vi); EduSite không thể giữ nguyên nó tại chỗ khi thay bản xuất",
                    en: "`\(path)` \(what.en); EduSite cannot keep it in place while replacing the output"),
                at: nil,
                hint: Words(
                    vi: "chuyển nó ra khỏi thư mục xuất, hoặc chọn một thư mục xuất riêng cho trang web",
                    en: "move it out of the output folder, or choose an output folder of the site's own")))
    }
}
