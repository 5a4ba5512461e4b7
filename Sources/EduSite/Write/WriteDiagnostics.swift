/// Findings of the Write stage (E400–E499).
extension DiagnosticCode {
    /// The output folder is one that must never be replaced.
    public static let unsafeOutputFolder: DiagnosticCode = "E400"
    /// The output folder holds files EduSite did not write.
    public static let foreignOutputFolder: DiagnosticCode = "E401"
    /// The disk refused a write.
    public static let writeFailed: DiagnosticCode = "E402"
}
