/// A problem the user can fix, as data: the checker and loaders produce these, the CLI prints them.
///
/// Codes are declared per module in `<Module>Diagnostics.swift` so that tests assert codes and
/// locations, never message text.
public struct Diagnostic: Sendable, Hashable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable, Comparable, Codable {
        case error, warning

        public static func < (lhs: Severity, rhs: Severity) -> Bool {
            lhs == .error && rhs == .warning
        }
    }

    public var code: DiagnosticCode
    public var severity: Severity
    /// What is wrong, in words an IT teacher understands, in both languages.
    public var message: Words
    public var location: SourceLocation?
    /// How to fix it.
    public var hint: Words?
    /// Further places that take part (e.g. the other page with the same URL).
    public var related: [SourceLocation]
    /// The rule that asks for this (manifest requirement id), when there is one.
    public var rule: String?

    public init(
        _ code: DiagnosticCode,
        _ severity: Severity = .error,
        _ message: Words,
        at location: SourceLocation?,
        hint: Words? = nil,
        related: [SourceLocation] = [],
        rule: String? = nil
    ) {
        self.code = code
        self.severity = severity
        self.message = message
        self.location = location
        self.hint = hint
        self.related = related
        self.rule = rule
    }

    /// The finding as `DiagnosticText` prints it, in English: for logs and test failures.
    public var description: String { DiagnosticText.format(self, in: .en) }
}

/// A stable identifier of a kind of finding, e.g. `E101`.
public struct DiagnosticCode: RawRepresentable, Hashable, Sendable, Comparable, ExpressibleByStringLiteral,
    CustomStringConvertible
{
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }
    public var description: String { rawValue }
    public static func < (lhs: DiagnosticCode, rhs: DiagnosticCode) -> Bool { lhs.rawValue < rhs.rawValue }
}

extension Array where Element == Diagnostic {
    public var hasErrors: Bool { contains { $0.severity == .error } }
    public var errorCount: Int { count { $0.severity == .error } }
    public var warningCount: Int { count { $0.severity == .warning } }

    /// Stable order for output: by file, line, column, then code.
    public func sortedForOutput() -> [Diagnostic] {
        sorted {
            let l = $0.location ?? SourceLocation(path: "", line: 0, column: 0)
            let r = $1.location ?? SourceLocation(path: "", line: 0, column: 0)
            if l != r { return l < r }
            return $0.code < $1.code
        }
    }
}

/// Thrown where a stage cannot go on; carries the user-facing findings.
public struct DiagnosticError: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]
    public init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }
    public init(_ diagnostic: Diagnostic) { self.diagnostics = [diagnostic] }
    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
