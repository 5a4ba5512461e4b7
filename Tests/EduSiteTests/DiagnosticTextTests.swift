import Foundation
import Testing

@testable import EduSite

/// One voice: a finding reads the same wherever it is shown, in one language.
@Suite struct DiagnosticTextTests {
    /// "thông-báo.md" as macOS stores it: decomposed (NFD).
    static let nfdName = "thông-báo".decomposedStringWithCanonicalMapping + ".md"
    static let nfcPath = "content/tin-tuc/thông-báo.md".precomposedStringWithCanonicalMapping

    /// The example site with one post, stored under an NFD name, whose front matter has a misspelt key.
    static func siteWithABrokenPost() -> ExampleSite {
        var site = ExampleSite()
        site.write("content/tin-tuc/" + nfdName, "---\ntitle: Thông báo\ndate: 2026-09-05\ntitel: Thông báo\n---\nNội dung.\n")
        return site
    }

    @Test func theSameFindingIsTheSameLineInBuildCheckAndServe() throws {
        let site = Self.siteWithABrokenPost()
        for language in Language.allCases {
            let (report, _) = site.build()
            let built = try #require(report.diagnostics.first { $0.code == .yamlUnknownKey })
            let line = DiagnosticText.format(built, in: language)
            #expect(line.hasPrefix(Self.nfcPath + ":4:1: error[E002]: "), "\(line)")
            #expect(line.unicodeScalars.elementsEqual(line.precomposedStringWithCanonicalMapping.unicodeScalars))

            let checked = CheckOutput.text(site.check().diagnostics, compliance: site.check().compliance, language: language)
            #expect(checked.contains(line + "\n"), "\(checked)")

            let session = ServeSession(
                siteRoot: "/site", options: site.options(), fileSystem: site.fileSystem().0, compliance: .off,
                language: language)
            session.rebuild()
            guard case .failed(let shown) = session.hub.currentState else {
                Issue.record("serve did not fail")
                continue
            }
            #expect(shown.contains(line), "\(shown)")
        }
    }

    @Test func aPathStoredInNFDIsShownInNFC() {
        let nfd = "content/tin-tuc/" + Self.nfdName
        let diagnostic = Diagnostic(
            .missingFile, .error, Words(vi: "thiếu `\(nfd)`", en: "`\(nfd)` is missing"),
            at: SourceLocation(path: nfd, line: 2, column: 3), related: [.file(nfd)])
        for language in Language.allCases {
            let text = DiagnosticText.format(diagnostic, in: language)
            #expect(!text.unicodeScalars.elementsEqual(nfd.unicodeScalars))
            #expect(text.unicodeScalars.elementsEqual(text.precomposedStringWithCanonicalMapping.unicodeScalars))
            #expect(text.hasPrefix(Self.nfcPath + ":2:3: error[E105]: "), "\(text)")
            #expect(text.hasSuffix(" " + Self.nfcPath + ":1:1"), "\(text)")
        }
    }

    @Test func theLineHasCodeRuleHintAndNoteInTheChosenLanguage() {
        let diagnostic = Diagnostic(
            .namedItemMissing, .warning, Words(vi: "thiếu biểu mẫu", en: "a form is missing"),
            at: SourceLocation(path: "content/a.md", line: 3, column: 7), hint: Words(vi: "thêm nó", en: "add it"),
            related: [SourceLocation(path: "content/b.md")], rule: "hcm-portal/bieu-mau")
        #expect(
            DiagnosticText.format(diagnostic, in: .en)
                == "content/a.md:3:7: warning[R013]: a form is missing [hcm-portal/bieu-mau]\n  hint: add it\n  note: see content/b.md:1:1")
        #expect(
            DiagnosticText.format(diagnostic, in: .vi)
                == "content/a.md:3:7: warning[R013]: thiếu biểu mẫu [hcm-portal/bieu-mau]\n  gợi ý: thêm nó\n  ghi chú: xem content/b.md:1:1")
    }

    @Test(arguments: [
        (nil, ["LANG": "vi_VN.UTF-8"], Language.vi),
        (.en, ["LANG": "vi_VN.UTF-8"], .en),
        (.vi, ["LANG": "en_US.UTF-8", "EDUSITE_LANG": "en"], .vi),
        (nil, ["LANG": "en_US.UTF-8"], .en),
        (nil, ["LANG": "vi_VN.UTF-8", "EDUSITE_LANG": "en"], .en),
        (nil, ["LANG": "en_US.UTF-8", "LC_MESSAGES": "vi_VN"], .vi),
        (nil, ["LANG": "vi_VN.UTF-8", "LC_MESSAGES": "vi_VN", "LC_ALL": "en_GB.UTF-8"], .en),
        (nil, ["LANG": "C.UTF-8"], .vi),
        (nil, [:], .vi),
    ] as [(Language?, [String: String], Language)])
    func theLanguageComesFromTheFlagThenTheEnvironment(flag: Language?, environment: [String: String], expected: Language) {
        #expect(Language.resolve(flag: flag, environment: environment) == expected)
    }
}
