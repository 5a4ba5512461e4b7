/// Findings about the build cache (C001–C099): warnings only, since the cache is a shortcut.
extension DiagnosticCode {
    /// The build cache was damaged: it was set aside and the site built from nothing.
    public static let damagedCache: DiagnosticCode = "C001"
}

enum CacheDiagnostics {
    /// `movedTo`: where the damaged cache now is (relative to the site), nil when it could not be moved.
    static func damaged(_ damage: CacheDamage, movedTo: String?) -> Diagnostic {
        let fate =
            movedTo.map { "it was set aside in \($0)/ and the site was built from nothing" }
            ?? "it could not be moved aside, so it was not used and the site was built from nothing"
        return Diagnostic(
            .damagedCache, .warning, "the build cache in .edusite/cache is damaged (\(damage)); \(fate)", at: nil,
            hint: "nothing to do: the next build makes a new cache. If this comes back, check the disk for errors")
    }
}
