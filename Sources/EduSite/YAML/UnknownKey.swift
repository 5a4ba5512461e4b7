import Foundation

/// E002 findings: the message, and the "did you mean" hint with the list of expected keys.
enum UnknownKey {
    static func diagnostic(name: String?, at location: SourceLocation, expected: [String], codingPath: [any CodingKey])
        -> Diagnostic
    {
        let path = NodePath.describe(codingPath)
        let place =
            codingPath.isEmpty
            ? Words(vi: "ở cấp ngoài cùng", en: "at the top level") : Words(vi: "trong `\(path)`", en: "in `\(path)`")
        let shown = name.map { Words(verbatim: "`\($0)`") }
            ?? Words(vi: "(một khoá không phải chữ thường)", en: "(a key that is not plain text)")
        var hint = Words(verbatim: "")
        if let name, let suggestion = suggestion(for: name, among: expected) {
            hint = didYouMean(suggestion) + Words(verbatim: " ")
        }
        let keys = expected.map { "`\($0)`" }.joined(separator: ", ")
        hint =
            hint
            + (expected.isEmpty
                ? Words(vi: "ở đây không dùng khoá nào", en: "no keys are expected here")
                : Words(vi: "các khoá được dùng ở đây là \(keys)", en: "the keys allowed here are \(keys)"))
        return Diagnostic(
            .yamlUnknownKey, .error,
            Words(vi: "khoá \(shown.vi) không hợp lệ \(place.vi)", en: "unknown key \(shown.en) \(place.en)"), at: location,
            hint: hint)
    }

    /// "did you mean `landline`?"
    static func didYouMean(_ key: String) -> Words {
        Words(vi: "có phải ý bạn là `\(key)`?", en: "did you mean `\(key)`?")
    }

    /// The known key meant: one `KeySynonyms` lists for the word, else the closest candidate written
    /// without accents (`điện_thoại` is `dien_thoai`): edit distance ≤ 2 (1 for short words,
    /// transpositions count as 1), or one is a prefix of the other.
    static func suggestion(for word: String, among candidates: [String]) -> String? {
        let folded = Self.folded(word)
        if let meant = KeySynonyms.keys(for: folded).first(where: { candidates.contains($0) && $0 != word }) {
            return meant
        }
        let lowered = Array(folded.unicodeScalars)
        var best: (candidate: String, distance: Int)?
        for candidate in candidates where candidate != word {
            let other = Array(Self.folded(candidate).unicodeScalars)
            var distance = editDistance(lowered, other)
            let limit = lowered.count <= 4 ? 1 : 2
            if distance > limit {
                guard lowered.count >= 3, other.starts(with: lowered) || lowered.starts(with: other) else { continue }
                distance = limit + 1
            }
            if best == nil || distance < best!.distance { best = (candidate, distance) }
        }
        return best?.candidate
    }

    /// Lowercase, without accents (`đ` is `d`), words joined by `_`: `Điện thoại` → `dien_thoai`.
    static func folded(_ word: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in word.lowercased().decomposedStringWithCanonicalMapping.unicodeScalars {
            switch scalar.value {
            case 0x0300...0x036F: continue  // combining accents
            case 0x0111: scalars.append("d")  // đ
            case 0x20, 0x2D: scalars.append("_")
            default: scalars.append(scalar)
            }
        }
        return String(scalars)
    }

    /// Optimal string alignment distance (Levenshtein plus adjacent transpositions).
    static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous2 = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], previous2[j - 2] + 1)
                }
            }
            (previous2, previous, current) = (previous, current, previous2)
        }
        return previous[b.count]
    }
}
