#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Every disk access of the library goes through this value, so tests run on an in-memory tree and
/// nothing reaches the disk by accident. Paths are absolute, `/`-separated strings.
///
/// `.live` is the real disk (POSIX calls: Foundation's file API was measurably slower here);
/// `.memory(_:)` is a tree held in memory.
public struct FileSystem: Sendable {
    public var readFile: @Sendable (String) throws(FileSystemError) -> [UInt8]
    /// The names of a folder's direct children, in no particular order.
    public var listDirectory: @Sendable (String) throws(FileSystemError) -> [DirectoryEntry]
    /// What is at a path, or nil when nothing is.
    public var itemInfo: @Sendable (String) -> ItemInfo?
    /// Writes a whole file, creating missing parent folders.
    public var writeFile: @Sendable (String, [UInt8]) throws(FileSystemError) -> Void
    /// Creates a folder and its missing parents.
    public var createDirectory: @Sendable (String) throws(FileSystemError) -> Void
    /// Removes a file or a whole folder; no error when nothing is there.
    public var removeItem: @Sendable (String) throws(FileSystemError) -> Void
    /// Renames in one step (same file system).
    public var moveItem: @Sendable (_ from: String, _ to: String) throws(FileSystemError) -> Void
    /// Copies one file, creating missing parent folders.
    public var copyFile: @Sendable (_ from: String, _ to: String) throws(FileSystemError) -> Void
    /// `listDirectory` with what each child is itself (as `linkInfo`: a symlink is `.symlink`), when
    /// the disk answers both at once (a folder of 10,000 posts is stat-ed by name in the folder, not
    /// by 10,000 full paths); nil: list, then `linkInfo` each child.
    public var listDirectoryWithInfo: (@Sendable (String) throws(FileSystemError) -> [(DirectoryEntry, ItemInfo)])?

    // What the Write stage needs to replace an output folder in one step without touching a file it
    // did not write: new files only, hard links, a swap of two folders, and removals that never recurse.

    /// What is at a path itself, a symlink not followed (`.symlink`); nil when nothing is.
    public var linkInfo: @Sendable (String) -> ItemInfo?
    /// Creates a file that must not exist yet, creating missing parent folders, and returns what it
    /// now is. It never writes through an existing name, which may be a hard link to a file of someone else's.
    public var createFile: @Sendable (String, [UInt8]) throws(FileSystemError) -> ItemInfo
    /// A second name for an existing file (a hard link), creating missing parent folders.
    public var linkFile: @Sendable (_ existing: String, _ new: String) throws(FileSystemError) -> Void
    /// Swaps what two paths name, in one step.
    public var exchangeItems: @Sendable (String, String) throws(FileSystemError) -> Void
    /// Where a symlink points, as written in it.
    public var readLink: @Sendable (String) throws(FileSystemError) -> String
    /// Removes one file or symlink, never a folder.
    public var removeFile: @Sendable (String) throws(FileSystemError) -> Void
    /// Removes a folder only when it is empty (`.notEmpty` otherwise).
    public var removeEmptyDirectory: @Sendable (String) throws(FileSystemError) -> Void
    /// Gives a folder the permission bits, owner and modification time of another (a folder of someone
    /// else's, made anew in the staging folder, keeps what it had).
    public var copyAttributes: @Sendable (String, ItemInfo) throws(FileSystemError) -> Void

    public init(
        readFile: @escaping @Sendable (String) throws(FileSystemError) -> [UInt8],
        listDirectory: @escaping @Sendable (String) throws(FileSystemError) -> [DirectoryEntry],
        itemInfo: @escaping @Sendable (String) -> ItemInfo?,
        writeFile: @escaping @Sendable (String, [UInt8]) throws(FileSystemError) -> Void,
        createDirectory: @escaping @Sendable (String) throws(FileSystemError) -> Void,
        removeItem: @escaping @Sendable (String) throws(FileSystemError) -> Void,
        moveItem: @escaping @Sendable (String, String) throws(FileSystemError) -> Void,
        copyFile: @escaping @Sendable (String, String) throws(FileSystemError) -> Void,
        listDirectoryWithInfo: (@Sendable (String) throws(FileSystemError) -> [(DirectoryEntry, ItemInfo)])? = nil,
        linkInfo: @escaping @Sendable (String) -> ItemInfo?,
        createFile: @escaping @Sendable (String, [UInt8]) throws(FileSystemError) -> ItemInfo,
        linkFile: @escaping @Sendable (String, String) throws(FileSystemError) -> Void,
        exchangeItems: @escaping @Sendable (String, String) throws(FileSystemError) -> Void,
        readLink: @escaping @Sendable (String) throws(FileSystemError) -> String,
        removeFile: @escaping @Sendable (String) throws(FileSystemError) -> Void,
        removeEmptyDirectory: @escaping @Sendable (String) throws(FileSystemError) -> Void,
        copyAttributes: @escaping @Sendable (String, ItemInfo) throws(FileSystemError) -> Void
    ) {
        self.copyAttributes = copyAttributes
        self.listDirectoryWithInfo = listDirectoryWithInfo
        self.linkInfo = linkInfo
        self.createFile = createFile
        self.linkFile = linkFile
        self.exchangeItems = exchangeItems
        self.readLink = readLink
        self.removeFile = removeFile
        self.removeEmptyDirectory = removeEmptyDirectory
        self.readFile = readFile
        self.listDirectory = listDirectory
        self.itemInfo = itemInfo
        self.writeFile = writeFile
        self.createDirectory = createDirectory
        self.removeItem = removeItem
        self.moveItem = moveItem
        self.copyFile = copyFile
    }
}

public struct DirectoryEntry: Sendable, Hashable {
    public var name: String
    public var isDirectory: Bool
    public init(name: String, isDirectory: Bool) {
        self.name = name
        self.isDirectory = isDirectory
    }
}

public struct ItemInfo: Sendable, Hashable {
    /// `.symlink` only from `linkInfo`; `itemInfo` follows links.
    public enum Kind: Sendable, Hashable { case file, directory, symlink, other }
    public var kind: Kind
    public var size: Int
    /// Last modification, in nanoseconds since 1970 (a write counter for in-memory trees).
    public var modifiedNanoseconds: Int64
    /// The file's identity on its disk (device and inode): two names of one file share it.
    public var identity: FileIdentity
    /// Permission bits (`0o755`); 0 where the file system has none.
    public var permissions: UInt32
    /// The owning user and group (0 where the file system has none).
    public var owner: UInt32
    public var group: UInt32
    public init(
        kind: Kind, size: Int, modifiedNanoseconds: Int64 = 0, identity: FileIdentity = FileIdentity(), permissions: UInt32 = 0,
        owner: UInt32 = 0, group: UInt32 = 0
    ) {
        self.kind = kind
        self.size = size
        self.modifiedNanoseconds = modifiedNanoseconds
        self.identity = identity
        self.permissions = permissions
        self.owner = owner
        self.group = group
    }
}

/// Device and inode number: what a file is, whatever its name.
public struct FileIdentity: Sendable, Hashable, CustomStringConvertible {
    public var device: UInt64
    public var inode: UInt64
    public init(device: UInt64 = 0, inode: UInt64 = 0) {
        self.device = device
        self.inode = inode
    }
    public var description: String { "\(device):\(inode)" }
}

/// An I/O failure: not the user's content being wrong, but the disk refusing.
public struct FileSystemError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Reason: Sendable, Hashable {
        case notFound, notADirectory, isADirectory, permissionDenied, exists, notEmpty, other(Int32)
    }
    public var path: String
    public var reason: Reason
    public var operation: String

    public init(path: String, reason: Reason, operation: String) {
        self.path = path
        self.reason = reason
        self.operation = operation
    }

    public var description: String { words.en }

    /// "cannot write /x: the disk is full (ENOSPC)", in both languages.
    public var words: Words {
        let why: Words =
            switch reason {
            case .notFound: Words(vi: "không có tệp hay thư mục đó", en: "no such file or folder")
            case .notADirectory: Words(vi: "không phải một thư mục", en: "not a folder")
            case .isADirectory: Words(vi: "là một thư mục, không phải tệp", en: "is a folder, not a file")
            case .permissionDenied: Words(vi: "không có quyền", en: "permission denied")
            case .exists: Words(vi: "đã có sẵn", en: "already exists")
            case .notEmpty: Words(vi: "thư mục không trống", en: "the folder is not empty")
            case .other(let code): Self.words(forErrno: code)
            }
        let doing = Self.operationsInVietnamese[operation] ?? operation
        return Words(vi: "không \(doing) được \(path): \(why.vi)", en: "cannot \(operation) \(path): \(why.en)")
    }

    /// The `operation`s EduSite names, in Vietnamese; another is shown as it is.
    static let operationsInVietnamese = [
        "create folder": "tạo thư mục", "create link": "tạo liên kết", "create": "tạo", "find": "tìm",
        "link": "liên kết", "list": "liệt kê", "move": "di chuyển", "read link": "đọc liên kết", "read": "đọc",
        "remove folder": "xoá thư mục", "remove": "xoá", "start the new output in": "bắt đầu bản xuất mới trong",
        "write feed cache": "ghi bản giữ của nguồn tin", "write": "ghi",
    ]

    /// The disk's refusal in words, with the errno name for searching: "system error 28" says nothing.
    static func words(forErrno code: Int32) -> Words {
        switch code {
        case ENOSPC: Words(vi: "ổ đĩa đã đầy (ENOSPC)", en: "the disk is full (ENOSPC)")
        case EDQUOT: Words(vi: "đã dùng hết hạn mức của ổ đĩa (EDQUOT)", en: "the disk quota is used up (EDQUOT)")
        case EROFS: Words(vi: "ổ đĩa chỉ cho đọc (EROFS)", en: "the disk is read-only (EROFS)")
        case EIO:
            Words(
                vi: "ổ đĩa báo lỗi đọc/ghi (EIO); có thể nó sắp hỏng",
                en: "the disk reported an input/output error (EIO); it may be failing")
        case ELOOP:
            Words(
                vi: "quá nhiều liên kết tượng trưng, hoặc một liên kết trỏ ngược về chính nó (ELOOP)",
                en: "too many symbolic links, or a link that points back at itself (ELOOP)")
        case ENAMETOOLONG: Words(vi: "tên quá dài (ENAMETOOLONG)", en: "the name is too long (ENAMETOOLONG)")
        case EXDEV: Words(vi: "nó nằm trên một ổ đĩa khác (EXDEV)", en: "it is on another disk (EXDEV)")
        case EMLINK:
            Words(vi: "quá nhiều liên kết tới một tệp hay thư mục (EMLINK)", en: "too many links to one file or folder (EMLINK)")
        case EBUSY: Words(vi: "nó đang được dùng, ví dụ là một điểm gắn ổ đĩa (EBUSY)", en: "it is in use, e.g. a mount point (EBUSY)")
        case EMFILE, ENFILE: Words(vi: "quá nhiều tệp đang mở (EMFILE)", en: "too many open files (EMFILE)")
        case ENOMEM: Words(vi: "hết bộ nhớ (ENOMEM)", en: "out of memory (ENOMEM)")
        case EINVAL: Words(vi: "ổ đĩa không hỗ trợ việc này (EINVAL)", en: "the disk does not support this (EINVAL)")
        case EACCES, EPERM:
            Words(
                vi: "không có quyền (EACCES): hãy chạy bằng một người dùng có quyền, hoặc chọn nơi khác",
                en: "permission denied (EACCES): run it as a user who may, or choose another place")
        case EADDRINUSE: Words(vi: "địa chỉ đang được dùng (EADDRINUSE)", en: "the address is already in use (EADDRINUSE)")
        case EADDRNOTAVAIL:
            Words(
                vi: "địa chỉ này không phải của máy tính này (EADDRNOTAVAIL)",
                en: "the address is not one of this computer's (EADDRNOTAVAIL)")
        default: Words(verbatim: "\(String(cString: strerror(code))) (errno \(code))")
        }
    }
}

extension FileSystem {
    public func fileExists(_ path: String) -> Bool { itemInfo(path)?.kind == .file }
    public func directoryExists(_ path: String) -> Bool { itemInfo(path)?.kind == .directory }

    /// `a.utf8.lexicographicallyPrecedes(b.utf8)` with `memcmp` on native strings' contiguous bytes
    /// (a content folder holds thousands of files).
    static func precedesInByteOrder(_ a: String, _ b: String) -> Bool {
        let fast = a.utf8.withContiguousStorageIfAvailable { a in
            b.utf8.withContiguousStorageIfAvailable { b -> Bool in
                let common = min(a.count, b.count)
                if common > 0 {
                    let order = memcmp(a.baseAddress!, b.baseAddress!, common)
                    if order != 0 { return order < 0 }
                }
                return a.count < b.count
            }
        }
        if let fast, let result = fast { return result }
        return a.utf8.lexicographicallyPrecedes(b.utf8)
    }
}
