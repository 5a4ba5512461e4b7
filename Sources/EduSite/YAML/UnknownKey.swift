/// E002 findings: the message, and the "did you mean" hint with the list of expected keys.
enum UnknownKey {
    static func diagnostic(name: String?, at location: SourceLocation, expected: [String], codingPath: [any CodingKey])
        -> Diagnostic
    {
        let place = codingPath.isEmpty ? "at the top level" : "in `\(NodePath.describe(codingPath))`"
        let shown = name.map { "`\($0)`" } ?? "(a key that is not plain text)"
        var hint = ""
        if let name, let suggestion = suggestion(for: name, among: expected) {
            hint = "did you mean `\(suggestion)`? "
        }
        if expected.isEmpty {
            hint += "no keys are expected here"
        } else {
            hint += "the keys allowed here are " + expected.map { "`\($0)`" }.joined(separator: ", ")
        }
        return Diagnostic(.yamlUnknownKey, .error, "unknown key \(shown) \(place)", at: location, hint: hint)
    }

    /// The closest candidate: edit distance ≤ 2 (1 for short words, transpositions count as 1),
    /// or one is a prefix of the other.
    static func suggestion(for word: String, among candidates: [String]) -> String? {
        let lowered = Array(word.lowercased().unicodeScalars)
        var best: (candidate: String, distance: Int)?
        for candidate in candidates where candidate != word {
            let other = Array(candidate.lowercased().unicodeScalars)
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
