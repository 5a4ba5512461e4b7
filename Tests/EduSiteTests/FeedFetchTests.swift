import Foundation
import Testing

@testable import EduSite

/// The fetcher against a local server: every address here is 127.0.0.1.
@Suite struct FeedFetchTests {
    /// For answers that come at once: the timeout only has to outlast a machine busy with every other
    /// test (a 2 s one ran out once, in a full `scripts/test` on 2 cores).
    let fast = HTTPFetcher(limits: FetchLimits(timeout: .seconds(10), maxBytes: 1 << 20, maxRedirects: 5))

    @Test func okWithHeaders() async throws {
        let server = try TestHTTPServer()
        defer { server.stop() }
        server.route("/rss", .ok("<rss/>", type: "application/rss+xml; charset=windows-1258", headers: ["ETag": "\"v1\"", "Last-Modified": "Fri, 05 Sep 2025 01:00:00 GMT"]))
        let response = try await fast.get(server.url("/rss"))
        #expect(response.status == 200)
        #expect(response.body == Array("<rss/>".utf8))
        #expect(response.etag == "\"v1\"")
        #expect(response.lastModified == "Fri, 05 Sep 2025 01:00:00 GMT")
        #expect(response.charset == "windows-1258")
        #expect(!response.notModified)
    }

    @Test func conditionalGetGives304() async throws {
        let server = try TestHTTPServer()
        defer { server.stop() }
        server.route("/rss") { request in
            request.headers["if-none-match"] == "\"v1\"" ? .status(304, headers: ["ETag": "\"v1\""]) : .ok("<rss/>", headers: ["ETag": "\"v1\""])
        }
        let response = try await fast.get(server.url("/rss"), etag: "\"v1\"", lastModified: "Fri, 05 Sep 2025 01:00:00 GMT")
        #expect(response.notModified)
        #expect(response.body.isEmpty)
        #expect(server.requests.last?.headers["if-modified-since"] == "Fri, 05 Sep 2025 01:00:00 GMT")
    }

    @Test func serverErrorsAreErrors() async throws {
        let server = try TestHTTPServer()
        defer { server.stop() }
        server.route("/500", .status(500))
        await #expect(throws: FetchError.httpStatus(500)) { try await fast.get(server.url("/500")) }
        await #expect(throws: FetchError.httpStatus(404)) { try await fast.get(server.url("/missing")) }
    }

    @Test func silentServerFailsWithinTheTimeout() async throws {
        let server = try TestHTTPServer()
        defer { server.stop() }
        server.route("/hang", .silence(seconds: 60))
        let fetcher = HTTPFetcher(limits: FetchLimits(timeout: .milliseconds(1200)))
        let started = ContinuousClock.now
        await #expect(throws: FetchError.timedOut(seconds: 2)) { try await fetcher.get(server.url("/hang")) }
        #expect(ContinuousClock.now - started >= .milliseconds(1150))
        // Well below the server's 60 s of silence: the timeout ended it. Generous, because on a CI machine
        // of 2 cores the other tests' builds can hold both task threads for many seconds (19 s was seen).
        #expect(ContinuousClock.now - started < .seconds(45))
    }

    @Test func hugeBodyIsCutAtTheCapFast() async throws {
        let server = try TestHTTPServer()
        defer { server.stop() }
        server.route("/huge", .endless(bytes: 50 << 20))
        let started = ContinuousClock.now
        await #expect(throws: FetchError.tooLarge(maxBytes: 1 << 20)) { try await fast.get(server.url("/huge")) }
        // The endless body is cut at the cap, not at a timeout; generous for a loaded CI machine (see above).
        #expect(ContinuousClock.now - started < .seconds(45))
        // A declared length over the cap is refused before the body comes.
        server.route("/declared", .bytes([UInt8](repeating: 65, count: (1 << 20) + 1), type: "text/xml"))
        await #expect(throws: FetchError.tooLarge(maxBytes: 1 << 20)) { try await fast.get(server.url("/declared")) }
    }

    /// The cap counts decoded bytes as they stream in: 64 KB of gzip or deflate that inflate to 64 MB
    /// stop at the 1 MB cap (URLSession inflated them whole before; see check_feed_bomb.py for memory).
    @Test(arguments: [("64mb.gz", "gzip"), ("64mb.deflate", "deflate")])
    func compressedBombsStopAtTheCap(_ file: String, _ encoding: String) async throws {
        let server = try TestHTTPServer()
        defer { server.stop() }
        let bomb = try FeedFixtures.bytes("bombs/" + file)
        server.route("/bomb", .respond(status: 200, headers: ["Content-Type": "application/rss+xml", "Content-Encoding": encoding], body: bomb))
        let started = ContinuousClock.now
        await #expect(throws: FetchError.tooLarge(maxBytes: 1 << 20)) { try await fast.get(server.url("/bomb")) }
        // The cap, not a timeout, ended it; generous for a loaded CI machine (see silentServerFailsWithinTheTimeout).
        #expect(ContinuousClock.now - started < .seconds(45))
    }

    @Test func compressedFeedIsDecoded() async throws {
        let server = try TestHTTPServer()
        defer { server.stop() }
        server.route("/rss", .respond(
            status: 200, headers: ["Content-Type": "application/rss+xml", "Content-Encoding": "gzip"],
            body: try FeedFixtures.bytes("bombs/rss2.xml.gz")))
        let response = try await fast.get(server.url("/rss"))
        #expect(response.body == (try FeedFixtures.bytes("rss2.xml")))
        #expect(server.requests.last?.headers["accept-encoding"]?.contains("gzip") == true)
    }

    @Test func chunkedBodyWithoutLengthStopsAtTheCap() async throws {
        let server = try TestHTTPServer()
        defer { server.stop() }
        server.route("/chunked", .chunked(bytes: 50 << 20))
        let started = ContinuousClock.now
        await #expect(throws: FetchError.tooLarge(maxBytes: 1 << 20)) { try await fast.get(server.url("/chunked")) }
        #expect(ContinuousClock.now - started < .seconds(45))
    }

    @Test func redirectsAreFollowedAndCapped() async throws {
        let server = try TestHTTPServer()
        defer { server.stop() }
        server.route("/old", .status(301, headers: ["Location": server.url("/new")]))
        server.route("/new", .ok("<rss/>"))
        server.route("/loop-a", .status(302, headers: ["Location": "/loop-b"]))
        server.route("/loop-b", .status(302, headers: ["Location": "/loop-a"]))
        server.route("/to-file", .status(302, headers: ["Location": "file:///etc/passwd"]))
        let moved = try await fast.get(server.url("/old"))
        #expect(moved.body == Array("<rss/>".utf8))
        #expect(moved.finalURL == server.url("/new"))
        await #expect(throws: FetchError.tooManyRedirects(max: 5)) { try await fast.get(server.url("/loop-a")) }
        #expect(server.requests.filter { $0.path.hasPrefix("/loop") }.count <= 6)
        await #expect(throws: FetchError.self) { try await fast.get(server.url("/to-file")) }
    }

    @Test func onlyWebAddresses() async {
        await #expect(throws: FetchError.unsupportedScheme("file")) { try await fast.get("file:///etc/passwd") }
        await #expect(throws: FetchError.unsupportedScheme("ftp")) { try await fast.get("ftp://127.0.0.1/x") }
        await #expect(throws: FetchError.invalidURL("not a url")) { try await fast.get("not a url") }
    }

    @Test func refusedConnectionIsANetworkError() async throws {
        let server = try TestHTTPServer()
        let url = server.url("/gone")
        server.stop()
        await #expect(throws: FetchError.self) { try await fast.get(url) }
        // In words, not Foundation's "The operation could not be completed (NSURLErrorDomain error -1004.)".
        do {
            _ = try await fast.get(url)
        } catch {
            #expect("\(error)" == "network error: the server refused the connection")
        }
    }
}
