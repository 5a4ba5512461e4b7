import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// A small element tree of an upstream XML document, read with Foundation's `XMLParser` after the
/// bytes were transcoded to UTF-8 and made safe: no DTD entities, no external entities, bounded size.
final class FeedXMLElement {
    enum Child {
        case text(String)
        case element(FeedXMLElement)
    }

    let name: String
    let namespace: String
    let attributes: [String: String]
    var children: [Child] = []
    weak var parent: FeedXMLElement?

    init(name: String, namespace: String, attributes: [String: String]) {
        self.name = name
        self.namespace = namespace
        self.attributes = attributes
    }

    var elements: [FeedXMLElement] {
        children.compactMap { if case .element(let e) = $0 { e } else { nil } }
    }

    /// The direct text (and CDATA) of this element.
    var text: String {
        children.reduce(into: "") { if case .text(let t) = $1 { $0 += t } }
    }

    /// All text below this element in document order, skipping code (`<script>`, `<style>`); a block
    /// element (`<p>`, `<br/>`) keeps the words on its two sides apart, an inline one (`<b>`) does not.
    var innerText: String {
        children.reduce(into: "") { result, child in
            switch child {
            case .text(let t): result += t
            case .element(let e) where FeedText.codeElements.contains(e.name): break
            case .element(let e) where FeedText.blockTags.contains(e.name): result += " " + e.innerText + " "
            case .element(let e): result += e.innerText
            }
        }
    }

    /// An attribute by local name, whatever prefix it was written with.
    func attribute(_ local: String) -> String? {
        if let value = attributes[local] { return value }
        return attributes.first { $0.key.hasSuffix(":" + local) }?.value
    }

    func children(_ local: String, in namespaces: Set<String>) -> [FeedXMLElement] {
        elements.filter { $0.name == local && namespaces.contains($0.namespace) }
    }

    func first(_ local: String, in namespaces: Set<String>) -> FeedXMLElement? {
        for case .element(let e) in children where e.name == local && namespaces.contains(e.namespace) { return e }
        return nil
    }

    /// The base URL in force here: `xml:base` on this element and its ancestors, resolved against `document`.
    func base(document: String) -> String {
        var chain: [String] = []
        var node: FeedXMLElement? = self
        while let current = node {
            if let base = current.attributes["xml:base"] { chain.append(base) }
            node = current.parent
        }
        var base = document
        for relative in chain.reversed() {
            if let resolved = URL(string: relative, relativeTo: URL(string: base))?.absoluteURL.absoluteString {
                base = resolved
            }
        }
        return base
    }
}

enum FeedXMLDocument {
    struct Limits {
        var maxDepth = 128
        var maxElements = 200_000
        var maxTextBytes = 32 << 20
    }

    /// Parses the bytes (any encoding) into a tree. A document that declares entities is refused unread.
    static func parse(
        _ bytes: [UInt8], httpCharset: String?, limits: Limits = Limits()
    ) throws(FeedParseError) -> FeedXMLElement {
        let declared = FeedTextEncoding.xmlDeclaredEncoding(bytes)
        let text = FeedTextEncoding.decode(bytes, declared: declared, httpCharset: httpCharset).text
        let prepared = FeedXMLPreparation.prepare(text)
        guard prepared.contains(where: { $0 == UInt8(ascii: "<") }) else { throw .empty }
        if FeedXMLPreparation.declaresEntities(prepared) { throw .entityDeclarations }
        return try parseUTF8(prepared, limits: limits)
    }

    /// `XMLParser` over UTF-8 bytes as they are, with our settings: namespaces processed, external
    /// entities never resolved, size limits enforced by the delegate. Tests call it directly to show
    /// what the parser does with hostile DTDs that `parse` refuses before getting here.
    static func parseUTF8(_ bytes: [UInt8], limits: Limits = Limits()) throws(FeedParseError) -> FeedXMLElement {
        let parser = XMLParser(data: Data(bytes))
        parser.shouldProcessNamespaces = true
        parser.shouldReportNamespacePrefixes = false
        parser.shouldResolveExternalEntities = false
        let builder = TreeBuilder(limits: limits)
        parser.delegate = builder
        let ok = parser.parse()
        if builder.exceeded { throw .tooLarge }
        // On Linux, `parse()` can return true after a fatal error (e.g. a truncated document): trust the error.
        let code = builder.firstErrorCode ?? (parser.parserError as NSError?)?.code
        if let code { throw .malformedXML(code: code, line: builder.errorLine ?? parser.lineNumber) }
        guard ok, let root = builder.root else { throw .empty }
        return root
    }

    private final class TreeBuilder: NSObject, XMLParserDelegate {
        let limits: Limits
        var root: FeedXMLElement?
        var stack: [FeedXMLElement] = []
        var elementCount = 0
        var textBytes = 0
        var exceeded = false
        var firstErrorCode: Int?
        var errorLine: Int?
        /// Text arrives in pieces (split at every entity): gathered here, attached once per run.
        var pendingText = ""

        init(limits: Limits) { self.limits = limits }

        func parser(
            _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName qName: String?,
            attributes attributeDict: [String: String] = [:]
        ) {
            elementCount += 1
            if elementCount > limits.maxElements || stack.count >= limits.maxDepth { return stop(parser) }
            flushText()
            let local = elementName.split(separator: ":").last.map(String.init) ?? elementName
            let element = FeedXMLElement(name: local, namespace: namespaceURI ?? "", attributes: attributeDict)
            if let parent = stack.last {
                element.parent = parent
                parent.children.append(.element(element))
            } else if root == nil {
                root = element
            }
            stack.append(element)
        }

        func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
            flushText()
            _ = stack.popLast()
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) { append(string, parser) }

        func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
            append(String(decoding: CDATABlock, as: UTF8.self), parser)
        }

        private func append(_ text: String, _ parser: XMLParser) {
            textBytes += text.utf8.count
            if textBytes > limits.maxTextBytes { return stop(parser) }
            pendingText += text
        }

        func parser(_ parser: XMLParser, parseErrorOccurred parseError: any Error) {
            if firstErrorCode == nil {
                firstErrorCode = (parseError as NSError).code
                errorLine = parser.lineNumber
            }
        }

        private func flushText() {
            guard !pendingText.isEmpty else { return }
            stack.last?.children.append(.text(pendingText))
            pendingText = ""
        }

        private func stop(_ parser: XMLParser) {
            exceeded = true
            parser.abortParsing()
        }
    }
}
