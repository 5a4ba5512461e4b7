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
