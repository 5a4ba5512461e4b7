import Testing

@testable import EduSite

@Suite struct TemplateOutputTests {
    /// Numbers are written digit by digit instead of through `String(_:)`: the same text.
    @Test(arguments: [0, 7, 10, 42, 700, -1, -305, Int.max, Int.min])
    func numbersAreWrittenAsStringWritesThem(number: Int) {
        var output: [UInt8] = []
        TemplateOutput.appendDecimal(number, to: &output)
        #expect(String(decoding: output, as: UTF8.self) == String(number))
    }

    /// A site at a domain's root links a path with nothing to encode as itself; everything else is
    /// encoded as before.
    @Test func hrefsOfPlainAndEncodedPaths() {
        let root = SiteURLs(baseURL: "https://a.example.vn")
        #expect(root.href("/tin-tuc/trang/2/") == "/tin-tuc/trang/2/")
        #expect(root.href("/chủ đề/") == "/ch%E1%BB%A7%20%C4%91%E1%BB%81/")
        #expect(root.href("css/x.css") == "/css/x.css")
        let below = SiteURLs(baseURL: "https://pgd.example.vn/truong-a/")
        #expect(below.href("/tin-tuc/") == "/truong-a/tin-tuc/")
        #expect(below.absolute("/a b/") == "https://pgd.example.vn/truong-a/a%20b/")
    }
}
