/// Why bytes of the build cache could not be read back. The cache is only a shortcut, so callers
/// never report this to the user: they drop the cache and load the site from its files.
enum CacheFormatError: Error, Sendable, Hashable {
    /// The file was not written by this version of EduSite (or is not a cache at all).
    case unknownFormat
    /// The bytes stop in the middle of a value: a write that was cut short.
    case truncated(offset: Int)
    /// A byte that no case of the type stands for.
    case invalidTag(UInt8, type: String, offset: Int)
    /// A varint longer than 64 bits, or a number that does not fit where it goes.
    case invalidNumber(offset: Int)
    /// A count larger than the bytes left could hold.
    case invalidCount(offset: Int)
    /// A string index past the end of the string table.
    case unknownString(offset: Int)
    /// The same key twice in a dictionary.
    case duplicateKey(offset: Int)
    /// A body said to be kept in the body file, when there is no such file or it is too short.
    case bodyNotInStore(offset: Int)
    /// Values nested deeper than any front matter is.
    case tooDeep(offset: Int)
    /// Bytes left over after the last value.
    case trailingBytes(offset: Int)
}
