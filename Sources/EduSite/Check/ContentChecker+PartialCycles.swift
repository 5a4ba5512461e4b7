/// Templates that include themselves: `{{> a}}` in `a`, or `a` → `b` → `a`. Rendering one would never
/// end (the renderer stops at `TemplateRenderer.maxPartialDepth` levels, with a page cut short).
extension ContentChecker {
    func partialCycles(_ templates: [ThemeFiles.Template]) -> [Diagnostic] {
        // The last template of a name wins, as in the renderer's library.
        var textByName: [String: ThemeFiles.Template] = [:]
        for template in templates { textByName[template.name] = template }
        let tags = textByName.mapValues { TemplateTags.partials(in: $0.text) }
        var diagnostics: [Diagnostic] = []
        for name in textByName.keys.sorted() {
            guard let template = textByName[name], let path = Self.pathBack(to: name, tags: tags) else { continue }
            let first = path[0]
            let loop = ([name] + path.map(\.name)).map { "`\($0)`" }.joined(separator: " → ")
            diagnostics.append(
                Diagnostic(
                    .partialCycle, .error,
                    Words(
                        vi: "mẫu giao diện `\(name)` tự chèn chính nó (\(loop)), nên sẽ được dựng đi dựng lại không dừng",
                        en: "the template `\(name)` includes itself (\(loop)), so it would be rendered again and again without end"),
                    at: SourceLocation(path: template.displaySource, line: first.line, column: first.column),
                    hint: Words(
                        vi: "xoá thẻ `{{> \(first.name)}}` ở đây, hoặc thẻ dẫn ngược về `\(name)`",
                        en: "remove the `{{> \(first.name)}}` tag here, or the tag that leads back to `\(name)`")))
        }
        return diagnostics
    }

    /// The tags leading from `start` back to itself (the first tag is in `start`), breadth first so
    /// the shortest loop is named; nil when there is none. Iterative: a theme's chain may be long.
    private static func pathBack(to start: String, tags: [String: [TemplateTags.Tag]]) -> [TemplateTags.Tag]? {
        var cameFrom: [String: (from: String, tag: TemplateTags.Tag)] = [:]
        var queue = [start]
        var next = 0
        while next < queue.count {
            let current = queue[next]
            next += 1
            for tag in tags[current] ?? [] where tags[tag.name] != nil {
                if tag.name == start {
                    var path = [tag]
                    var at = current
                    while at != start, let step = cameFrom[at] {
                        path.insert(step.tag, at: 0)
                        at = step.from
                    }
                    return path
                }
                if cameFrom[tag.name] == nil {
                    cameFrom[tag.name] = (current, tag)
                    queue.append(tag.name)
                }
            }
        }
        return nil
    }
}
