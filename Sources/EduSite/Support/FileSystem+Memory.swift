import Synchronization

extension FileSystem {
    /// A file tree held in memory: for tests, and for anything that must not touch the disk.
    /// `files` maps absolute paths to contents; their folders exist implicitly.
    public static func memory(_ files: [String: [UInt8]] = [:]) -> FileSystem {
        memory(MemoryTree(files: files))
    }

    public static func memory(_ tree: MemoryTree) -> FileSystem {
        FileSystem(
            readFile: { path throws(FileSystemError) in try tree.read(path) },
            listDirectory: { path throws(FileSystemError) in try tree.list(path) },
            itemInfo: { path in tree.info(path, following: true) },
            writeFile: { path, bytes throws(FileSystemError) in try tree.write(path, bytes) },
            createDirectory: { path throws(FileSystemError) in try tree.makeDirectories(path) },
            removeItem: { path in tree.remove(path) },
            moveItem: { from, to throws(FileSystemError) in try tree.move(from, to) },
            copyFile: { from, to throws(FileSystemError) in try tree.write(to, try tree.read(from)) },
            linkInfo: { path in tree.info(path, following: false) },
            createFile: { path, bytes throws(FileSystemError) in try tree.create(path, bytes) },
            linkFile: { existing, new throws(FileSystemError) in try tree.link(existing, new) },
            exchangeItems: { first, second throws(FileSystemError) in try tree.exchange(first, second) },
            readLink: { path throws(FileSystemError) in try tree.readLink(path) },
            removeFile: { path throws(FileSystemError) in try tree.removeFile(path) },
            removeEmptyDirectory: { path throws(FileSystemError) in try tree.removeEmptyDirectory(path) },
            copyAttributes: { _, _ in }
        )
    }
}

/// The storage behind `FileSystem.memory`; tests keep a reference to inspect what was written.
public final class MemoryTree: Sendable {
    private enum Node: Sendable {
        /// Contents, and the write that made them (stands in for a modification time and an inode:
        /// a hard link shares it).
        case file([UInt8], Int64)
        /// Its identity, as a folder's inode.
        case directory(Int64)
        case symlink(String, Int64)
    }

    private let nodes: Mutex<[String: Node]>
    private let writes = Atomic<Int64>(1)

    public init(files: [String: [UInt8]] = [:]) {
        var nodes: [String: Node] = ["/": .directory(0)]
        var next: Int64 = -1
        for (path, bytes) in files {
            nodes[path] = .file(bytes, 0)
            var parent = Path.parent(path)
            while !parent.isEmpty && nodes[parent] == nil {
                nodes[parent] = .directory(next)
                next -= 1
                parent = parent == "/" ? "" : Path.parent(parent)
            }
        }
        self.nodes = Mutex(nodes)
    }

    private func stamp() -> Int64 { writes.add(1, ordering: .relaxed).newValue }

    /// Every file now in the tree, with its contents.
    public var files: [String: [UInt8]] {
        nodes.withLock { nodes in
            nodes.compactMapValues { if case .file(let bytes, _) = $0 { bytes } else { nil } }
        }
    }

    /// Every symlink now in the tree.
    public var symlinks: [String] {
        nodes.withLock { nodes in nodes.compactMap { if case .symlink = $0.value { $0.key } else { nil } } }
    }

    public func contents(of path: String) -> String? {
        nodes.withLock { nodes in
            if case .file(let bytes, _) = nodes[path] { String(decoding: bytes, as: UTF8.self) } else { nil }
        }
    }

    /// A symlink at `path`; reading, listing and `itemInfo` follow it, as on a disk.
    public func addSymlink(_ path: String, to target: String) {
        try? symlink(target, at: path)
    }

    func read(_ path: String) throws(FileSystemError) -> [UInt8] {
        let node = nodes.withLock { nodes in Self.followed(path, in: nodes).flatMap { nodes[$0] } }
        switch node {
        case .file(let bytes, _): return bytes
        case .directory: throw FileSystemError(path: path, reason: .isADirectory, operation: "read")
        case .symlink, nil: throw FileSystemError(path: path, reason: .notFound, operation: "read")
        }
    }

    func list(_ path: String) throws(FileSystemError) -> [DirectoryEntry] {
        let result: [DirectoryEntry]? = nodes.withLock { nodes in
            guard let folder = Self.followed(path, in: nodes), case .directory = nodes[folder] else { return nil }
            let prefix = folder == "/" ? "/" : folder + "/"
            return nodes.compactMap { key, node in
                guard key != folder, key.hasPrefix(prefix) else { return nil }
                let rest = key.dropFirst(prefix.count)
                guard !rest.contains("/") else { return nil }
                // As the kernel's `d_type` and a `stat`: a link to a folder lists as a folder.
                if case .directory = Self.followed(key, in: nodes).flatMap({ nodes[$0] }) {
                    return DirectoryEntry(name: String(rest), isDirectory: true)
                }
                return DirectoryEntry(name: String(rest), isDirectory: false)
            }
        }
        guard let result else { throw FileSystemError(path: path, reason: .notFound, operation: "list") }
        return result
    }

    /// With `following`, links are followed as the kernel's `stat` does (a dangling link or a loop is nothing).
    func info(_ path: String, following: Bool) -> ItemInfo? {
        nodes.withLock { nodes in
            switch following ? Self.followed(path, in: nodes).flatMap({ nodes[$0] }) : nodes[path] {
            case .file(let bytes, let stamp):
                ItemInfo(kind: .file, size: bytes.count, modifiedNanoseconds: stamp, identity: FileIdentity(inode: UInt64(bitPattern: stamp)))
            case .directory(let id): ItemInfo(kind: .directory, size: 0, identity: FileIdentity(inode: UInt64(bitPattern: id)))
            case .symlink(let target, let stamp):
                ItemInfo(kind: .symlink, size: target.utf8.count, identity: FileIdentity(inode: UInt64(bitPattern: stamp)))
            case nil: nil
            }
        }
    }

    func write(_ path: String, _ bytes: [UInt8]) throws(FileSystemError) {
        try makeDirectories(Path.parent(path))
        let stamp = stamp()
        let isDirectory = nodes.withLock { nodes -> Bool in
            if case .directory = nodes[path] { return true }
            nodes[path] = .file(bytes, stamp)
            return false
        }
        if isDirectory { throw FileSystemError(path: path, reason: .isADirectory, operation: "write") }
    }

    func create(_ path: String, _ bytes: [UInt8]) throws(FileSystemError) -> ItemInfo {
        try makeDirectories(Path.parent(path))
        let stamp = stamp()
        let created = nodes.withLock { nodes -> Bool in
            guard nodes[path] == nil else { return false }
            nodes[path] = .file(bytes, stamp)
            return true
        }
        guard created else { throw FileSystemError(path: path, reason: .exists, operation: "create") }
        return ItemInfo(kind: .file, size: bytes.count, modifiedNanoseconds: stamp, identity: FileIdentity(inode: UInt64(bitPattern: stamp)))
    }

    func link(_ existing: String, _ new: String) throws(FileSystemError) {
        try makeDirectories(Path.parent(new))
        let problem = nodes.withLock { nodes -> FileSystemError.Reason? in
            guard let node = nodes[existing] else { return .notFound }
            if case .directory = node { return .permissionDenied }
            guard nodes[new] == nil else { return .exists }
            nodes[new] = node
            return nil
        }
        if let problem { throw FileSystemError(path: new, reason: problem, operation: "link") }
    }

    func exchange(_ first: String, _ second: String) throws(FileSystemError) {
        let found = nodes.withLock { nodes -> Bool in
            guard nodes[first] != nil, nodes[second] != nil else { return false }
            let moving = nodes.filter { $0.key == first || $0.key.hasPrefix(first + "/") || $0.key == second || $0.key.hasPrefix(second + "/") }
            for key in moving.keys { nodes[key] = nil }
            for (key, node) in moving {
                let renamed =
                    key == first || key.hasPrefix(first + "/") ? second + key.dropFirst(first.count) : first + key.dropFirst(second.count)
                nodes[renamed] = node
            }
            return true
        }
        if !found { throw FileSystemError(path: first, reason: .notFound, operation: "swap with \(second)") }
    }

    /// `path` with its links followed, as reading or listing through them does; nil for a loop.
    private static func followed(_ path: String, in nodes: [String: Node]) -> String? {
        Path.resolvingLinks(path) { if case .symlink(let target, _) = nodes[$0] { target } else { nil } }
    }

    func readLink(_ path: String) throws(FileSystemError) -> String {
        guard case .symlink(let target, _) = nodes.withLock({ $0[path] }) else {
            throw FileSystemError(path: path, reason: .notFound, operation: "read link")
        }
        return target
    }

    func symlink(_ target: String, at path: String) throws(FileSystemError) {
        try makeDirectories(Path.parent(path))
        let stamp = stamp()
        let created = nodes.withLock { nodes -> Bool in
            guard nodes[path] == nil else { return false }
            nodes[path] = .symlink(target, stamp)
            return true
        }
        if !created { throw FileSystemError(path: path, reason: .exists, operation: "create link") }
    }

    func removeFile(_ path: String) throws(FileSystemError) {
        let isDirectory = nodes.withLock { nodes -> Bool in
            if case .directory = nodes[path] { return true }
            nodes[path] = nil
            return false
        }
        if isDirectory { throw FileSystemError(path: path, reason: .isADirectory, operation: "remove") }
    }

    func removeEmptyDirectory(_ path: String) throws(FileSystemError) {
        let problem = nodes.withLock { nodes -> FileSystemError.Reason? in
            switch nodes[path] {
            case nil: return nil
            case .directory:
                if nodes.keys.contains(where: { $0.hasPrefix(path + "/") }) { return .notEmpty }
                nodes[path] = nil
                return nil
            default: return .notADirectory
            }
        }
        if let problem { throw FileSystemError(path: path, reason: problem, operation: "remove folder") }
    }

    func makeDirectories(_ path: String) throws(FileSystemError) {
        let first = stamp()
        let blocked: String? = nodes.withLock { nodes in
            var current = path
            var missing: [String] = []
            while !current.isEmpty && current != "/" {
                switch nodes[current] {
                case .directory: current = ""
                case .file, .symlink: return current
                case nil:
                    missing.append(current)
                    current = Path.parent(current)
                }
            }
            for (offset, folder) in missing.enumerated() { nodes[folder] = .directory(first * 1000 + Int64(offset)) }
            return nil
        }
        if let blocked { throw FileSystemError(path: blocked, reason: .notADirectory, operation: "create folder") }
    }

    func remove(_ path: String) {
        nodes.withLock { nodes in
            let prefix = path + "/"
            for key in nodes.keys where key == path || key.hasPrefix(prefix) { nodes[key] = nil }
        }
    }

    func move(_ from: String, _ to: String) throws(FileSystemError) {
        let moved = nodes.withLock { nodes -> Bool in
            guard nodes[from] != nil else { return false }
            let prefix = from + "/"
            let targetPrefix = to + "/"
            for key in nodes.keys where key == to || key.hasPrefix(targetPrefix) { nodes[key] = nil }
            for (key, node) in nodes where key == from || key.hasPrefix(prefix) {
                nodes[key] = nil
                nodes[to + key.dropFirst(from.count)] = node
            }
            return true
        }
        if !moved { throw FileSystemError(path: from, reason: .notFound, operation: "move") }
    }
}
