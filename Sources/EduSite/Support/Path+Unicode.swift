import Foundation

extension Path {
    /// The path in Unicode NFC. macOS writes file names decomposed (NFD); the web and every other
    /// system expect composed names, so output paths are always NFC.
    public static func nfc(_ path: String) -> String {
        guard !path.utf8.allSatisfy({ $0 < 0x80 }) else { return path }
        return path.precomposedStringWithCanonicalMapping
    }
}
