import CCmarkGFM

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// GitHub-flavoured Markdown to HTML with cmark-gfm, plus what the checker needs (headings, links, words).
///
/// One pass: parse (under the process-wide lock, see `CmarkRuntime`), one walk over the tree that
/// collects headings, references and text and applies `rewrite`, a few tree edits (heading ids,
/// table wrappers), then one render and one copy of cmark's buffer.
public struct MarkdownRenderer: Sendable {
    /// What the process-wide lock covers. Only `.parse` is meant for use; the others exist so that a
    /// test can measure what the lock costs and show that parsing without it loses formatting.
    enum LockScope: Sendable { case parse, parseAndRender, none }

    public var options: MarkdownOptions
    var lockScope: LockScope = .parse

    public init(options: MarkdownOptions) {
        self.options = options
    }

    var cmarkOptions: Int32 {
        var value = CMARK_OPT_DEFAULT | CMARK_OPT_FOOTNOTES
        if options.unsafe { value |= CMARK_OPT_UNSAFE }
        return Int32(value)
    }

    /// `firstLine`: file line where `body` starts (after front matter). `rewrite` maps a link/image
    /// destination as written to the URL to emit (nil = keep); used to turn relative paths into site URLs.
    public func render(
        _ body: ArraySlice<UInt8>,
        path: String,
        firstLine: Int,
        rewrite: (@Sendable (String, MarkdownReference.Kind) -> String?)? = nil
    ) -> MarkdownDocument {
        let root = parse(body)
        defer { cmark_node_free(root) }

        var walk = MarkdownTreeWalk()
        walk.run(root, rewrite: rewrite)
        let headings = walk.makeHeadings(firstLine: firstLine)
        // Heading nodes are unlinked from the tree but still own the text their former children point
        // into, so they are freed only after rendering.
        let detached = walk.wrapHeadingsAndTables(ids: headings.map(\.id))
        defer { detached.forEach { cmark_node_free($0) } }

        let html: [UInt8]
        if lockScope == .parseAndRender {
            html = CmarkRuntime.parseLock.withLock { _ in renderHTML(root, lazyImages: walk.imageCount > 0) }
        } else {
            html = renderHTML(root, lazyImages: walk.imageCount > 0)
        }

        let references = walk.references.isEmpty
            ? [] : MarkdownSourceMap(body).locate(walk.references, path: path, firstLine: firstLine)
        return MarkdownDocument(
            htmlBytes: html,
            headings: headings,
            references: references,
            firstParagraphText: walk.firstParagraphText,
            wordCount: walk.wordCount
        )
    }

    /// Parses under the process-wide lock; the caller frees the returned document.
    private func parse(_ body: ArraySlice<UInt8>) -> OpaquePointer {
        let extensions = CmarkRuntime.extensions
        let options = cmarkOptions
        let work = { () -> OpaquePointer in
            guard let parser = cmark_parser_new(options) else { fatalError("cmark_parser_new failed: out of memory") }
            defer { cmark_parser_free(parser) }
            for handle in extensions { cmark_parser_attach_syntax_extension(parser, handle.pointer) }
            body.withUnsafeBytes { bytes in
                guard let base = bytes.baseAddress, bytes.count > 0 else { return }
                cmark_parser_feed(parser, base.assumingMemoryBound(to: CChar.self), bytes.count)
            }
            guard let root = cmark_parser_finish(parser) else { fatalError("cmark_parser_finish failed: out of memory") }
            return root
        }
        if lockScope == .none { return work() }
        return CmarkRuntime.parseLock.withLock { _ in Handle(work()) }.pointer
    }

    /// `@unchecked Sendable`: carries a freshly parsed tree out of the lock to the one thread that owns it.
    private struct Handle: @unchecked Sendable {
        let pointer: OpaquePointer
        init(_ pointer: OpaquePointer) { self.pointer = pointer }
    }

    /// Renders and copies cmark's buffer once; adds `loading="lazy"` to images on the way.
    private func renderHTML(_ root: OpaquePointer, lazyImages: Bool) -> [UInt8] {
        guard let rendered = cmark_render_html(root, cmarkOptions, CmarkRuntime.extensionList.pointer) else {
            fatalError("cmark_render_html failed: out of memory")
        }
        defer { cmark_get_default_mem_allocator().pointee.free(rendered) }
        let bytes = UnsafeRawBufferPointer(start: rendered, count: strlen(rendered)).bindMemory(to: UInt8.self)
        if lazyImages { return Self.insertingLazyLoading(bytes) }
        return Array(bytes)
    }

    static let lazyAttribute = Array(#"loading="lazy" "#.utf8)

    /// `<img src=…` → `<img loading="lazy" src=…`. cmark writes every image as `<img src="`; text never
    /// contains a raw `<`, so in safe mode only images match. In unsafe mode raw `<img ` tags get the
    /// attribute too, which is what we want for them as well.
    static func insertingLazyLoading(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var starts: [Int] = []
        var index = 0
        let count = bytes.count
        while index + 4 < count {
            if bytes[index] == UInt8(ascii: "<"), bytes[index + 1] == UInt8(ascii: "i"),
                bytes[index + 2] == UInt8(ascii: "m"), bytes[index + 3] == UInt8(ascii: "g"),
                bytes[index + 4] == UInt8(ascii: " ")
            {
                starts.append(index + 5)
                index += 5
            } else {
                index += 1
            }
        }
        if starts.isEmpty { return Array(bytes) }
        let capacity = count + starts.count * lazyAttribute.count
        return [UInt8](unsafeUninitializedCapacity: capacity) { out, initialized in
            var written = 0
            var copied = 0
            for insertAt in starts + [count] {
                let segment = UnsafeBufferPointer(rebasing: bytes[copied..<insertAt])
                _ = UnsafeMutableBufferPointer(rebasing: out[written...]).initialize(from: segment)
                written += segment.count
                copied = insertAt
                if insertAt < count {
                    for byte in lazyAttribute {
                        out[written] = byte
                        written += 1
                    }
                }
            }
            initialized = written
        }
    }
}
