import Synchronization

/// What is wrong with the build cache: which of its files, and how, in words for the C001 warning.
struct CacheDamage: Error, Sendable, Hashable, CustomStringConvertible {
    /// `build`, `pages`, `bodies` or `patches`.
    var file: String
    var problem: String

    var description: String { "\(file): \(problem)" }

    init(_ file: String, _ problem: String) {
        self.file = file
        self.problem = problem
    }

    init(_ file: String, _ error: CacheFormatError) {
        self.init(file, error.problem)
    }
}

/// The first damage a build found while it read the cache. Pages and bodies are read on all cores
/// long after the cache was opened, so what they find is noted here, and the build looks before it
/// puts anything in the output (then it starts again from nothing).
final class CacheDamageLog: Sendable {
    private let first = Mutex<CacheDamage?>(nil)

    func note(_ damage: CacheDamage) {
        first.withLock { if $0 == nil { $0 = damage } }
    }

    var found: CacheDamage? { first.withLock { $0 } }
}

extension CacheFormatError {
    /// In words, for the warning.
    var problem: String {
        switch self {
        case .unknownFormat: "not in the format this EduSite writes"
        case .truncated(let offset): "cut short at byte \(offset)"
        case .invalidTag(_, _, let offset), .invalidNumber(let offset), .invalidCount(let offset),
            .unknownString(let offset), .duplicateKey(let offset), .tooDeep(let offset), .invalidValue(_, let offset):
            "unreadable value at byte \(offset)"
        case .bodyNotInStore(let offset): "a page's body is not in the bodies file (record byte \(offset))"
        case .trailingBytes(let offset): "unexpected bytes from byte \(offset)"
        case .checksumMismatch(let offset): "checksum mismatch at byte \(offset)"
        case .staleRecords: "its records are of another build"
        case .rebuildCutShort: "a quick rebuild was stopped"
        }
    }
}
