#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Turns cmark's positions of links and images into file coordinates.
///
/// cmark-gfm 0.29.0.gfm.6 reports block lines exactly but inline positions only roughly: bare autolinks
/// (`https://…`, `foo@bar.com`) have none, `www.` autolinks start one column early, angle autolinks
/// and links on the continuation lines of an indented paragraph are shifted. So each position is
/// checked against the source: if the bytes there do not open the link (`[`, `![`, `<url`, or the
/// autolink text), the nearest opener on that line (or, without a line, in the enclosing block) is
/// taken, never going back before the previous reference.
struct MarkdownSourceMap {
    /// The body, indexed from 0 (a slice rebased, not a copy).
    private let bytes: Bytes
    /// Byte offset where each line starts; `lineStarts[0]` is body line 1.
    private let lineStarts: [Int]

    /// The body's bytes with offsets from 0, sharing the file's storage.
    private struct Bytes {
        let slice: ArraySlice<UInt8>
        var count: Int { slice.count }
        subscript(offset: Int) -> UInt8 { slice[slice.startIndex + offset] }
        subscript(range: Range<Int>) -> ArraySlice<UInt8> {
            slice[(slice.startIndex + range.lowerBound)..<(slice.startIndex + range.upperBound)]
        }
    }

    init(_ body: ArraySlice<UInt8>) {
        bytes = Bytes(slice: body)
        lineStarts = body.withUnsafeBufferPointer { buffer in
            var starts = [0]
            guard let base = buffer.baseAddress, buffer.count > 0 else { return starts }
            let count = buffer.count
            if memchr(base, 0x0D, count) == nil {
                // Only LF line ends (the usual case): `memchr` jumps from one to the next.
                var index = 0
                while index < count, let found = memchr(base + index, 0x0A, count - index) {
                    index = base.distance(to: found.assumingMemoryBound(to: UInt8.self)) + 1
                    starts.append(index)
                }
                return starts
            }
            var index = 0
            while index < count {
                let byte = buffer[index]
                if byte == 0x0A || (byte == 0x0D && (index + 1 == count || buffer[index + 1] != 0x0A)) {
                    starts.append(index + 1)
                }
                index += 1
            }
            return starts
        }
    }

    private var lineCount: Int { lineStarts.count }

    /// Byte range of body line `line` (1-based), without its line ending.
    private func range(ofLine line: Int) -> Range<Int> {
        let start = lineStarts[line - 1]
        var end = line < lineStarts.count ? lineStarts[line] : bytes.count
        while end > start, bytes[end - 1] == 0x0A || bytes[end - 1] == 0x0D { end -= 1 }
        return start..<end
    }

    private struct Position: Comparable {
        var line: Int
        var column: Int  // bytes, 1-based
        static func < (lhs: Position, rhs: Position) -> Bool { (lhs.line, lhs.column) < (rhs.line, rhs.column) }
    }

    func locate(_ pending: [MarkdownTreeWalk.PendingReference], path: String, firstLine: Int) -> [MarkdownReference] {
        var floor = Position(line: 1, column: 1)
        return pending.map { reference in
            let found = position(of: reference, after: floor)
            floor = Position(line: found.line, column: found.column + 1)
            return MarkdownReference(
                kind: reference.kind,
                destination: reference.destination,
                location: SourceLocation(
                    path: path, line: found.line + firstLine - 1, column: scalarColumn(found)))
        }
    }

    private static let imageNeedles = [Array("![".utf8)]
    private static let linkNeedles = [[UInt8(ascii: "[")]]

    private func needles(for reference: MarkdownTreeWalk.PendingReference) -> [[UInt8]] {
        switch (reference.kind, reference.autolinkText) {
        case (.image, _): return Self.imageNeedles
        case (.link, let text?): return [[UInt8(ascii: "<")] + text, text, [UInt8(ascii: "[")]]
        case (.link, nil): return Self.linkNeedles
        }
    }

    private func position(of reference: MarkdownTreeWalk.PendingReference, after floor: Position) -> Position {
        let needles = needles(for: reference)
        let reported = Position(line: reference.line, column: reference.column)
        let hasLine = reported.line >= 1 && reported.line <= lineCount
        if hasLine, reported.column >= 1, needles.contains(where: { matches($0, at: reported) }) {
            return reported
        }
        let lines = hasLine ? reported.line...reported.line : clamped(reference.blockLines)
        for needle in needles {
            let candidates = occurrences(of: needle, in: lines)
            let ordered = candidates.filter { $0 >= floor }
            let pool = ordered.isEmpty ? candidates : ordered
            guard !pool.isEmpty else { continue }
            if hasLine {
                return pool.min { abs($0.column - reported.column) < abs($1.column - reported.column) }!
            }
            return pool[0]
        }
        return hasLine ? Position(line: reported.line, column: max(1, reported.column))
            : Position(line: lines.lowerBound, column: 1)
    }

    private func clamped(_ lines: ClosedRange<Int>) -> ClosedRange<Int> {
        let lower = min(max(1, lines.lowerBound), lineCount)
        return lower...min(max(lower, lines.upperBound), lineCount)
    }

    private func matches(_ needle: [UInt8], at position: Position) -> Bool {
        let line = range(ofLine: position.line)
        let start = line.lowerBound + position.column - 1
        guard start + needle.count <= line.upperBound else { return false }
        return bytes[start..<start + needle.count].elementsEqual(needle)
    }

    private func occurrences(of needle: [UInt8], in lines: ClosedRange<Int>) -> [Position] {
        var found: [Position] = []
        for line in lines {
            let range = range(ofLine: line)
            var index = range.lowerBound
            while index + needle.count <= range.upperBound {
                if bytes[index] == needle[0], bytes[index..<index + needle.count].elementsEqual(needle) {
                    found.append(Position(line: line, column: index - range.lowerBound + 1))
                }
                index += 1
            }
        }
        return found
    }

    /// The 1-based column counted in Unicode scalars (UTF-8 lead bytes) rather than bytes.
    private func scalarColumn(_ position: Position) -> Int {
        guard position.line >= 1, position.line <= lineCount else { return position.column }
        let line = range(ofLine: position.line)
        let end = min(line.lowerBound + position.column - 1, line.upperBound)
        return bytes[line.lowerBound..<end].withUnsafeBufferPointer { lineBytes in
            var column = 1
            for byte in lineBytes where byte & 0xC0 != 0x80 { column += 1 }
            return column
        }
    }
}
