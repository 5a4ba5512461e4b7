import Foundation

#if FUZZING
    /// libFuzzer's entry (built by scripts/fuzz with -sanitize=fuzzer, which brings libFuzzer's main).
    /// The target is chosen by EDUSITE_FUZZ_TARGET, so one binary serves every corpus.
    @_cdecl("LLVMFuzzerTestOneInput")
    public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
        let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
        chosenTarget.run(bytes)
        return 0
    }

    /// SwiftPM links an executable with `main` renamed to `EduSiteFuzz_main` (so that tests can link
    /// it), which leaves libFuzzer's own `main` out: this one hands over to libFuzzer's driver.
    @_cdecl("EduSiteFuzz_main")
    public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
        var count = argc
        var arguments = argv
        return runFuzzerDriver(&count, &arguments, fuzzOneInput)
    }

    @_silgen_name("LLVMFuzzerRunDriver")
    func runFuzzerDriver(
        _ argc: UnsafeMutablePointer<CInt>,
        _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
        _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
    ) -> CInt

    let chosenTarget: FuzzTarget = {
        let name = ProcessInfo.processInfo.environment["EDUSITE_FUZZ_TARGET"] ?? ""
        guard let target = FuzzTarget(rawValue: name) else {
            fatalError("set EDUSITE_FUZZ_TARGET to one of: \(FuzzTarget.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return target
    }()
#else
    /// Without the fuzzer: replays files through a target (`edusite-fuzz TARGET FILE…`), for a crash
    /// found elsewhere.
    @main
    enum Replay {
        static func main() throws {
            let arguments = CommandLine.arguments.dropFirst()
            guard let name = arguments.first, let target = FuzzTarget(rawValue: name) else {
                print("usage: edusite-fuzz \(FuzzTarget.allCases.map(\.rawValue).joined(separator: "|")) FILE…")
                exit(2)
            }
            for file in arguments.dropFirst() {
                target.run(Array(try Data(contentsOf: URL(fileURLWithPath: file))))
            }
            print("\(name): \(arguments.count - 1) inputs, no crash")
        }
    }
#endif
