/// Why an upstream document could not be read. The refresher turns it into a warning and keeps the
/// last good copy.
public enum FeedParseError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Nothing came back, or only whitespace.
    case empty
    /// Not well-formed XML; the parser's error code (libxml2's, as `XMLParser.ErrorCode`) and line.
    case malformedXML(code: Int, line: Int)
    /// The document declares entities (`<!ENTITY`): feeds never need them, and they are how "billion
    /// laughs" and external-entity attacks work, so such a document is refused unread.
    case entityDeclarations
    /// Too deep, too many elements, or text that grew past any honest feed.
    case tooLarge
    /// Well-formed, but no RSS, RDF, Atom or sitemap root.
    case notAFeed(root: String)

    public var description: String { reason.en }

    /// What is wrong with the document, in words.
    public var reason: Words {
        switch self {
        case .empty: return Words(vi: "tài liệu trống", en: "the document is empty")
        case .malformedXML(let code, let line):
            let what = Self.xmlProblem(code)
            return Words(
                vi: "XML của nguồn tin bị hỏng ở dòng \(line): \(what.vi)",
                en: "the feed's XML is broken at line \(line): \(what.en)")
        case .entityDeclarations:
            return Words(
                vi: "tài liệu khai báo thực thể XML (<!ENTITY), điều mà nguồn tin không bao giờ cần; bị từ chối để an toàn",
                en: "the document declares XML entities, which feeds never need; refused for safety")
        case .tooLarge:
            return Words(
                vi: "tài liệu lồng nhau quá sâu hoặc bung ra quá nhiều chữ; bị từ chối",
                en: "the document is nested too deeply or expands to too much text; refused")
        case .notAFeed(let root):
            return root == "urlset" || root == "sitemapindex"
                ? Words(
                    vi: "tài liệu là một sơ đồ trang (<\(root)>), không phải nguồn tin: hãy đặt `format: sitemap` cho nguồn tin này",
                    en: "the document is a sitemap (<\(root)>), not a feed: set `format: sitemap` for this feed")
                : Words(
                    vi: "tài liệu không phải nguồn tin RSS, RDF hay Atom (phần tử gốc của nó là <\(root)>)",
                    en: "the document is not an RSS, RDF or Atom feed (its root element is <\(root)>)")
        }
    }

    /// The parser's error code (libxml2's `xmlParserErrors`, which `XMLParser` passes on) in words;
    /// the code itself only for the rare ones.
    static func xmlProblem(_ code: Int) -> Words {
        switch code {
        case 74, 76, 77:  // LT_SLASH_REQUIRED, TAG_NAME_MISMATCH, TAG_NOT_FINISHED
            Words(
                vi: "một thẻ không được đóng (thẻ đóng không khớp với thẻ đang mở)",
                en: "a tag is not closed (a closing tag does not match the open one)")
        case 5, 86:  // DOCUMENT_END, EXTRA_CONTENT
            Words(
                vi: "tài liệu kết thúc khi còn thẻ chưa đóng, hoặc còn chữ sau thẻ cuối cùng",
                en: "a tag is not closed before the end, or there is text after the last tag")
        case 85:  // NOT_WELL_BALANCED
            Words(vi: "các thẻ không lồng nhau đúng cách", en: "the tags are not nested properly")
        case 72, 73:  // LT_REQUIRED, GT_REQUIRED
            Words(vi: "thiếu dấu `<` hoặc `>` của một thẻ", en: "a tag lacks its `<` or `>`")
        case 6...9:  // INVALID_HEX_CHARREF … INVALID_CHAR
            Words(
                vi: "có một ký tự mà XML không cho phép (thường là ký tự điều khiển vô hình)",
                en: "a character that XML does not allow (often an invisible control character)")
        case 26...28:  // UNDECLARED_ENTITY, WAR_UNDECLARED_ENTITY, UNPARSED_ENTITY
            Words(
                vi: "có một thực thể như `&nbsp;` mà XML không biết (chỉ dùng được &amp; &lt; &gt; &quot; &apos;)",
                en: "an entity such as `&nbsp;` that XML does not know (only &amp; &lt; &gt; &quot; &apos; may be used)")
        case 22, 23:  // ENTITYREF_NO_NAME, ENTITYREF_SEMICOL_MISSING
            Words(
                vi: "có một dấu `&` không mở đầu thực thể nào (trong XML phải viết là `&amp;`)",
                en: "an `&` that starts no entity (XML needs it written `&amp;`)")
        case 38...42:  // LT_IN_ATTRIBUTE … ATTRIBUTE_REDEFINED
            Words(vi: "một thuộc tính của thẻ bị viết sai", en: "an attribute of a tag is written wrongly")
        case 3, 4:  // DOCUMENT_START, DOCUMENT_EMPTY
            Words(vi: "tài liệu không bắt đầu bằng XML", en: "the document does not start as XML")
        case 31, 32, 79, 81:  // UNKNOWN_ENCODING, UNSUPPORTED_ENCODING, ENCODING_NAME, INVALID_ENCODING
            Words(vi: "bảng mã ký tự của tài liệu không đọc được", en: "the document's character encoding cannot be read")
        case 45, 63:  // COMMENT_NOT_FINISHED, CDATA_NOT_FINISHED
            Words(vi: "một chú thích hoặc khối CDATA không được đóng", en: "a comment or CDATA block is never closed")
        default:
            Words(vi: "lỗi XML mã \(code)", en: "XML error \(code)")
        }
    }
}
