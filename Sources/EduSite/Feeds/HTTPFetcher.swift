import Foundation
import Synchronization

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// GETs one URL with hard limits: an overall deadline, a body-size cap enforced while the body streams
/// in, a redirect cap, and `http`/`https` only (redirects included). 4xx/5xx are errors; `304` is not.
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

        let seconds = Double(limits.timeout.components.seconds) + Double(limits.timeout.components.attoseconds) / 1e18
        var request = URLRequest(url: target, cachePolicy: .reloadIgnoringLocalCacheData, timeoutInterval: seconds.rounded(.up) + 1)
        request.setValue(userAgent, forHTTPHeaderField: "User-Agent")
        request.setValue(
            "application/rss+xml, application/atom+xml, application/rdf+xml, application/xml;q=0.9, text/xml;q=0.9, text/html;q=0.8, */*;q=0.5",
            forHTTPHeaderField: "Accept")
        if let etag { request.setValue(etag, forHTTPHeaderField: "If-None-Match") }
        if let lastModified { request.setValue(lastModified, forHTTPHeaderField: "If-Modified-Since") }

        let configuration = URLSessionConfiguration.ephemeral
        // URLSession's own timers are a backstop only (on Linux they count whole seconds, cut down):
        // the deadline task below is what holds the limit.
        configuration.timeoutIntervalForRequest = seconds.rounded(.up) + 1
        configuration.timeoutIntervalForResource = seconds.rounded(.up) + 1
        configuration.urlCache = nil
        configuration.httpCookieStorage = nil
        configuration.httpShouldSetCookies = false
        let delegate = FetchDelegate(limits: limits, timeoutSeconds: Int(seconds.rounded(.up)))
        let session = URLSession(configuration: configuration, delegate: delegate, delegateQueue: nil)
        defer { session.invalidateAndCancel() }
        let task = session.dataTask(with: request)

        let result = await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Result<FetchResponse, FetchError>, Never>) in
                delegate.start(continuation)
                task.resume()
                // Our own deadline: URLSession's timeouts are per read on some platforms, and a server
                // that trickles one byte a second must still fail in time.
                let timeout = limits.timeout
                Task {
                    try? await Task.sleep(for: timeout)
                    if delegate.finish(.failure(.timedOut(seconds: Int(seconds.rounded(.up))))) { task.cancel() }
                }
            }
        } onCancel: {
            if delegate.finish(.failure(.cancelled)) { task.cancel() }
        }
        return try result.get()
    }
}

/// Collects one task's response. Its state lives in a `Mutex`, so it is safely `Sendable`
/// (URLSession calls it on its own queue while the deadline task and cancellation race it).
private final class FetchDelegate: NSObject, URLSessionDataDelegate, Sendable {
    private struct State {
        var continuation: CheckedContinuation<Result<FetchResponse, FetchError>, Never>?
        var pending: Result<FetchResponse, FetchError>?
        var finished = false
        var response: HTTPURLResponse?
        var body: [UInt8] = []
        var redirects = 0
        var failure: FetchError?
    }

    private let limits: FetchLimits
    private let timeoutSeconds: Int
    private let state = Mutex(State())

    init(limits: FetchLimits, timeoutSeconds: Int) {
        self.limits = limits
        self.timeoutSeconds = timeoutSeconds
    }

    func start(_ continuation: CheckedContinuation<Result<FetchResponse, FetchError>, Never>) {
        let early: Result<FetchResponse, FetchError>? = state.withLock { state in
            if let pending = state.pending { return pending }
            state.continuation = continuation
            return nil
        }
        if let early { continuation.resume(returning: early) }
    }

    /// Delivers the result once; returns whether this call was the one that did.
    @discardableResult
    func finish(_ result: Result<FetchResponse, FetchError>) -> Bool {
        let continuation: CheckedContinuation<Result<FetchResponse, FetchError>, Never>?? = state.withLock { state in
            guard !state.finished else { return .none }
            state.finished = true
            if state.continuation == nil { state.pending = result }
            defer { state.continuation = nil }
            return .some(state.continuation)
        }
        guard case .some(let waiting) = continuation else { return false }
        waiting?.resume(returning: result)
        return true
    }

    func urlSession(
        _ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
        newRequest request: URLRequest, completionHandler: @escaping @Sendable (URLRequest?) -> Void
    ) {
        let failure: FetchError? = state.withLock { state in
            state.redirects += 1
            if state.redirects > limits.maxRedirects { return .tooManyRedirects(max: limits.maxRedirects) }
            let scheme = request.url?.scheme?.lowercased() ?? ""
            if scheme != "http" && scheme != "https" { return .unsupportedScheme(scheme) }
            return nil
        }
        if let failure {
            completionHandler(nil)
            if finish(.failure(failure)) { task.cancel() }
        } else {
            completionHandler(request)
        }
    }

    func urlSession(
        _ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
        completionHandler: @escaping @Sendable (URLSession.ResponseDisposition) -> Void
    ) {
        let http = response as? HTTPURLResponse
        state.withLock { $0.response = http }
        if response.expectedContentLength > Int64(limits.maxBytes) {
            completionHandler(.cancel)
            finish(.failure(.tooLarge(maxBytes: limits.maxBytes)))
            return
        }
        completionHandler(.allow)
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        let overflow = state.withLock { state -> Bool in
            guard !state.finished else { return false }
            if state.body.count + data.count > limits.maxBytes { return true }
            state.body.append(contentsOf: data)
            return false
        }
        if overflow, finish(.failure(.tooLarge(maxBytes: limits.maxBytes))) { dataTask.cancel() }
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: (any Error)?) {
        let (response, body) = state.withLock { ($0.response, $0.body) }
        if let error {
            let code = (error as NSError).code
            let failure: FetchError =
                switch code {
                case NSURLErrorTimedOut: .timedOut(seconds: timeoutSeconds)
                case NSURLErrorCancelled: .cancelled
                case NSURLErrorHTTPTooManyRedirects: .tooManyRedirects(max: limits.maxRedirects)
                case NSURLErrorDataLengthExceedsMaximum: .tooLarge(maxBytes: limits.maxBytes)
                default: .network(FetchError.words(forURLError: code))
                }
            finish(.failure(failure))
            return
        }
        guard let response else {
            finish(.failure(.network("no HTTP response")))
            return
        }
        let status = response.statusCode
        if (300..<400).contains(status) && status != 304 {
            let exceeded = state.withLock { $0.redirects >= limits.maxRedirects }
            finish(.failure(exceeded ? .tooManyRedirects(max: limits.maxRedirects) : .httpStatus(status)))
            return
        }
        guard status < 400 else {
            finish(.failure(.httpStatus(status)))
            return
        }
        finish(
            .success(
                FetchResponse(
                    status: status,
                    body: status == 304 ? [] : body,
                    etag: response.value(forHTTPHeaderField: "ETag"),
                    lastModified: response.value(forHTTPHeaderField: "Last-Modified"),
                    charset: FeedTextEncoding.charset(fromContentType: response.value(forHTTPHeaderField: "Content-Type")),
                    notModified: status == 304,
                    finalURL: response.url?.absoluteString ?? task.originalRequest?.url?.absoluteString ?? "")))
    }
}

extension FetchError {
    /// Foundation's error of a failed connection in words (its own text names error domains and numbers).
    static func words(forURLError code: Int) -> String {
        switch code {
        case NSURLErrorCannotFindHost, NSURLErrorDNSLookupFailed: "the server's name was not found: check the address, or the computer's DNS"
        case NSURLErrorCannotConnectToHost: "the server refused the connection"
        case NSURLErrorNetworkConnectionLost: "the connection was lost"
        case NSURLErrorNotConnectedToInternet: "this computer is not connected to the network"
        case NSURLErrorSecureConnectionFailed, NSURLErrorServerCertificateHasBadDate, NSURLErrorServerCertificateUntrusted,
            NSURLErrorServerCertificateHasUnknownRoot, NSURLErrorServerCertificateNotYetValid:
            "the secure (https) connection failed: the server's certificate is not valid or not trusted"
        case NSURLErrorBadServerResponse: "the server's answer was not valid HTTP"
        case NSURLErrorUnsupportedURL: "the address is not one EduSite can fetch"
        default: "the connection failed (URL error \(code))"
        }
    }
}
