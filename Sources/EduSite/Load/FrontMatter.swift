/// The two parts of a content file: its YAML front matter and its body, with the file line each
/// starts on.
public struct FrontMatterParts: Sendable {
    /// The YAML between the delimiters (without them).
    public var yaml: ArraySlice<UInt8>
    /// The file line of the first YAML line: 2.
    public var yamlFirstLine: Int
    /// Everything after the closing delimiter's line.
    public var body: ArraySlice<UInt8>
    public var bodyFirstLine: Int

    public init(yaml: ArraySlice<UInt8>, yamlFirstLine: Int, body: ArraySlice<UInt8>, bodyFirstLine: Int) {
        self.yaml = yaml
        self.yamlFirstLine = yamlFirstLine
        self.body = body
        self.bodyFirstLine = bodyFirstLine
    }
}

/// Splits `---` front matter from a body.
///
/// Rules: `---` alone on line 1 (an optional UTF-8 byte order mark before it; trailing spaces and
/// CRLF allowed), closed by the first later line that is exactly `---` (trailing spaces allowed).
/// `----` is not a delimiter, and a `---` after the closing line stays body text.
public enum FrontMatter {
    /// nil when the file does not start with a front matter block (the loader reports that).
    public static func split(_ bytes: [UInt8], path: String) throws(DiagnosticError) -> FrontMatterParts? {
        let found = bytes.withUnsafeBufferPointer { locate(in: $0) }
        switch found {
        case .none:
            return nil
        case .notClosed:
            throw DiagnosticError(
                Diagnostic(
                    .frontMatterNotClosed, .error,
                    Words(
                        vi: "phần đầu (front matter) mở ở dòng 1 không được đóng",
                        en: "the front matter that opens on line 1 is never closed"),
                    at: SourceLocation(path: path, line: 1, column: 1),
                    hint: Words(
                        vi: "thêm một dòng chỉ có --- sau khoá cuối cùng", en: "add a line with only --- after the last key")))
        case .closed(let yaml, let body, let bodyFirstLine):
            return FrontMatterParts(
                yaml: bytes[yaml], yamlFirstLine: 2, body: bytes[body...], bodyFirstLine: bodyFirstLine)
        }
    }

    private enum Found {
        case none
        case notClosed
        case closed(yaml: Range<Int>, body: Int, bodyFirstLine: Int)
    }

    private static func locate(in bytes: UnsafeBufferPointer<UInt8>) -> Found {
        let count = bytes.count
        var index = 0
        if count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { index = 3 }
        guard let yamlStart = delimiterLineEnd(bytes, from: index) else { return .none }
        var line = 2
        var lineStart = yamlStart
        while lineStart < count {
            var lineEnd = lineStart
            while lineEnd < count, bytes[lineEnd] != 0x0A { lineEnd += 1 }
            if let next = delimiterLineEnd(bytes, from: lineStart), next >= lineEnd {
                return .closed(yaml: yamlStart..<lineStart, body: min(lineEnd + 1, count), bodyFirstLine: line + 1)
            }
            lineStart = lineEnd + 1
            line += 1
        }
        return .notClosed
    }

    /// When the line at `start` is `---` plus optional spaces or tabs, then CRLF, LF or the end of
    /// the file: the index just after that line. Otherwise nil.
    private static func delimiterLineEnd(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        let count = bytes.count
        guard start + 3 <= count, bytes[start] == 0x2D, bytes[start + 1] == 0x2D, bytes[start + 2] == 0x2D
        else { return nil }
        var index = start + 3
        while index < count, bytes[index] == 0x20 || bytes[index] == 0x09 { index += 1 }
        if index == count { return count }
        if bytes[index] == 0x0A { return index + 1 }
        if bytes[index] == 0x0D, index + 1 < count, bytes[index + 1] == 0x0A { return index + 2 }
        return nil
    }
}
