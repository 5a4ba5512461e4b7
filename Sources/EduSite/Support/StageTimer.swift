#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// With `EDUSITE_TIMINGS=1` in the environment, prints how long each step of a build took to
/// standard error (`docs/performance.md`). Off otherwise: one environment lookup per build.
struct StageTimer: ~Copyable {
    private let enabled: Bool
    private var last: Int64

    init() {
        enabled = getenv("EDUSITE_TIMINGS").map { String(cString: $0) == "1" } ?? false
        last = Self.monotonicNanoseconds()
    }

    /// The time since the previous mark (or the start), under `step`.
    mutating func mark(_ step: String) {
        guard enabled else { return }
        let now = Self.monotonicNanoseconds()
        let micros = (now - last) / 1000
        let line = "timing: \(step) \(micros / 1000).\(micros % 1000 / 100) ms\n"
        _ = line.withCString { write(2, $0, strlen($0)) }
        last = now
    }

    private static func monotonicNanoseconds() -> Int64 {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Int64(time.tv_sec) * 1_000_000_000 + Int64(time.tv_nsec)
    }
}
