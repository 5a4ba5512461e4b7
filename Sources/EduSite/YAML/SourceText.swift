/// The bytes of a YAML text and where they sit in their file: converts libyaml marks and byte
/// offsets to file coordinates, and reads the characters around a problem for messages.
struct SourceText {
    let bytes: ArraySlice<UInt8>
    let path: String
    /// File line of the first byte.
    let firstLine: Int

    /// libyaml marks are 0-based and count characters (code points) per line, as editors do.
    func location(line0: Int = 0, column0: Int = 0) -> SourceLocation {
        SourceLocation(path: path, line: line0 + firstLine, column: column0 + 1)
    }

    /// The location of a byte, counting characters (not bytes) on its line.
    func location(ofByteOffset offset: Int) -> SourceLocation {
        var line = 0
        var column = 0
        var index = bytes.startIndex
        let end = min(bytes.startIndex + offset, bytes.endIndex)
        while index < end {
            let byte = bytes[index]
            if byte == 0x0A || (byte == 0x0D && (index + 1 == bytes.endIndex || bytes[index + 1] != 0x0A)) {
                line += 1
                column = 0
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
            index += 1
        }
        return location(line0: line, column0: column)
    }

    /// The text of a 0-based line, without its line break.
    func line(_ line0: Int) -> Substring.UTF8View {
        var line = 0
        var start = bytes.startIndex
        var index = bytes.startIndex
        while index < bytes.endIndex, line < line0 {
            if bytes[index] == 0x0A { line += 1; start = index + 1 }
            index += 1
        }
        guard line == line0 else { return Substring("").utf8 }
        var end = start
        while end < bytes.endIndex, bytes[end] != 0x0A, bytes[end] != 0x0D { end += 1 }
        return Substring(decoding: bytes[start..<end], as: UTF8.self).utf8
    }

    /// The code points of a 0-based line (libyaml's columns count these).
    func scalars(ofLine line0: Int) -> [Unicode.Scalar] {
        Array(String(Substring(line(line0))).unicodeScalars)
    }

    /// The character at a libyaml mark, nil at the end of a line or of the text.
    func character(line0: Int, column0: Int) -> Character? {
        let unicodeScalars = scalars(ofLine: line0)
        guard column0 < unicodeScalars.count else { return nil }
        return Character(unicodeScalars[column0])
    }

    func notUTF8(atOffset offset: Int) -> Diagnostic {
        let byte = bytes[bytes.startIndex + offset]
        let hex = String(byte, radix: 16, uppercase: true)
        let shown = hex.count == 1 ? "0" + hex : hex
        return Diagnostic(
            .yamlNotUTF8, .error,
            Words(
                vi: "tệp này không được lưu dạng chữ UTF-8: byte 0x\(shown) ở đây không phải một ký tự hợp lệ",
                en: "this file is not saved as UTF-8 text: the byte 0x\(shown) here is not a valid character"),
            at: location(ofByteOffset: offset),
            hint: Words(
                vi: "mở tệp trong trình soạn thảo và lưu lại với bảng mã \"UTF-8\" (có lẽ tệp đã được lưu bằng Windows-1258 hoặc một bảng mã cũ khác)",
                en: "open the file in your editor and save it again with the encoding \"UTF-8\" (it was probably saved as Windows-1258 or another old encoding)"))
    }
}
