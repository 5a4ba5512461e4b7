import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A minimal HTTP/1.1 server for tests: POSIX sockets bound to 127.0.0.1 on an ephemeral port, an
/// accept loop on its own thread, one thread per connection, one request per connection, scripted
/// routes. It never connects anywhere itself.
final class TestHTTPServer: Sendable {
    struct Request: Sendable {
        var method: String
        var path: String
        /// Header names lowercased.
        var headers: [String: String]
        /// When the request arrived.
        var received = ContinuousClock.now
    }

    enum Reply: Sendable {
        case respond(status: Int, headers: [String: String], body: [UInt8])
        /// Accepts and reads the request, then says nothing for this long (or until the server stops).
        case silence(seconds: Double)
        /// Sends `bytes` of filler in chunks, as fast as the client takes them, without a Content-Length.
        case endless(bytes: Int)
        /// The same with `Transfer-Encoding: chunked`.
        case chunked(bytes: Int)

        static func ok(_ body: String, type: String = "application/rss+xml; charset=utf-8", headers: [String: String] = [:]) -> Reply {
            .respond(status: 200, headers: headers.merging(["Content-Type": type]) { a, _ in a }, body: Array(body.utf8))
        }

        static func bytes(_ body: [UInt8], type: String) -> Reply {
            .respond(status: 200, headers: ["Content-Type": type], body: body)
        }

        static func status(_ code: Int, headers: [String: String] = [:]) -> Reply {
            .respond(status: code, headers: headers, body: Array("status \(code)".utf8))
        }
    }

    typealias Handler = @Sendable (Request) -> Reply

    let port: UInt16
    private let listener: Int32
    private let routes = Mutex<[String: Handler]>([:])
    private let log = Mutex<[Request]>([])
    private let stopped = Atomic<Bool>(false)

    init() throws {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw POSIXError(.EIO) }
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(fd, 64) == 0 else {
            close(fd)
            throw POSIXError(.EADDRINUSE)
        }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        listener = fd
        port = UInt16(bigEndian: address.sin_port)
        Thread.detachNewThread { [self] in acceptLoop() }
    }

    deinit { stop() }

    var baseURL: String { "http://127.0.0.1:\(port)" }

    func url(_ path: String) -> String { baseURL + path }

    func route(_ path: String, _ handler: @escaping Handler) {
        routes.withLock { $0[path] = handler }
    }

    func route(_ path: String, _ reply: Reply) {
        route(path) { _ in reply }
    }

    /// Every request received so far, in order.
    var requests: [Request] { log.withLock { $0 } }

    func stop() {
        if stopped.exchange(true, ordering: .sequentiallyConsistent) { return }
        shutdown(listener, Int32(SHUT_RDWR))
        close(listener)
    }

    private func acceptLoop() {
        while !stopped.load(ordering: .sequentiallyConsistent) {
            var poller = pollfd(fd: listener, events: Int16(POLLIN), revents: 0)
            guard poll(&poller, 1, 50) > 0 else { continue }
            let client = accept(listener, nil, nil)
            guard client >= 0 else { continue }
            Thread.detachNewThread { [self] in serve(client) }
        }
    }

    private func serve(_ client: Int32) {
        defer { close(client) }
        var timeout = timeval(tv_sec: 5, tv_usec: 0)
        setsockopt(client, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        guard let request = readRequest(client) else { return }
        log.withLock { $0.append(request) }
        let pathOnly = String(request.path.prefix { $0 != "?" })
        let handler = routes.withLock { $0[request.path] ?? $0[pathOnly] }
        let reply = handler?(request) ?? .status(404)
        switch reply {
        case .respond(let status, let headers, let body):
            var head = "HTTP/1.1 \(status) \(reason(status))\r\nConnection: close\r\n"
            if status != 304 { head += "Content-Length: \(body.count)\r\n" }
            for (name, value) in headers.sorted(by: { $0.key < $1.key }) { head += "\(name): \(value)\r\n" }
            head += "\r\n"
            guard send(client, Array(head.utf8)) else { return }
            if status != 304 { _ = send(client, body) }
        case .silence(let seconds):
            let deadline = Date().addingTimeInterval(seconds)
            while Date() < deadline, !stopped.load(ordering: .sequentiallyConsistent) { usleep(20_000) }
        case .endless(let total), .chunked(let total):
            let chunked = if case .chunked = reply { true } else { false }
            let head = "HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Type: application/rss+xml\r\n"
                + (chunked ? "Transfer-Encoding: chunked\r\n" : "") + "\r\n"
            guard send(client, Array(head.utf8)) else { return }
            let filler = [UInt8](repeating: UInt8(ascii: "x"), count: 64 * 1024)
            let chunk = chunked ? Array("10000\r\n".utf8) + filler + Array("\r\n".utf8) : filler
            var sent = 0
            while sent < total, !stopped.load(ordering: .sequentiallyConsistent) {
                guard send(client, chunk) else { return }
                sent += chunk.count
            }
        }
    }

    private func readRequest(_ client: Int32) -> Request? {
        var buffer: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while buffer.count < 64 * 1024 {
            let count = recv(client, &chunk, chunk.count, 0)
            guard count > 0 else { return nil }
            buffer += chunk[0..<count]
            if let end = buffer.firstRange(of: [13, 10, 13, 10]) {
                let lines = String(decoding: buffer[..<end.lowerBound], as: UTF8.self).components(separatedBy: "\r\n")
                let parts = lines.first?.split(separator: " ") ?? []
                guard parts.count >= 2 else { return nil }
                var headers: [String: String] = [:]
                for line in lines.dropFirst() {
                    guard let colon = line.firstIndex(of: ":") else { continue }
                    headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
                }
                return Request(method: String(parts[0]), path: String(parts[1]), headers: headers)
            }
        }
        return nil
    }

    private func send(_ client: Int32, _ bytes: [UInt8]) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { rawSend(client, $0.baseAddress, $0.count) }
            guard written > 0 else { return false }
            offset += written
        }
        return true
    }

    private func rawSend(_ client: Int32, _ pointer: UnsafeRawPointer?, _ count: Int) -> Int {
        #if canImport(Glibc)
            Glibc.send(client, pointer, count, Int32(MSG_NOSIGNAL))
        #else
            Darwin.send(client, pointer, count, 0)
        #endif
    }

    private func reason(_ status: Int) -> String {
        switch status {
        case 200: "OK"
        case 301: "Moved Permanently"
        case 302: "Found"
        case 304: "Not Modified"
        case 404: "Not Found"
        case 500: "Internal Server Error"
        default: "Status"
        }
    }
}
