import CCurlFetch
import Foundation
import Synchronization

/// GETs one URL with hard limits: an overall deadline, a cap on the decoded body enforced piece by piece
/// as it streams in (whatever the Content-Encoding, Content-Length or chunking), a redirect cap, and
/// `http`/`https` only (redirects included). 4xx/5xx are errors; `304` is not.
///
/// libcurl's easy interface, not URLSession: on Linux URLSession hands each piece to its delegate on
/// another queue without waiting, so a 1 MB gzip bomb was inflated to 1 GB of queued pieces (peak RSS
/// 1.15 GB) and an endless body to 302 MB before a cap could stop it. Here the body callback runs on
/// the transfer's own thread and stops it at once: peak RSS stays near 45 MB (docs/safety.md).
public struct HTTPFetcher: Sendable {
    public var limits: FetchLimits
    public var userAgent: String

    public init(limits: FetchLimits = .default, userAgent: String = "EduSite feeds (+https://github.com/edusite)") {
        self.limits = limits
        self.userAgent = userAgent
    }

    public func get(_ url: String, etag: String? = nil, lastModified: String? = nil) async throws(FetchError) -> FetchResponse {
        guard let target = URL(string: url), let scheme = target.scheme?.lowercased() else { throw .invalidURL(url) }
        guard scheme == "http" || scheme == "https" else { throw .unsupportedScheme(scheme) }
        guard target.host?.isEmpty == false else { throw .invalidURL(url) }

        var headers = [
            "Accept: application/rss+xml, application/atom+xml, application/rdf+xml, application/xml;q=0.9, text/xml;q=0.9, text/html;q=0.8, */*;q=0.5"
        ]
        if let etag { headers.append("If-None-Match: \(etag)") }
        if let lastModified { headers.append("If-Modified-Since: \(lastModified)") }
        let transfer = CurlTransfer(url: url, headers: headers, userAgent: userAgent, limits: limits)
        let result = await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Result<FetchResponse, FetchError>, Never>) in
                // libcurl blocks its thread for the whole transfer: a thread of its own, since the
                // cooperative pool and GCD's global queues have only one per core (feeds are fetched
                // all at once, and three silent servers must cost one timeout, not three).
                Thread { continuation.resume(returning: transfer.run()) }.start()
            }
        } onCancel: {
            transfer.cancel()
        }
        return try result.get()
    }
}

/// One transfer's settings and its stop flag (set from any thread; read by libcurl's progress callback).
private final class CurlTransfer: Sendable {
    let url: String
    let headers: [String]
    let userAgent: String
    let limits: FetchLimits
    private let cancelled = Atomic(false)

    init(url: String, headers: [String], userAgent: String, limits: FetchLimits) {
        self.url = url
        self.headers = headers
        self.userAgent = userAgent
        self.limits = limits
    }

    func cancel() { cancelled.store(true, ordering: .relaxed) }
    var isCancelled: Bool { cancelled.load(ordering: .relaxed) }

    var timeoutSeconds: Int {
        let (seconds, attoseconds) = limits.timeout.components
        return Int(seconds) + (attoseconds > 0 ? 1 : 0)
    }

    /// Blocks until the transfer ends.
    func run() -> Result<FetchResponse, FetchError> {
        let received = Received(transfer: self)
        var outcome = edusite_fetch_outcome()
        let (seconds, attoseconds) = limits.timeout.components
        let timeoutMS = Int(seconds) * 1000 + Int(attoseconds / 1_000_000_000_000_000)
        withCStrings([url, userAgent] + headers) { strings in
            strings.withUnsafeBufferPointer { pointers in
                var request = edusite_fetch_request(
                    url: pointers[0], headers: pointers.baseAddress! + 2, header_count: headers.count,
                    user_agent: pointers[1], timeout_ms: max(1, timeoutMS), max_redirects: limits.maxRedirects,
                    max_declared_bytes: Int64(limits.maxBytes), context: Unmanaged.passUnretained(received).toOpaque(),
                    on_body: { context, bytes, count in
                        Unmanaged<Received>.fromOpaque(context!).takeUnretainedValue().append(bytes, count) ? 1 : 0
                    },
                    on_header: { context, line, count in
                        Unmanaged<Received>.fromOpaque(context!).takeUnretainedValue().header(line, count)
                    },
                    should_stop: { context in
                        Unmanaged<Received>.fromOpaque(context!).takeUnretainedValue().transfer.isCancelled ? 1 : 0
                    })
                edusite_fetch(&request, &outcome)
            }
        }
        return received.result(outcome)
    }
}

/// What one transfer received. Touched only by the thread that runs `edusite_fetch` (its callbacks
/// run there), so it needs no lock.
private final class Received {
    let transfer: CurlTransfer
    var body: [UInt8] = []
    var overflowed = false
    /// Headers of the last response (a redirect's headers are dropped when the next status line comes).
    var headers: [String: String] = [:]
    var lastLocation: String?

    init(transfer: CurlTransfer) { self.transfer = transfer }

    func append(_ bytes: UnsafePointer<CChar>?, _ count: Int) -> Bool {
        guard let bytes, count > 0 else { return true }
        guard body.count + count <= transfer.limits.maxBytes else {
            overflowed = true
            return false
        }
        body.append(contentsOf: UnsafeRawBufferPointer(start: bytes, count: count))
        return true
    }

    func header(_ line: UnsafePointer<CChar>?, _ count: Int) {
        guard let line else { return }
        let text = String(decoding: UnsafeRawBufferPointer(start: line, count: count), as: UTF8.self)
        if text.hasPrefix("HTTP/") {
            if let location = headers["location"] { lastLocation = location }
            headers = [:]
            return
        }
        guard let colon = text.firstIndex(of: ":") else { return }
        let name = text[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
        headers[name] = text[text.index(after: colon)...].trimmingCharacters(in: .whitespacesAndNewlines)
    }

    func result(_ outcome: edusite_fetch_outcome) -> Result<FetchResponse, FetchError> {
        let limits = transfer.limits
        switch Int(outcome.code) {
        case EDUSITE_FETCH_OK:
            break
        case EDUSITE_FETCH_WRITE_ERROR where overflowed, EDUSITE_FETCH_FILE_SIZE_EXCEEDED:
            return .failure(.tooLarge(maxBytes: limits.maxBytes))
        case EDUSITE_FETCH_TIMED_OUT:
            return .failure(.timedOut(seconds: transfer.timeoutSeconds))
        case EDUSITE_FETCH_ABORTED:
            return .failure(.cancelled)
        case EDUSITE_FETCH_TOO_MANY_REDIRECTS:
            return .failure(.tooManyRedirects(max: limits.maxRedirects))
        case EDUSITE_FETCH_UNSUPPORTED_PROTOCOL:
            let location = headers["location"] ?? lastLocation ?? ""
            let scheme = location.split(separator: ":", maxSplits: 1).first.map { $0.lowercased() } ?? ""
            return .failure(.unsupportedScheme(scheme))
        case EDUSITE_FETCH_URL_MALFORMAT:
            return .failure(.invalidURL(transfer.url))
        default:
            return .failure(.network(FetchError.words(forCurlCode: Int(outcome.code), detail: Self.string(outcome.error))))
        }
        let status = outcome.status
        if (300..<400).contains(status) && status != 304 { return .failure(.httpStatus(status)) }
        guard status < 400 else { return .failure(.httpStatus(status)) }
        let finalURL = Self.string(outcome.effective_url)
        return .success(
            FetchResponse(
                status: status,
                body: status == 304 ? [] : body,
                etag: headers["etag"],
                lastModified: headers["last-modified"],
                charset: FeedTextEncoding.charset(fromContentType: headers["content-type"]),
                notModified: status == 304,
                finalURL: finalURL.isEmpty ? transfer.url : finalURL))
    }

    /// A fixed-size C string field of the outcome.
    private static func string<T>(_ field: T) -> String {
        withUnsafeBytes(of: field) { raw in
            let bytes = raw.prefix { $0 != 0 }
            return String(decoding: bytes, as: UTF8.self)
        }
    }
}

/// Runs `body` with C copies of `strings`, valid only inside it.
private func withCStrings<R>(_ strings: [String], _ body: ([UnsafePointer<CChar>?]) -> R) -> R {
    let copies = strings.map { strdup($0) }
    defer { copies.forEach { free($0) } }
    return body(copies.map { UnsafePointer($0) })
}

extension FetchError {
    /// libcurl's failure in words (its own text is terse English meant for programmers).
    static func words(forCurlCode code: Int, detail: String) -> String {
        switch code {
        case 6: "the server's name was not found: check the address, or the computer's DNS"
        case 7: "the server refused the connection"
        case 8, 52: "the server's answer was not valid HTTP"
        case 35, 51, 58, 60, 77, 83, 90, 91:
            "the secure (https) connection failed: the server's certificate is not valid or not trusted"
        case 55, 56: "the connection was lost"
        default: "the connection failed (\(detail.isEmpty ? "libcurl error \(code)" : detail))"
        }
    }
}
