/// Findings of the Load stage (E100–E199).
extension DiagnosticCode {
    /// No `site.yaml` in the site folder.
    public static let missingSiteConfig: DiagnosticCode = "E100"
    /// `site.yaml` is empty.
    public static let emptySiteConfig: DiagnosticCode = "E101"
    /// A Markdown file without front matter.
    public static let missingFrontMatter: DiagnosticCode = "E102"
    /// A dated post without `date`.
    public static let missingDate: DiagnosticCode = "E104"
    /// A file named by a page that does not exist.
    public static let missingFile: DiagnosticCode = "E105"
    /// A file path that leaves the site.
    public static let pathLeavesSite: DiagnosticCode = "E106"
    /// A folder under `cong-khai/` that is not a school year.
    public static let badSchoolYearFolder: DiagnosticCode = "E107"
    /// The theme named in `site.yaml` cannot be found.
    public static let missingTheme: DiagnosticCode = "E108"
    /// A file cannot be read (permissions, a folder where a file should be, …).
    public static let unreadableFile: DiagnosticCode = "E109"
    /// The timezone in `site.yaml` is unknown.
    public static let unknownTimezone: DiagnosticCode = "E110"
    /// A page in a place that needs a particular kind of file (e.g. `to-chuc/ban-giam-hieu.md` without `people`).
    public static let emptyList: DiagnosticCode = "E111"
    /// A symlink that points outside the site folder (or a bundled theme's folder), or into a hidden folder of it.
    public static let linkLeavesSite: DiagnosticCode = "E112"
    /// A symlink that points at nothing.
    public static let danglingLink: DiagnosticCode = "E113"
    /// A symlink that leads round in a loop, or to a folder holding it.
    public static let linkLoop: DiagnosticCode = "E114"
    /// Something in the site that is neither a file nor a folder (a pipe, a device, a socket).
    public static let notAFile: DiagnosticCode = "E115"
    /// `theme:` is not a plain name (a path, `..`, a hidden name).
    public static let badThemeName: DiagnosticCode = "E116"
    /// A link a page would show that `LinkPolicy` refuses (`javascript:`, `data:`, `file:`, …).
    public static let unsafeLink: DiagnosticCode = "E117"
}

extension DiagnosticCode {
    /// A disclosure's `school_year:` or `period:` is not the school year of its folder (a warning).
    public static let disclosureYearMismatch: DiagnosticCode = "E118"
}
