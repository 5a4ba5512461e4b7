/// Findings of the Write stage (E400–E499).
extension DiagnosticCode {
    /// The output folder is one that must never be written into: a system or home folder, the site or its sources.
    public static let unsafeOutputFolder: DiagnosticCode = "E400"
    /// The output folder holds things EduSite did not write (without --force), or that cannot be kept in place.
    public static let foreignOutputFolder: DiagnosticCode = "E401"
    /// The disk refused a write.
    public static let writeFailed: DiagnosticCode = "E402"
    /// The site needs a path where a file EduSite did not write stands.
    public static let outputFileNotOurs: DiagnosticCode = "E403"
    /// After the new output was in place, something of the old one could not be removed (a warning).
    public static let outputNotTidied: DiagnosticCode = "E404"
}
