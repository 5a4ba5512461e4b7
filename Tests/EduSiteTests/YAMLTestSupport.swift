@testable import EduSite

/// Helpers shared by the YAML and front matter tests.
enum YAMLTest {
    static let path = "site.yaml"

    static func parse(_ text: String, firstLine: Int = 1) throws(DiagnosticError) -> YAMLNode? {
        try YAMLParser.parse(ArraySlice(Array(text.utf8)), path: path, firstLine: firstLine)
    }

    static func decode<T: Decodable>(_ type: T.Type, _ text: String, firstLine: Int = 1) throws(DiagnosticError) -> T {
        guard let node = try parse(text, firstLine: firstLine) else {
            throw DiagnosticError(Diagnostic("E000", .error, "empty", at: nil))
        }
        return try YAMLDecoder().decode(T.self, from: node)
    }

    /// The diagnostics a throwing call produced (empty when it succeeded).
    static func diagnostics(_ body: () throws -> Void) -> [Diagnostic] {
        do {
            try body()
            return []
        } catch let error as DiagnosticError {
            return error.diagnostics
        } catch {
            return [Diagnostic("E999", .error, "not a DiagnosticError: \(error)", at: nil)]
        }
    }

    /// `E003@4:12` for compact assertions on code and location.
    static func summary(_ diagnostics: [Diagnostic]) -> [String] {
        diagnostics.map { "\($0.code)@\($0.location.map { "\($0.line):\($0.column)" } ?? "-")" }
    }
}
