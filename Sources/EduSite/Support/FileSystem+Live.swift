#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif
import CLinuxFS

extension FileSystem {
    /// The real disk, through POSIX calls.
    public static let live = FileSystem(
        readFile: { path throws(FileSystemError) in try LiveDisk.read(path) },
        listDirectory: { path throws(FileSystemError) in try LiveDisk.list(path) },
        itemInfo: { path in LiveDisk.info(path) },
        writeFile: { path, bytes throws(FileSystemError) in try LiveDisk.write(path, bytes) },
        createDirectory: { path throws(FileSystemError) in try LiveDisk.makeDirectories(path) },
        removeItem: { path throws(FileSystemError) in try LiveDisk.remove(path) },
        moveItem: { from, to throws(FileSystemError) in
            if rename(from, to) != 0 { throw LiveDisk.error(from, "move") }
        },
        copyFile: { from, to throws(FileSystemError) in try LiveDisk.copy(from, to) },
        listDirectoryWithInfo: { path throws(FileSystemError) in try LiveDisk.listWithInfo(path) },
        linkInfo: { path in LiveDisk.linkInfo(path) },
        createFile: { path, bytes throws(FileSystemError) in try LiveDisk.create(path, bytes) },
        linkFile: { existing, new throws(FileSystemError) in try LiveDisk.link(existing, new) },
        exchangeItems: { first, second throws(FileSystemError) in
            if edusite_exchange_paths(first, second) != 0 { throw LiveDisk.error(first, "swap with \(second)") }
        },
        readLink: { path throws(FileSystemError) in try LiveDisk.readLink(path) },
        removeFile: { path throws(FileSystemError) in
            if unlink(path) != 0 && errno != ENOENT { throw LiveDisk.error(path, "remove") }
        },
        removeEmptyDirectory: { path throws(FileSystemError) in
            if rmdir(path) != 0 && errno != ENOENT { throw LiveDisk.error(path, "remove folder") }
        },
        copyAttributes: { path, info throws(FileSystemError) in try LiveDisk.copyAttributes(path, info) }
    )
}

/// The POSIX calls behind `FileSystem.live`.
enum LiveDisk {
    static func error(_ path: String, _ operation: String, code: Int32 = errno) -> FileSystemError {
        let reason: FileSystemError.Reason =
            switch code {
            case ENOENT: .notFound
            case ENOTDIR: .notADirectory
            case EISDIR: .isADirectory
            case EACCES, EPERM: .permissionDenied
            case EEXIST: .exists
            case ENOTEMPTY: .notEmpty
            default: .other(code)
            }
        return FileSystemError(path: path, reason: reason, operation: operation)
    }

    static func read(_ path: String) throws(FileSystemError) -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw error(path, "read") }
        defer { close(fd) }
        var status = stat()
        guard fstat(fd, &status) == 0 else { throw error(path, "read") }
        if (status.st_mode & S_IFMT) == S_IFDIR {
            throw FileSystemError(path: path, reason: .isADirectory, operation: "read")
        }
        // Read straight into the array's uninitialized storage: zero-filling a buffer that the read
        // overwrites at once would touch every page of it twice.
        let size = max(Int(status.st_size), 0)
        var failure: Int32?
        var bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, initialized in
            while initialized < size {
                let count = Glibc.read(fd, buffer.baseAddress! + initialized, size - initialized)
                if count < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                if count == 0 { break }
                initialized += count
            }
        }
        if let failure { throw error(path, "read", code: failure) }
        // Read on to the end: the file may have grown since `fstat` (or it said 0 for a special file).
        // For a regular file this is the one read that returns 0.
        try withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 4096) { (chunk) throws(FileSystemError) in
            while true {
                let count = Glibc.read(fd, chunk.baseAddress!, chunk.count)
                if count < 0 {
                    if errno == EINTR { continue }
                    throw error(path, "read")
                }
                if count == 0 { break }
                bytes.append(contentsOf: chunk[..<count])
            }
        }
        return bytes
    }

    static func list(_ path: String) throws(FileSystemError) -> [DirectoryEntry] {
        guard let dir = opendir(path) else { throw error(path, "list") }
        defer { closedir(dir) }
        var entries: [DirectoryEntry] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name == "." || name == ".." { continue }
            var isDirectory = Int32(entry.pointee.d_type) == Int32(DT_DIR)
            if Int32(entry.pointee.d_type) == Int32(DT_UNKNOWN) || Int32(entry.pointee.d_type) == Int32(DT_LNK) {
                isDirectory = info(Path.join(path, name))?.kind == .directory
            }
            entries.append(DirectoryEntry(name: name, isDirectory: isDirectory))
        }
        return entries
    }

    /// `list`, each child stat-ed by its name in the open folder, a link as itself (not followed).
    static func listWithInfo(_ path: String) throws(FileSystemError) -> [(DirectoryEntry, ItemInfo)] {
        guard let dir = opendir(path) else { throw error(path, "list") }
        defer { closedir(dir) }
        let folder = dirfd(dir)
        var entries: [(DirectoryEntry, ItemInfo)] = []
        while let entry = readdir(dir) {
            let info = withUnsafeBytes(of: entry.pointee.d_name) { raw -> (String, ItemInfo?)? in
                let name = raw.prefix { $0 != 0 }
                if name.elementsEqual([UInt8(ascii: ".")]) || name.elementsEqual([UInt8(ascii: "."), UInt8(ascii: ".")]) { return nil }
                var status = stat()
                let found = raw.withMemoryRebound(to: CChar.self) {
                    fstatat(folder, $0.baseAddress!, &status, AT_SYMLINK_NOFOLLOW) == 0
                }
                return (String(decoding: name, as: UTF8.self), found ? itemInfo(status) : nil)
            }
            guard let (name, found) = info else { continue }
            // Gone since it was listed: as if it had not been listed.
            guard let found else { continue }
            entries.append((DirectoryEntry(name: name, isDirectory: found.kind == .directory), found))
        }
        return entries
    }

    static func info(_ path: String) -> ItemInfo? {
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        return itemInfo(status)
    }

    static func linkInfo(_ path: String) -> ItemInfo? {
        var status = stat()
        guard lstat(path, &status) == 0 else { return nil }
        return itemInfo(status)
    }

    private static func itemInfo(_ status: stat) -> ItemInfo {
        let kind: ItemInfo.Kind =
            switch status.st_mode & S_IFMT {
            case S_IFREG: .file
            case S_IFDIR: .directory
            case S_IFLNK: .symlink
            default: .other
            }
        let modified = Int64(status.st_mtim.tv_sec) * 1_000_000_000 + Int64(status.st_mtim.tv_nsec)
        return ItemInfo(
            kind: kind, size: Int(status.st_size), modifiedNanoseconds: modified,
            identity: FileIdentity(device: UInt64(status.st_dev), inode: UInt64(status.st_ino)),
            permissions: UInt32(status.st_mode & 0o7777), owner: status.st_uid, group: status.st_gid)
    }

    static func copyAttributes(_ path: String, _ info: ItemInfo) throws(FileSystemError) {
        var current = stat()
        if lstat(path, &current) != 0 { throw error(path, "look at") }
        // Giving a folder to another user needs root; without it the folder stays the builder's own.
        if current.st_uid != info.owner || current.st_gid != info.group,
            lchown(path, info.owner, info.group) != 0, errno != EPERM
        {
            throw error(path, "set the owner of")
        }
        if chmod(path, mode_t(info.permissions)) != 0 { throw error(path, "set permissions of") }
        let seconds = info.modifiedNanoseconds / 1_000_000_000
        let nanoseconds = info.modifiedNanoseconds % 1_000_000_000
        var times = [
            timespec(tv_sec: 0, tv_nsec: (1 << 30) - 2),  // UTIME_OMIT, a C macro Swift does not import: keep the access time
            timespec(tv_sec: Int(seconds), tv_nsec: Int(nanoseconds)),
        ]
        if utimensat(AT_FDCWD, path, &times, AT_SYMLINK_NOFOLLOW) != 0 { throw error(path, "set the time of") }
    }

    /// `O_EXCL`: fails on any existing name, a symlink included, so nothing is written through one.
    static func create(_ path: String, _ bytes: [UInt8]) throws(FileSystemError) -> ItemInfo {
        let flags = O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC
        var fd = open(path, flags, 0o644)
        if fd < 0 && errno == ENOENT {
            try makeDirectories(Path.parent(path))
            fd = open(path, flags, 0o644)
        }
        guard fd >= 0 else { throw error(path, "create") }
        defer { close(fd) }
        try writeAll(fd, bytes, path: path)
        var status = stat()
        guard fstat(fd, &status) == 0 else { throw error(path, "create") }
        return itemInfo(status)
    }

    static func link(_ existing: String, _ new: String) throws(FileSystemError) {
        if Glibc.link(existing, new) == 0 { return }
        // The folder may be missing, or made by another thread since: ask of the file, not the folder.
        guard errno == ENOENT, linkInfo(existing) != nil else { throw error(new, "link") }
        try makeDirectories(Path.parent(new))
        if Glibc.link(existing, new) != 0 { throw error(new, "link") }
    }

    static func readLink(_ path: String) throws(FileSystemError) -> String {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let count = readlink(path, &buffer, buffer.count - 1)
        guard count >= 0 else { throw error(path, "read link") }
        return String(decoding: buffer[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    static func write(_ path: String, _ bytes: [UInt8]) throws(FileSystemError) {
        var fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        if fd < 0 && errno == ENOENT {
            try makeDirectories(Path.parent(path))
            fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        }
        guard fd >= 0 else { throw error(path, "write") }
        defer { close(fd) }
        try writeAll(fd, bytes, path: path)
    }

    private static func writeAll(_ fd: Int32, _ bytes: [UInt8], path: String) throws(FileSystemError) {
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeBytes { buffer in
                Glibc.write(fd, buffer.baseAddress! + written, bytes.count - written)
            }
            if count < 0 {
                if errno == EINTR { continue }
                throw error(path, "write")
            }
            written += count
        }
    }

    static func makeDirectories(_ path: String) throws(FileSystemError) {
        if path.isEmpty || path == "/" { return }
        if mkdir(path, 0o755) == 0 { return }
        switch errno {
        case EEXIST:
            if info(path)?.kind != .directory {
                throw FileSystemError(path: path, reason: .notADirectory, operation: "create folder")
            }
        case ENOENT:
            try makeDirectories(Path.parent(path))
            if mkdir(path, 0o755) != 0 && errno != EEXIST { throw error(path, "create folder") }
        default:
            throw error(path, "create folder")
        }
    }

    static func remove(_ path: String) throws(FileSystemError) {
        var status = stat()
        guard lstat(path, &status) == 0 else {
            if errno == ENOENT { return }
            throw error(path, "remove")
        }
        if (status.st_mode & S_IFMT) == S_IFDIR {
            for entry in try list(path) { try remove(Path.join(path, entry.name)) }
            if rmdir(path) != 0 { throw error(path, "remove") }
        } else if unlink(path) != 0 {
            throw error(path, "remove")
        }
    }

    static func copy(_ from: String, _ to: String) throws(FileSystemError) {
        try write(to, try read(from))
    }
}
