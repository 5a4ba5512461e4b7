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
            itemInfo: { path in tree.info(path) },
            writeFile: { path, bytes throws(FileSystemError) in try tree.write(path, bytes) },
            createDirectory: { path throws(FileSystemError) in try tree.makeDirectories(path) },
            removeItem: { path in tree.remove(path) },
            moveItem: { from, to throws(FileSystemError) in try tree.move(from, to) },
            copyFile: { from, to throws(FileSystemError) in try tree.write(to, try tree.read(from)) }
        )
    }
}

/// The storage behind `FileSystem.memory`; tests keep a reference to inspect what was written.
public final class MemoryTree: Sendable {
    private enum Node: Sendable {
        /// Contents, and the write that made them (stands in for a modification time).
        case file([UInt8], Int64)
        case directory
    }

    private let nodes: Mutex<[String: Node]>
    private let writes = Atomic<Int64>(1)

    public init(files: [String: [UInt8]] = [:]) {
        var nodes: [String: Node] = ["/": .directory]
        for (path, bytes) in files {
            nodes[path] = .file(bytes, 0)
            var parent = Path.parent(path)
            while !parent.isEmpty && nodes[parent] == nil {
                nodes[parent] = .directory
                parent = parent == "/" ? "" : Path.parent(parent)
            }
        }
        self.nodes = Mutex(nodes)
    }

    /// Every file now in the tree, with its contents.
    public var files: [String: [UInt8]] {
        nodes.withLock { nodes in
            nodes.compactMapValues { if case .file(let bytes, _) = $0 { bytes } else { nil } }
        }
    }

    public func contents(of path: String) -> String? {
        nodes.withLock { nodes in
            if case .file(let bytes, _) = nodes[path] { String(decoding: bytes, as: UTF8.self) } else { nil }
        }
    }

    func read(_ path: String) throws(FileSystemError) -> [UInt8] {
        let node = nodes.withLock { $0[path] }
        switch node {
        case .file(let bytes, _): return bytes
        case .directory: throw FileSystemError(path: path, reason: .isADirectory, operation: "read")
        case nil: throw FileSystemError(path: path, reason: .notFound, operation: "read")
        }
    }

    func list(_ path: String) throws(FileSystemError) -> [DirectoryEntry] {
        let result: [DirectoryEntry]? = nodes.withLock { nodes in
            guard case .directory = nodes[path] else { return nil }
            let prefix = path == "/" ? "/" : path + "/"
            return nodes.compactMap { key, node in
                guard key != path, key.hasPrefix(prefix) else { return nil }
                let rest = key.dropFirst(prefix.count)
                guard !rest.contains("/") else { return nil }
                if case .directory = node { return DirectoryEntry(name: String(rest), isDirectory: true) }
                return DirectoryEntry(name: String(rest), isDirectory: false)
            }
        }
        guard let result else { throw FileSystemError(path: path, reason: .notFound, operation: "list") }
        return result
    }

    func info(_ path: String) -> ItemInfo? {
        nodes.withLock { nodes in
            switch nodes[path] {
            case .file(let bytes, let stamp): ItemInfo(kind: .file, size: bytes.count, modifiedNanoseconds: stamp)
            case .directory: ItemInfo(kind: .directory, size: 0)
            case nil: nil
            }
        }
    }

    func write(_ path: String, _ bytes: [UInt8]) throws(FileSystemError) {
        try makeDirectories(Path.parent(path))
        let stamp = writes.add(1, ordering: .relaxed).newValue
        let isDirectory = nodes.withLock { nodes -> Bool in
            if case .directory = nodes[path] { return true }
            nodes[path] = .file(bytes, stamp)
            return false
        }
        if isDirectory { throw FileSystemError(path: path, reason: .isADirectory, operation: "write") }
    }

    func makeDirectories(_ path: String) throws(FileSystemError) {
        let blocked: String? = nodes.withLock { nodes in
            var current = path
            var missing: [String] = []
            while !current.isEmpty && current != "/" {
                switch nodes[current] {
                case .directory: current = ""
                case .file: return current
                case nil:
                    missing.append(current)
                    current = Path.parent(current)
                }
            }
            for folder in missing { nodes[folder] = .directory }
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
