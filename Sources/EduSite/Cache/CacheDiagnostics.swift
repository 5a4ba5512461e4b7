/// Findings about the build cache (C001–C099): warnings only, since the cache is a shortcut.
extension DiagnosticCode {
    /// The build cache was damaged: it was set aside and the site built from nothing.
    public static let damagedCache: DiagnosticCode = "C001"
}

enum CacheDiagnostics {
    /// `movedTo`: where the damaged cache now is (relative to the site), nil when it could not be moved.
    static func damaged(_ damage: CacheDamage, movedTo: String?) -> Diagnostic {
        let fate =
            movedTo.map {
                Words(
                    vi: "nó đã được cất sang \($0)/ và trang web được tạo lại từ đầu",
                    en: "it was set aside in \($0)/ and the site was built from nothing")
            }
            ?? Words(
                vi: "không chuyển nó sang chỗ khác được, nên nó không được dùng và trang web được tạo lại từ đầu",
                en: "it could not be moved aside, so it was not used and the site was built from nothing")
        return Diagnostic(
            .damagedCache, .warning,
            Words(
                vi: "bộ nhớ đệm trong .edusite/cache bị hỏng (\(damage)); \(fate.vi)",
                en: "the build cache in .edusite/cache is damaged (\(damage)); \(fate.en)"),
            at: nil,
            hint: Words(
                vi: "không cần làm gì: lần tạo sau sẽ lập bộ nhớ đệm mới. Nếu lỗi này còn lặp lại, hãy kiểm tra lỗi của ổ đĩa",
                en: "nothing to do: the next build makes a new cache. If this comes back, check the disk for errors"))
    }
}
