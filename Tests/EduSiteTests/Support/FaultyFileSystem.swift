import Synchronization

@testable import EduSite

/// Counts every call that changes a disk, and makes the Nth one fail as a real disk would (ENOSPC,
/// EACCES, EIO): drives the Write stage through each of its failure points in turn.
final class FaultPlan: Sendable {
    let failing: Int
    let code: Int32
    private let calls = Atomic<Int>(0)
    /// Every call by its number: what it was and where (for choosing which ones to fail).
    let log = Mutex<[Int: String]>([:])
    /// The call that failed, when one did: what it was and where.
    let failed = Mutex<String?>(nil)

    init(failing: Int, code: Int32) {
        self.failing = failing
        self.code = code
    }

    var callCount: Int { calls.load(ordering: .relaxed) }

    func tick(_ operation: String, _ path: String) throws(FileSystemError) {
        let number = calls.add(1, ordering: .relaxed).newValue
        log.withLock { $0[number] = "\(operation) \(path)" }
        guard number == failing else { return }
        failed.withLock { $0 = "\(operation) \(path)" }
        let reason: FileSystemError.Reason = code == 13 ? .permissionDenied : .other(code)
        throw FileSystemError(path: path, reason: reason, operation: operation)
    }
}

extension FileSystem {
    /// `base`, with `plan` deciding which changing call fails; reads never fail.
    static func faulty(_ base: FileSystem, _ plan: FaultPlan) -> FileSystem {
        var fs = base
        fs.writeFile = { path, bytes throws(FileSystemError) in
            try plan.tick("write", path)
            try base.writeFile(path, bytes)
        }
        fs.createFile = { path, bytes throws(FileSystemError) in
            try plan.tick("create", path)
            return try base.createFile(path, bytes)
        }
        fs.createDirectory = { path throws(FileSystemError) in
            try plan.tick("create folder", path)
            try base.createDirectory(path)
        }
        fs.removeItem = { path throws(FileSystemError) in
            try plan.tick("remove", path)
            try base.removeItem(path)
        }
        fs.moveItem = { from, to throws(FileSystemError) in
            try plan.tick("move", from)
            try base.moveItem(from, to)
        }
        fs.copyFile = { from, to throws(FileSystemError) in
            try plan.tick("copy", to)
            try base.copyFile(from, to)
        }
        fs.linkFile = { existing, new throws(FileSystemError) in
            try plan.tick("link", new)
            try base.linkFile(existing, new)
        }
        fs.exchangeItems = { first, second throws(FileSystemError) in
            try plan.tick("swap", first)
            try base.exchangeItems(first, second)
        }
        fs.removeFile = { path throws(FileSystemError) in
            try plan.tick("remove", path)
            try base.removeFile(path)
        }
        fs.removeEmptyDirectory = { path throws(FileSystemError) in
            try plan.tick("remove folder", path)
            try base.removeEmptyDirectory(path)
        }
        fs.copyAttributes = { path, info throws(FileSystemError) in
            try plan.tick("set attributes", path)
            try base.copyAttributes(path, info)
        }
        return fs
    }
}
