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

/// The words of the messages: "did you mean", hints that name real commands, what a failed build did.
@Suite struct MessageWordsTests {
    @Test(arguments: [("phone", "landline"), ("dien_thoai", "landline"), ("Điện thoại", "landline"), ("emial", "email")])
    func anUnknownContactKeySuggestsTheKnownOne(written: String, meant: String) throws {
        var site = ExampleSite()
        let yaml = site.text("site.yaml")
        let line = try #require(yaml.split(separator: "\n").first { $0.trimmingCharacters(in: .whitespaces).hasPrefix("email:") })
        site.replace("site.yaml", String(line) + "\n", with: String(line) + "\n  \(written): 028 1234\n")
        let found = try #require(site.check().diagnostics.first { $0.code == .yamlUnknownKey })
        #expect(found.hint?.en.hasPrefix("did you mean `\(meant)`?") == true, "\(found)")
        #expect(found.hint?.vi.hasPrefix("có phải ý bạn là `\(meant)`?") == true, "\(found)")
    }

    @Test func feedsHoldingAListOfFeedsSuggestsUpstreamFeeds() throws {
        var site = ExampleSite()
        site.replace("site.yaml", "upstream_feeds:", with: "feeds:")
        let found = try #require(site.check().diagnostics.first { $0.code == .yamlWrongType })
        #expect(found.hint?.en.hasPrefix("did you mean `upstream_feeds`?") == true, "\(found)")
    }

    @Test func aMisspeltFrontMatterKeySuggestsTheKnownOne() throws {
        var site = ExampleSite()
        site.write("content/tin-tuc/a.md", "---\ntitle: A\ndate: 2026-09-05\ntieu_de: B\ntgas: [x]\n---\nx\n")
        let found = site.check().diagnostics.filter { $0.code == .yamlUnknownKey }
        #expect(found.map { $0.hint?.en.components(separatedBy: "?").first ?? "" } == ["did you mean `title`", "did you mean `tags`"])
    }

    /// Every `edusite <word>` a hint or message names, in every language, is a real command.
    @Test func hintsNameOnlyCommandsThatExist() throws {
        let commands = try Self.subcommands()
        #expect(commands.isSuperset(of: ["build", "check", "feeds", "serve"]), "\(commands)")
        var named: Set<String> = []
        for file in try FileSystem.live.walkFiles(Path.join(ExampleSite.repository, "Sources")) where file.hasSuffix(".swift") {
            let text = String(decoding: try FileSystem.live.readFile(Path.join(ExampleSite.repository, "Sources", file)), as: UTF8.self)
            for match in text.matches(of: /`edusite ([a-z][a-z-]*)/) { named.insert(String(match.output.1)) }
        }
        #expect(!named.isEmpty)
        #expect(named.subtracting(commands).isEmpty, "hints name commands that do not exist: \(named.subtracting(commands))")
    }

    /// The subcommands as the ArgumentParser configuration lists them (`subcommands: [BuildCommand.self, …]`),
    /// each named by its `commandName:`.
    static func subcommands() throws -> Set<String> {
        let folder = Path.join(ExampleSite.repository, "Sources/edusite")
        let read = { (name: String) in String(decoding: try FileSystem.live.readFile(Path.join(folder, name)), as: UTF8.self) }
        let root = try read("EduSiteCommand.swift")
        let list = try #require(root.firstMatch(of: /subcommands: \[([^\]]*)\]/)).output.1
        var names: Set<String> = []
        for type in list.matches(of: /([A-Za-z]+)\.self/) {
            for file in try FileSystem.live.walkFiles(folder) {
                let text = try read(file)
                guard text.contains("struct \(type.output.1):") else { continue }
                if let name = text.firstMatch(of: /commandName: "([a-z-]+)"/) { names.insert(String(name.output.1)) }
            }
        }
        return names
    }

    @Test func aFailedBuildWithNoPreviousOutputDoesNotClaimItWasLeft() throws {
        var site = ExampleSite()
        site.write("content/tin-tuc/hong.md", "---\ntitle: [hỏng\n---\n")
        let (report, _) = site.build()
        #expect(!report.succeeded)
        #expect(!report.previousOutputExisted)
        #expect(report.failureOutcome.en == "nothing was written; there was no previous output")
        // An empty output folder made beforehand is no previous output either.
        let (fileSystem, _) = site.fileSystem()
        try fileSystem.createDirectory("/site/public")
        let again = SiteBuilder(fileSystem: fileSystem).build(
            SiteBuilder.Request(siteRoot: "/site", options: site.options(), compliance: .enforce))
        #expect(!again.succeeded)
        #expect(!again.previousOutputExisted, "\(again.failureOutcome)")
    }

    @Test func aBrokenFeedIsNamedByItsTitleWithTheReasonInWords() {
        let report = FeedRefreshReport(
            feedID: "tin-tuc", title: "Tin tức", url: "https://e.org/rss", outcome: .parseFailed(.malformedXML(code: 76, line: 8)),
            snapshot: nil, location: nil, now: FeedFixtures.now)
        let message = report.diagnostics().first?.message
        #expect(message?.en.hasPrefix("the feed «Tin tức» (https://e.org/rss) could not be read: the feed's XML is broken at line 8: a tag is not closed") == true, "\(String(describing: message))")
        #expect(message?.vi.contains("nguồn tin «Tin tức»") == true)
        #expect(message?.en.contains("error 76") == false)
        #expect(message?.en.contains("`tin-tuc`") == false)
    }
}
