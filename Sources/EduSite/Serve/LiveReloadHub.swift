import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The open pages of `edusite serve`, each listening on a server-sent-events connection: told to
/// reload after a good build, and shown an overlay with the findings after a failed one.
public final class LiveReloadHub: Sendable {
    public enum State: Sendable, Equatable {
        case ok
        /// The findings of the failed build, one per line (`file:line:col: error[…]: …`).
        case failed([String])
    }

    private let clients = Mutex<[Int32]>([])
    private let state = Mutex<State>(.ok)
    /// Every event sent so far, for tests.
    private let sent = Mutex<[String]>([])

    public init() {}

    public var currentState: State { state.withLock { $0 } }
    public var sentEvents: [String] { sent.withLock { $0 } }

    /// A page connected: tell it the current state at once, so a page opened during an error shows it.
    func attach(_ fd: Int32) {
        let current = currentState
        guard case .failed(let lines) = current else {
            clients.withLock { $0.append(fd) }
            _ = HTTPServer.send(fd, Array(": connected\n\n".utf8))
            return
        }
        if HTTPServer.send(fd, Self.event("build-error", Self.json(lines))) {
            clients.withLock { $0.append(fd) }
        } else {
            close(fd)
        }
    }

    /// After a build that succeeded: every page reloads.
    public func buildSucceeded() {
        state.withLock { $0 = .ok }
        broadcast(name: "reload", data: "{}")
    }

    /// After a build that failed: every page shows the findings; the last good pages stay served.
    public func buildFailed(_ lines: [String]) {
        state.withLock { $0 = .failed(lines) }
        broadcast(name: "build-error", data: Self.json(lines))
    }

    private func broadcast(name: String, data: String) {
        sent.withLock { $0.append(name) }
        let bytes = Self.event(name, data)
        let open = clients.withLock { fds -> [Int32] in
            let current = fds
            fds.removeAll()
            return current
        }
        var alive: [Int32] = []
        for fd in open {
            if HTTPServer.send(fd, bytes) { alive.append(fd) } else { close(fd) }
        }
        clients.withLock { $0 += alive }
    }

    static func event(_ name: String, _ data: String) -> [UInt8] {
        Array("event: \(name)\ndata: \(data)\n\n".utf8)
    }

    /// A JSON array of strings.
    static func json(_ lines: [String]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        // Encoding an array of strings cannot fail.
        return (try? encoder.encode(lines)).map { String(decoding: $0, as: UTF8.self) } ?? "[]"
    }
}
