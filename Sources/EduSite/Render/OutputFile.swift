/// One file of the built site, for the Write stage.
public struct OutputFile: Sendable, Hashable {
    public enum Contents: Sendable, Hashable {
        case bytes([UInt8])
        /// Copied from this absolute path.
        case copy(from: String)
    }

    /// Relative to the output folder, e.g. `tin-tuc/index.html`.
    public var path: String
    public var contents: Contents

    public init(path: String, contents: Contents) {
        self.path = path
        self.contents = contents
    }
}

extension OutputFile.Contents {
    /// The bytes themselves, or those of the file they are copied from.
    func bytes(reading fileSystem: FileSystem) throws(FileSystemError) -> [UInt8] {
        switch self {
        case .bytes(let bytes): bytes
        case .copy(let source): try fileSystem.readFile(source)
        }
    }
}
