/// What EduSite wrote into one output folder: each file's path with what it was when written (its
/// identity, size and time). A file in the output that is not here, or no longer matches, is not
/// EduSite's, and is never deleted or overwritten. Kept beside the output (`OutputFolder.work`), not in it.
///
/// A text file, one line a file, ending with a checksum of all before it: a damaged record reads as
/// no record, and then everything in the folder counts as someone else's.
struct OutputRecord: Sendable, Equatable {
    /// What a file was when EduSite wrote it, or found it.
    struct Stamp: Sendable, Hashable {
        var identity: FileIdentity
        var size: Int
        var modified: Int64

        init(_ info: ItemInfo) {
            identity = info.identity
            size = info.size
            modified = info.modifiedNanoseconds
        }

        init(identity: FileIdentity, size: Int, modified: Int64) {
            self.identity = identity
            self.size = size
            self.modified = modified
        }

        /// The same file, unchanged since: a new file under the name, or one written in place, differs.
        func matches(_ info: ItemInfo) -> Bool {
            info.kind != .directory && info.identity == identity && info.size == size && info.modifiedNanoseconds == modified
        }
    }

    static let header = "edusite output record 1"

    /// The output folder this describes (a copied record describes no other folder).
    var folder: FileIdentity
    /// Files EduSite wrote, by path relative to the output.
    var written: [String: Stamp]
    /// Someone else's files and symlinks that EduSite found in the output and left there.
    var kept: [String: Stamp]

    func encoded() -> [UInt8] {
        var text = Self.header + "\nfolder \(folder)\n"
        for (mark, entries) in [("w", written), ("k", kept)] {
            for (path, stamp) in entries.sorted(by: { FileSystem.precedesInByteOrder($0.key, $1.key) }) {
                text += "\(mark) \(stamp.identity) \(stamp.size) \(stamp.modified) \(Self.escape(path))\n"
            }
        }
        var bytes = Array(text.utf8)
        bytes += Array("sum \(ContentHash.of(bytes))\n".utf8)
        return bytes
    }

    /// nil for anything but an intact record.
    init?(decoding bytes: [UInt8]) {
        guard let sumStart = bytes.dropLast().lastIndex(of: UInt8(ascii: "\n")).map({ $0 + 1 }),
            String(decoding: bytes[sumStart...], as: UTF8.self) == "sum \(ContentHash.of(bytes[..<sumStart]))\n"
        else { return nil }
        let lines = String(decoding: bytes[..<sumStart], as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.count >= 3, lines[0] == Self.header, lines[1].hasPrefix("folder "),
            let folder = Self.identity(lines[1].dropFirst("folder ".count))
        else { return nil }
        self.folder = folder
        written = [:]
        kept = [:]
        for line in lines.dropFirst(2).dropLast() {
            let fields = line.split(separator: " ", maxSplits: 4, omittingEmptySubsequences: false)
            guard fields.count == 5, let identity = Self.identity(fields[1]), let size = Int(fields[2]),
                let modified = Int64(fields[3]), let path = Self.unescape(fields[4])
            else { return nil }
            let stamp = Stamp(identity: identity, size: size, modified: modified)
            switch fields[0] {
            case "w": written[path] = stamp
            case "k": kept[path] = stamp
            default: return nil
            }
        }
    }

    init(folder: FileIdentity, written: [String: Stamp], kept: [String: Stamp]) {
        self.folder = folder
        self.written = written
        self.kept = kept
    }

    private static func identity(_ text: Substring) -> FileIdentity? {
        let parts = text.split(separator: ":")
        guard parts.count == 2, let device = UInt64(parts[0]), let inode = UInt64(parts[1]) else { return nil }
        return FileIdentity(device: device, inode: inode)
    }

    /// Someone else's file names may hold anything but `/` and NUL: `%`, newlines and other controls are coded.
    static func escape(_ path: String) -> String {
        guard path.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "%") || $0 == 0x7F }) else { return path }
        var bytes: [UInt8] = []
        for byte in path.utf8 {
            if byte < 0x20 || byte == UInt8(ascii: "%") || byte == 0x7F {
                bytes += Array(String(format2: byte).utf8)
            } else {
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    static func unescape(_ text: Substring) -> String? {
        guard text.contains("%") else { return String(text) }
        var bytes: [UInt8] = []
        var iterator = Array(text.utf8).makeIterator()
        while let byte = iterator.next() {
            guard byte == UInt8(ascii: "%") else {
                bytes.append(byte)
                continue
            }
            guard let high = iterator.next(), let low = iterator.next(),
                let value = UInt8(String(decoding: [high, low], as: UTF8.self), radix: 16)
            else { return nil }
            bytes.append(value)
        }
        return String(validating: bytes, as: UTF8.self)
    }
}

extension String {
    /// `%0A` for a byte.
    fileprivate init(format2 byte: UInt8) {
        let hex = String(byte, radix: 16, uppercase: true)
        self = "%" + (hex.count == 1 ? "0" + hex : hex)
    }
}
