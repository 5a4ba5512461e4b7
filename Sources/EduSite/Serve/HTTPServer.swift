import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A small HTTP/1.1 server for `edusite serve`: POSIX sockets, one thread per connection, GET and HEAD
/// only. It is a preview server for one person's browser on their own machine, not a web server for
/// the public: production sites are plain files behind nginx, Apache or a static host.
public final class HTTPServer: Sendable {
    public struct Request: Sendable {
        public var method: String
        /// Path without the query string, percent-decoded.
        public var path: String
    }

    public enum Response: Sendable {
        case bytes(status: Int, contentType: String, body: [UInt8])
        /// Keeps the connection for server-sent events; the hub writes to it until the browser leaves.
        case eventStream(LiveReloadHub)
    }

    public typealias Handler = @Sendable (Request) -> Response

    public let port: UInt16
    private let listener: Int32
    private let handler: Handler
    private let running = Atomic<Bool>(true)

    /// Binds `host:port` (port 0 picks a free one) and starts accepting.
    public init(host: String, port: UInt16, handler: @escaping Handler) throws(ServeError) {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw ServeError.socket(errno) }
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        guard inet_pton(AF_INET, host == "localhost" ? "127.0.0.1" : host, &address.sin_addr) == 1 else {
            close(fd)
            throw ServeError.badHost(host)
        }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(fd, 64) == 0 else {
            let code = errno
            close(fd)
            throw ServeError.bind(host: host, port: port, code: code)
        }
        var actual = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &actual) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        self.port = UInt16(bigEndian: actual.sin_port)
        self.listener = fd
        self.handler = handler
        let thread = Thread { [self] in acceptLoop() }
        thread.name = "edusite-serve-accept"
        thread.start()
    }

    public func stop() {
        guard running.exchange(false, ordering: .sequentiallyConsistent) else { return }
        shutdown(listener, Int32(SHUT_RDWR))
        close(listener)
    }

    private func acceptLoop() {
        while running.load(ordering: .relaxed) {
            let client = accept(listener, nil, nil)
            if client < 0 {
                if errno == EINTR { continue }
                return
            }
            let thread = Thread { [self] in serve(client) }
            thread.start()
        }
    }

    private func serve(_ client: Int32) {
        var timeout = timeval(tv_sec: 10, tv_usec: 0)
        setsockopt(client, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        guard let request = Self.readRequest(client) else {
            close(client)
            return
        }
        let response: Response
        if request.method != "GET" && request.method != "HEAD" {
            response = .bytes(status: 405, contentType: "text/plain; charset=utf-8", body: Array("GET only\n".utf8))
        } else {
            response = handler(request)
        }
        switch response {
        case .bytes(let status, let contentType, let body):
            var head = "HTTP/1.1 \(status) \(Self.reason(status))\r\nContent-Type: \(contentType)\r\n"
            head += "Content-Length: \(body.count)\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n"
            _ = Self.send(client, Array(head.utf8))
            if request.method != "HEAD" { _ = Self.send(client, body) }
            close(client)
        case .eventStream(let hub):
            let head =
                "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream; charset=utf-8\r\nCache-Control: no-store\r\nConnection: keep-alive\r\n\r\n"
            guard Self.send(client, Array(head.utf8)) else {
                close(client)
                return
            }
            hub.attach(client)  // the hub closes it when the browser goes away
        }
    }

    /// Writes all bytes; false when the other side is gone.
    static func send(_ fd: Int32, _ bytes: [UInt8]) -> Bool {
        var sent = 0
        while sent < bytes.count {
            let n = bytes.withUnsafeBytes { Glibc.send(fd, $0.baseAddress! + sent, bytes.count - sent, Int32(MSG_NOSIGNAL)) }
            if n < 0 {
                if errno == EINTR { continue }
                return false
            }
            sent += n
        }
        return true
    }

    static func readRequest(_ fd: Int32) -> Request? {
        var buffer: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while buffer.count < 65_536 {
            let n = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress!, 4096, 0) }
            if n <= 0 { return nil }
            buffer += chunk[..<n]
            if let end = buffer.firstRange(of: [13, 10, 13, 10]) {
                let head = String(decoding: buffer[..<end.lowerBound], as: UTF8.self)
                let parts = head.split(separator: "\r\n", maxSplits: 1).first?.split(separator: " ") ?? []
                guard parts.count >= 2 else { return nil }
                let target = String(parts[1])
                let rawPath = target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? "/"
                return Request(method: String(parts[0]), path: ReferenceResolver.percentDecoded(rawPath))
            }
        }
        return nil
    }

    static func reason(_ status: Int) -> String {
        switch status {
        case 200: "OK"
        case 404: "Not Found"
        case 405: "Method Not Allowed"
        default: "Error"
        }
    }
}

public enum ServeError: Error, Sendable, CustomStringConvertible {
    case socket(Int32)
    case badHost(String)
    case bind(host: String, port: UInt16, code: Int32)

    public var description: String { words.en }

    public var words: Words {
        switch self {
        case .socket(let code):
            let why = FileSystemError.words(forErrno: code)
            return Words(vi: "không mở được cổng mạng (socket): \(why.vi)", en: "cannot open a network socket: \(why.en)")
        case .badHost(let host):
            return Words(
                vi: "`\(host)` không phải một địa chỉ IPv4: hãy dùng 127.0.0.1 (chỉ máy này) hoặc 0.0.0.0 (mạng nội bộ)",
                en: "`\(host)` is not an IPv4 address: use 127.0.0.1 (only this computer) or 0.0.0.0 (the local network)")
        case .bind(let host, let port, let code):
            let why = FileSystemError.words(forErrno: code)
            return code == EADDRINUSE
                ? Words(
                    vi: "cổng \(port) trên \(host) đang được một chương trình khác dùng: hãy tắt chương trình đó hoặc chọn cổng khác bằng --port",
                    en: "port \(port) on \(host) is already in use: stop the other program or choose another with --port")
                : Words(
                    vi: "không lắng nghe được trên \(host):\(port): \(why.vi)", en: "cannot listen on \(host):\(port): \(why.en)")
        }
    }
}
