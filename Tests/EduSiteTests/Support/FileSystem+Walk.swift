@testable import EduSite

extension FileSystem {
    // For tests reading fixture trees and outputs; the library lists a site only through `SiteFiles`.
    /// Every file below `root`, as `/`-separated paths relative to it, in byte order so that output is
    /// reproducible. Hidden names (`.git`, `.DS_Store`, …) are skipped; a missing root gives no files.
    func walkFiles(_ root: String) throws(FileSystemError) -> [String] {
        guard directoryExists(root) else { return [] }
        var result: [String] = []
        var pending: [String] = [""]
        while let relative = pending.popLast() {
            let absolute = relative.isEmpty ? root : Path.join(root, relative)
            for entry in try listDirectory(absolute) where !entry.name.hasPrefix(".") {
                let child = relative.isEmpty ? entry.name : relative + "/" + entry.name
                if entry.isDirectory { pending.append(child) } else { result.append(child) }
            }
        }
        return result.sorted(by: Self.precedesInByteOrder)
    }
}
