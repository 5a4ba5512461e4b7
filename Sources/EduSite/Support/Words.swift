/// The language of every message an IT teacher reads (findings, hints, the command line's own
/// lines, the serve overlay). What the site's readers see is the theme's, always Vietnamese.
public enum Language: String, Sendable, Hashable, CaseIterable {
    case vi, en

    /// `--lang`, else `EDUSITE_LANG`, else the locale (`LC_ALL`, then `LC_MESSAGES`, then `LANG`,
    /// as POSIX ranks them: the first one set decides), else Vietnamese.
    public static func resolve(flag: Language?, environment: [String: String]) -> Language {
        if let flag { return flag }
        if let chosen = environment["EDUSITE_LANG"].flatMap(Language.init(localeName:)) { return chosen }
        for name in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            guard let value = environment[name], !value.isEmpty else { continue }
            return Language(localeName: value) ?? .vi
        }
        return .vi
    }

    /// `vi`, `vi_VN.UTF-8`, `en_US` …; nil for any other language (`C`, `fr_FR`).
    public init?(localeName: String) {
        let lowered = localeName.lowercased()
        if lowered.hasPrefix("vi") { self = .vi } else if lowered.hasPrefix("en") { self = .en } else { return nil }
    }
}

/// One message in both languages, written side by side where the message is made, so that no
/// message can lack a translation: `Words(vi: "tệp không đọc được", en: "the file cannot be read")`.
public struct Words: Sendable, Hashable, CustomStringConvertible {
    public var vi: String
    public var en: String

    public init(vi: String, en: String) {
        self.vi = vi
        self.en = en
    }

    /// The same text in both languages: for what is not words (a path, a number, the user's own text).
    public init(verbatim text: String) {
        self.init(vi: text, en: text)
    }

    public func text(_ language: Language) -> String {
        switch language {
        case .vi: vi
        case .en: en
        }
    }

    /// English, for debugging output and test failure messages; users see `text(_:)`.
    public var description: String { en }

    /// Each language's text followed by the other's in the same language.
    public static func + (lhs: Words, rhs: Words) -> Words {
        Words(vi: lhs.vi + rhs.vi, en: lhs.en + rhs.en)
    }

    /// The parts one after another, `separator` between them, language by language.
    public static func joined(_ parts: [Words], separator: Words) -> Words {
        Words(
            vi: parts.map(\.vi).joined(separator: separator.vi), en: parts.map(\.en).joined(separator: separator.en))
    }
}
