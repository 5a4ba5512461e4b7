import Foundation
import Testing

@testable import EduSite

/// A damaged build cache (issue 10, point 4) is found before anything of it reaches the output: the
/// build warns (C001), sets the cache aside and builds from nothing, with the bytes of a build
/// without the cache; the next build makes a good cache and uses it. These tests damage each cache
/// file in many ways, under each way a rebuild reads it, and check exactly that.
@Suite(.serialized) struct CacheDamageTests {
    static let damagedCode: DiagnosticCode = "C001"

    /// The two cases the issue reports. Flipped bytes in `bodies` reached the pages a rebuild renders.
    @Test func flippedBytesInTheBodiesFileNeverReachThePages() throws {
        let site = try CacheDamageSite()
        defer { site.remove() }
        #expect(site.build().succeeded)
        try site.damage(.bodies) { bytes in
            for offset in stride(from: 0, to: bytes.count, by: 7) { bytes[offset] ^= 0x01 }
        }
        // A new title: its neighbours' pages are rendered again, with their bodies from the cache.
        let post = "content/tin-tuc/hoi-thao.md"
        try site.write(post, try site.read(post).replacingOccurrences(of: "title: Hội thao", with: "title: Hội thao mùa thu"))
        try expectReportedAndBuiltFromNothing(site)
    }

    /// A damaged `pages` made every build fail with a broken link that is not there.
    @Test func aDamagedPagesFileIsAWarningNotABrokenLink() throws {
        let site = try CacheDamageSite()
        defer { site.remove() }
        #expect(site.build().succeeded)
        // The link of `gioi-thieu.md` to the opening-day post, as its record keeps it, now leads nowhere.
        var changed = 0
        try site.damage(.pages) { bytes in
            var from = bytes.firstRange(of: Array("content/gioi-thieu.md".utf8))?.upperBound ?? bytes.count
            while let target = bytes[from...].firstRange(of: Array("khai-giang".utf8)), changed < 3 {
                bytes[target.upperBound - 1] = UInt8(ascii: "x")
                from = target.upperBound
                changed += 1
            }
        }
        #expect(changed > 0)
        try site.touch("content/tin-tuc/hoi-thao.md")
        try site.write("content/tin-tuc/sot-xuat-huyet.md", try site.read("content/tin-tuc/sot-xuat-huyet.md") + "\nThêm.\n")
        try expectReportedAndBuiltFromNothing(site)
    }

    /// One C001 warning and nothing else, the bytes of a build without the cache, the damaged cache
    /// set aside; then a build that uses the new cache, without the warning.
    private func expectReportedAndBuiltFromNothing(_ site: CacheDamageSite) throws {
        let expected = try site.cleanBuild()
        let report = site.build()
        #expect(report.succeeded, "\(report.diagnostics)")
        #expect(report.diagnostics.map(\.code) == [Self.damagedCode], "\(report.diagnostics)")
        #expect(try site.differences(from: expected).isEmpty)
        #expect(site.fileSystem.fileExists(site.site + "/.edusite/cache-damaged/build"))
        try site.touch(CacheDamageSite.touchedPost)
        let next = site.build()
        #expect(next.succeeded && next.incremental && next.diagnostics.isEmpty, "\(next.diagnostics)")
        #expect(try site.differences(from: expected).isEmpty)
    }

    /// Each way a rebuild reads the cache, and the edit that takes it there.
    enum RebuildPath: String, CaseIterable, Sendable {
        /// Only the long post's text changed: its record and its old body are read.
        case quick
        /// A title changed: every kept page's record is read, the neighbours' bodies too.
        case incremental
        /// As `incremental`, with a body file mostly garbage: every page is rendered, every body read.
        case full

        func edit(_ site: CacheDamageSite) throws {
            switch self {
            case .quick:
                try site.write(CacheDamageSite.longPost, CacheDamageSite.longPostText + "\nMột câu mới ở cuối bài.\n")
            case .incremental, .full:
                let retitled = CacheDamageSite.longPostText.replacingOccurrences(
                    of: "title: Bài viết dài", with: "title: Bài viết rất dài")
                try site.write(CacheDamageSite.longPost, retitled)
            }
        }

        func revert(_ site: CacheDamageSite) throws { try site.write(CacheDamageSite.longPost, CacheDamageSite.longPostText) }

        func tookThisPath(_ report: SiteBuilder.Report) -> Bool {
            switch self {
            case .quick: report.quick
            case .incremental: report.incremental && !report.quick
            case .full: !report.incremental && report.renderedPageCount == report.pageCount
            }
        }
    }

    /// What one hunt found, for the summary it prints (the figures in `docs/safety.md`).
    struct Tally {
        var variants = 0
        var detected = 0
    }

    /// For each cache file: bytes flipped at seeded random offsets, cut at many lengths, garbage
    /// appended, the file deleted; under each rebuild path. Each gives the C001 warning and the bytes
    /// of a build without the cache, or (when nothing damaged was read) a correct rebuild; never an
    /// error, never other bytes. Deleting or cutting `pages` or `bodies` is always found.
    @Test(arguments: RebuildPath.allCases)
    func everyDamageIsFoundOrHarmless(_ path: RebuildPath) async throws {
        let flips = EnvironmentFlag.longHunt ? 200 : 12
        let truncations = EnvironmentFlag.longHunt ? 60 : 6
        let site = try CacheDamageSite.primed()
        defer { site.remove() }
        let before = try site.cleanBuild()
        try path.edit(site)
        let after = try site.cleanBuild()
        try path.revert(site)
        let snapshot = try site.cacheFiles()
        #expect(Set(snapshot.keys) == Set(CacheFile.allCases.map(\.rawValue)))

        /// Damages the cache as `damage` says, makes the edit and builds; checks that build and the
        /// one after the edit is undone. Returns whether the damage was reported.
        func attempt(_ label: String, damage: (inout [String: [UInt8]]) -> Void) throws -> Bool {
            var files = snapshot
            damage(&files)
            if path == .full { files[CacheFile.bodies.rawValue]? += [UInt8](repeating: 0x5A, count: 3 << 20) }
            try site.restoreCache(files)
            try path.edit(site)
            let report = site.build()
            if label == "intact" { #expect(path.tookThisPath(report), "\(path): \(report)") }
            let codes = report.diagnostics.map(\.code)
            #expect(
                report.succeeded && codes.allSatisfy { $0 == Self.damagedCode } && codes.count <= 1,
                "\(label): \(report.diagnostics)")
            let detected = codes == [Self.damagedCode]
            if detected { #expect(site.fileSystem.itemInfo(site.cacheFolder + "-damaged")?.kind == .directory, "\(label)") }
            let wrong = try site.differences(from: after)
            #expect(wrong.isEmpty, "\(label): \(wrong.prefix(3))")
            try path.revert(site)
            let next = site.build()
            // Damage that build did not read may be found by this one.
            let nextCodes = next.diagnostics.map(\.code)
            #expect(
                next.succeeded && (nextCodes.isEmpty || (!detected && nextCodes == [Self.damagedCode])),
                "\(label), next: \(next.diagnostics)")
            if detected { #expect(next.incremental, "\(label): the new cache was not used") }
            #expect(try site.differences(from: before).isEmpty, "\(label), next")
            return detected
        }

        let intact = try attempt("intact") { _ in }
        #expect(!intact)
        var random = SplitMix64(seed: 0xCAC4E + UInt64(path.rawValue.count))
        var tallies: [String: Tally] = [:]
        for file in CacheFile.allCases {
            let size = snapshot[file.rawValue]?.count ?? 0
            for mutation in CacheMutation.hunt(fileSize: size, flips: flips, truncations: truncations, random: &random) {
                await Task.yield()  // hundreds of builds: let other tests' tasks (a fetch's deadline) run between them
                let label = "\(path) \(file.rawValue) \(mutation)"
                let detected = try attempt(label) { files in files[file.rawValue] = files[file.rawValue].flatMap(mutation.apply) }
                tallies[file.rawValue, default: Tally()].variants += 1
                if detected { tallies[file.rawValue, default: Tally()].detected += 1 }
                switch (file, mutation) {
                case (.pages, .truncate), (.pages, .delete), (.bodies, .truncate), (.bodies, .delete), (.pages, .appendGarbage):
                    #expect(detected, "\(label) was not found")
                default: break
                }
            }
        }
        let summary = CacheFile.allCases.map { file in
            tallies[file.rawValue].map { "\(file.rawValue) \($0.detected)/\($0.variants)" } ?? file.rawValue
        }
        print("cache damage hunt, \(path) rebuild: found/variants: \(summary.joined(separator: ", "))")
    }
}

/// The cache's own writes failing (the disk full, a folder read-only): the fault-injecting
/// `FileSystem` fails, in turn, each call of a build that changes the cache folder (its folder made,
/// files renamed into place or removed, a damaged cache set aside). The files' bytes are written with
/// POSIX calls (`FileSink`, `RecordsWriter`, `BodyStore`), which it cannot reach; their failures are
/// the damage `everyDamageIsFoundOrHarmless` makes. After each, the next build has the bytes of a
/// build without the cache, and no finding but C001.
@Suite(.serialized) struct CacheWriteFaultTests {
    enum Step: String, CaseIterable, Sendable {
        /// The first build, which makes the cache.
        case first
        case quick
        case incremental
    }

    @Test(arguments: Step.allCases)
    func aFailedCacheWriteLeavesACacheThatIsUsedRightOrSetAside(_ step: Step) async throws {
        let site = try CacheDamageSite.primed()
        defer { site.remove() }
        let before = try site.cleanBuild()
        let path: CacheDamageTests.RebuildPath? = switch step {
        case .first: nil
        case .quick: .quick
        case .incremental: .incremental
        }
        try path?.edit(site)
        let after = try site.cleanBuild()
        try path?.revert(site)
        let snapshot = try site.cacheFiles()

        /// The build under test, the cache as the snapshot had it (none for the first build).
        func faultyBuild(_ plan: FaultPlan) throws -> SiteBuilder.Report {
            if step == .first { try site.fileSystem.removeItem(site.cacheFolder) } else { try site.restoreCache(snapshot) }
            try path?.edit(site)
            return site.build(fileSystem: .faulty(.live, plan))
        }
        let counting = FaultPlan(failing: 0, code: 0)
        #expect(try faultyBuild(counting).succeeded)
        try path?.revert(site)
        #expect(site.build().succeeded)
        let cacheCalls = counting.log.withLock { $0 }.filter { $0.value.contains("/.edusite/cache") }.keys.sorted()
        #expect(!cacheCalls.isEmpty)
        for (index, number) in cacheCalls.enumerated() {
            await Task.yield()
            let plan = FaultPlan(failing: number, code: [28, 5, 13][index % 3])
            _ = try faultyBuild(plan)
            let failed = plan.failed.withLock { $0 } ?? "nothing"
            let next = site.build()
            #expect(
                next.succeeded && next.diagnostics.allSatisfy { $0.code == CacheDamageTests.damagedCode },
                "\(step), \(failed) failed: \(next.diagnostics)")
            #expect(try site.differences(from: after).isEmpty, "\(step), \(failed) failed")
            try path?.revert(site)
            let reverted = site.build()
            #expect(
                reverted.succeeded && reverted.diagnostics.isEmpty, "\(step), \(failed) failed, then: \(reverted.diagnostics)")
            #expect(try site.differences(from: before).isEmpty, "\(step), \(failed) failed, then")
        }
        print("cache write faults, \(step) build: \(cacheCalls.count) calls failed in turn")
    }
}
