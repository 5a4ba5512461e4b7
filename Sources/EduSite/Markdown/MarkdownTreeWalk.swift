import CCmarkGFM

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// One walk over a parsed cmark tree: collects headings, links and images (applying the rewrite),
/// the first paragraph's text and the word count; then edits the tree for heading ids and table
/// wrappers.
///
/// The edits go through the tree, not the HTML: a heading becomes a custom block holding a custom
/// inline whose enter/exit text is `<h2 id="…">` / `</h2>` (cmark prints these verbatim in safe and
/// unsafe mode alike), so ids stay exact even when raw HTML in the page carries its own `<h2>`.
struct MarkdownTreeWalk {
    struct PendingHeading {
        var node: OpaquePointer
        var level: Int
        var text: [UInt8]
        var line: Int
    }

    /// A link or image as cmark reports it; `MarkdownSourceMap` turns it into file coordinates.
    struct PendingReference {
        var kind: MarkdownReference.Kind
        var destination: String
        /// cmark's body line and byte column (0 when cmark has none, as for extension autolinks).
        var line: Int
        var column: Int
        /// Lines of the innermost block holding it, for the search when cmark's position is missing.
        var blockLines: ClosedRange<Int>
        /// The visible text of an autolink (`www.example.com`, `<https://…>`), nil for `[…](…)` links.
        var autolinkText: [UInt8]?
    }

    private(set) var pendingHeadings: [PendingHeading] = []
    private(set) var tables: [OpaquePointer] = []
    private(set) var references: [PendingReference] = []
    private(set) var wordCount = 0
    private(set) var imageCount = 0
    private var firstParagraph: [UInt8] = []
    private var firstParagraphNode: OpaquePointer?
    private var firstParagraphDone = false
    private var inWord = false

    var firstParagraphText: String {
        String(decoding: firstParagraph, as: UTF8.self).trimmingASCIIWhitespace()
    }

    mutating func run(_ root: OpaquePointer, rewrite: (@Sendable (String, MarkdownReference.Kind) -> String?)?) {
        guard let iterator = cmark_iter_new(root) else { fatalError("cmark_iter_new failed: out of memory") }
        defer { cmark_iter_free(iterator) }
        let tableExtension = CmarkRuntime.tableExtension.pointer
        var heading: PendingHeading?
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard let node = cmark_iter_get_node(iterator) else { continue }
            let entering = event == CMARK_EVENT_ENTER
            let type = cmark_node_get_type(node)
            switch type {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE:
                guard let literal = cmark_node_get_literal(node) else { continue }
                let bytes = UnsafeRawBufferPointer(start: literal, count: strlen(literal))
                countWords(bytes)
                if heading != nil { heading!.text.append(contentsOf: bytes) }
                if capturingParagraph { firstParagraph.append(contentsOf: bytes) }
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                inWord = false
                if heading != nil { heading!.text.append(UInt8(ascii: " ")) }
                if capturingParagraph { firstParagraph.append(UInt8(ascii: " ")) }
            case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
                guard entering else { continue }
                let kind: MarkdownReference.Kind = type == CMARK_NODE_IMAGE ? .image : .link
                if kind == .image { imageCount += 1 }
                collectReference(node, kind: kind, rewrite: rewrite)
            case CMARK_NODE_HEADING:
                inWord = false
                if entering {
                    heading = PendingHeading(
                        node: node, level: Int(cmark_node_get_heading_level(node)), text: [],
                        line: Int(cmark_node_get_start_line(node)))
                } else if let finished = heading {
                    pendingHeadings.append(finished)
                    heading = nil
                }
            case CMARK_NODE_PARAGRAPH:
                inWord = false
                if entering, firstParagraphNode == nil {
                    firstParagraphNode = node
                } else if !entering, node == firstParagraphNode {
                    firstParagraphDone = true
                }
            default:
                if Self.isBlock(type) {
                    inWord = false
                    if entering, cmark_node_get_syntax_extension(node) == tableExtension,
                        cmark_node_get_syntax_extension(cmark_node_parent(node)) != tableExtension
                    {
                        tables.append(node)
                    }
                }
            }
        }
    }

    private var capturingParagraph: Bool { firstParagraphNode != nil && !firstParagraphDone }

    private static func isBlock(_ type: cmark_node_type) -> Bool {
        type.rawValue & UInt32(CMARK_NODE_TYPE_MASK) == UInt32(CMARK_NODE_TYPE_BLOCK)
    }

    private static let httpPrefix = Array("http://".utf8)
    private static let mailtoPrefix = Array("mailto:".utf8)

    /// Words are runs of bytes other than ASCII space, tab and line breaks (0x09–0x0D).
    ///
    /// Every text byte of every page passes here. Spaces come every few bytes, too often for branch
    /// prediction, so the loop is arithmetic on 0/1 values (the compiler emits no jumps for it) with
    /// its state in locals.
    private mutating func countWords(_ bytes: UnsafeRawBufferPointer) {
        var inWord = self.inWord ? 1 : 0
        var words = 0
        for byte in bytes {
            let space = (byte == 0x20 ? 1 : 0) | (byte &- 0x09 < 5 ? 1 : 0)
            words &+= (space ^ 1) & (inWord ^ 1)
            inWord = space ^ 1
        }
        self.inWord = inWord == 1
        wordCount += words
    }

    private mutating func collectReference(
        _ node: OpaquePointer,
        kind: MarkdownReference.Kind,
        rewrite: (@Sendable (String, MarkdownReference.Kind) -> String?)?
    ) {
        let url = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
        var autolinkText: [UInt8]?
        if kind == .link, let child = cmark_node_first_child(node), cmark_node_next(child) == nil,
            cmark_node_get_type(child) == CMARK_NODE_TEXT, let literal = cmark_node_get_literal(child)
        {
            let text = String(cString: literal)
            // `url == "http://" + text` can only hold when `url` starts with the bytes `http://` (ASCII
            // has no other canonical form), so most links skip building the two concatenations.
            if url == text || (url.utf8.starts(with: Self.httpPrefix) && url == "http://" + text)
                || (url.utf8.starts(with: Self.mailtoPrefix) && url == "mailto:" + text)
            {
                autolinkText = Array(text.utf8)
            }
        }
        var block = cmark_node_parent(node)
        while let current = block, !Self.isBlock(cmark_node_get_type(current)) { block = cmark_node_parent(current) }
        let blockStart = block.map { Int(cmark_node_get_start_line($0)) } ?? 0
        let blockEnd = block.map { Int(cmark_node_get_end_line($0)) } ?? 0
        references.append(
            PendingReference(
                kind: kind,
                destination: url,
                line: Int(cmark_node_get_start_line(node)),
                column: Int(cmark_node_get_start_column(node)),
                blockLines: max(1, blockStart)...max(1, blockStart, blockEnd),
                autolinkText: autolinkText))
        if let rewrite, let replacement = rewrite(url, kind), replacement != url {
            _ = cmark_node_set_url(node, replacement)
        }
    }

    /// Ids for the collected headings: slug, `muc` if empty, `-1`, `-2` … for repeats.
    func makeHeadings(firstLine: Int) -> [MarkdownHeading] {
        var used: Set<String> = []
        var result: [MarkdownHeading] = []
        result.reserveCapacity(pendingHeadings.count)
        for pending in pendingHeadings {
            let text = String(decoding: pending.text, as: UTF8.self).trimmingASCIIWhitespace()
            var base = Slug.make(text)
            if base.isEmpty { base = "muc" }
            var id = base
            var suffix = 0
            while used.contains(id) {
                suffix += 1
                id = "\(base)-\(suffix)"
            }
            used.insert(id)
            result.append(MarkdownHeading(level: pending.level, text: text, id: id, line: pending.line + firstLine - 1))
        }
        return result
    }

    static let tableOpen = #"<div class="table-scroll" role="region" aria-label="Bảng" tabindex="0">"#

    /// Rewrites headings to carry their ids and wraps tables in a scroll region. Returns the heading
    /// nodes taken out of the tree; free them after rendering (their text is still referenced).
    func wrapHeadingsAndTables(ids: [String]) -> [OpaquePointer] {
        var detached: [OpaquePointer] = []
        detached.reserveCapacity(pendingHeadings.count)
        for (pending, id) in zip(pendingHeadings, ids) {
            guard let block = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK),
                let inline = cmark_node_new(CMARK_NODE_CUSTOM_INLINE)
            else { fatalError("cmark_node_new failed: out of memory") }
            _ = cmark_node_set_on_enter(inline, "<h\(pending.level) id=\"\(id)\">")
            _ = cmark_node_set_on_exit(inline, "</h\(pending.level)>")
            while let child = cmark_node_first_child(pending.node) {
                cmark_node_unlink(child)
                _ = cmark_node_append_child(inline, child)
            }
            _ = cmark_node_append_child(block, inline)
            _ = cmark_node_replace(pending.node, block)
            detached.append(pending.node)
        }
        for table in tables {
            guard let block = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK) else {
                fatalError("cmark_node_new failed: out of memory")
            }
            _ = cmark_node_set_on_enter(block, Self.tableOpen)
            _ = cmark_node_set_on_exit(block, "</div>")
            _ = cmark_node_replace(table, block)
            _ = cmark_node_append_child(block, table)
        }
        return detached
    }
}
