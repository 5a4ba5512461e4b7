/// Puts a page's body HTML into its rendered file by position, and remembers where, so that a later
/// build in which only that body changed can put the new body in the same place without the rest of
/// the site (see `QuickRebuild`).
///
/// The page is rendered once with `text` in place of its body, and the marker is then replaced by the
/// body. That gives the bytes rendering with the body gives whenever the template writes the marker
/// exactly once, unescaped, as it would write the body:
/// - a template reads a string only to write it (escaped or raw) or to test it, and the marker and
///   the body are both non-empty, so every test goes the same way;
/// - the marker's inner token occurs once: a second write, or an escaped one (`&lt;…`), would show
///   a second token, and then the page is rendered with its body instead;
/// - indentation is added only before a step's output that follows a newline: marker and body both
///   end with one `\n` (not `\r\n`), so what follows them is indented alike.
enum BodyMarker {
    /// Unique per process, so that no content or template can contain it by chance.
    static let text: String = "<" + token + ">\n"
    private static let token: String = {
        let nonce = String(UInt64.random(in: .min ... .max), radix: 16)
        return "\u{1}edusite-body-\(nonce)\u{1}"
    }()
    private static let tokenBytes = Array(token.utf8)

    /// Whether a body can take the marker's place: non-empty, ending with one `\n` as the marker does.
    static func canStandIn(for body: [UInt8]) -> Bool {
        guard body.count >= 2, body.last == UInt8(ascii: "\n") else { return false }
        return body.dropLast().last != UInt8(ascii: "\r")
    }

    /// Where the marker was written, when it was written exactly once and unescaped.
    static func offset(in output: [UInt8]) -> Int? {
        output.withUnsafeBufferPointer { output in
            tokenBytes.withUnsafeBufferPointer { token -> Int? in
                guard let found = ByteSearch.firstOffset(of: token, in: output, from: 0), found > 0,
                    ByteSearch.firstOffset(of: token, in: output, from: found + 1) == nil,
                    output[found - 1] == UInt8(ascii: "<"), found + token.count + 2 <= output.count,
                    output[found + token.count] == UInt8(ascii: ">"), output[found + token.count + 1] == UInt8(ascii: "\n")
                else { return nil }
                return found - 1
            }
        }
    }

    static let byteCount = text.utf8.count

    /// `output` with the bytes in `range` (the marker, or an earlier body) replaced by `body`.
    static func splice(_ body: [UInt8], into output: [UInt8], replacing range: Range<Int>) -> [UInt8] {
        var spliced: [UInt8] = []
        spliced.reserveCapacity(output.count - range.count + body.count)
        spliced += output[..<range.lowerBound]
        spliced += body
        spliced += output[range.upperBound...]
        return spliced
    }
}
