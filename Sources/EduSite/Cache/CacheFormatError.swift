/// Why bytes of the build cache could not be read back. The cache is only a shortcut: a build that
/// meets one sets the cache aside, warns (C001, `CacheDiagnostics`) and builds from nothing; the last
/// two cases are no damage, and it only builds from nothing.
enum CacheFormatError: Error, Sendable, Hashable {
    /// The file was not written by this version of EduSite (or is not a cache at all).
    case unknownFormat
    /// The bytes stop in the middle of a value: a write that was cut short.
    case truncated(offset: Int)
    /// A byte that no case of the type stands for.
    case invalidTag(UInt8, type: String, offset: Int)
    /// A string that does not read as the value it stands for (a disclosure id, a period).
    case invalidValue(type: String, offset: Int)
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
    /// Bytes that do not give the checksum written with them: damage on the disk, or a hand edit.
    case checksumMismatch(offset: Int)
    /// The records file is the next build's: a save stopped between its two renames.
    case staleRecords
    /// A quick rebuild began and did not append its patch (it was stopped).
    case rebuildCutShort
}
