/// A disclosure's own statement of its school year and period against the folder it is in: the
/// folder decides where it is listed and counted, so a disagreement (a page copied from last
/// year's folder and not updated) is worth a warning at the key that disagrees.
extension PageBuilder {
    static func yearProblems(_ fields: DisclosureFrontMatter, folderYear: SchoolYear, node: YAMLNode) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        if let stated = fields.schoolYear, stated != folderYear {
            problems.append(
                Diagnostic(
                    .disclosureYearMismatch, .warning,
                    Words(
                        vi: "`school_year: \(stated)` khác thư mục `\(folderYear)` chứa trang: trang được liệt kê và tính vào năm học \(folderYear)",
                        en: "`school_year: \(stated)` disagrees with the folder `\(folderYear)` it is in: it is listed and counted under \(folderYear)"),
                    at: node.location(ofKeyPath: ["school_year"]),
                    hint: Words(
                        vi: "chuyển tệp sang `content/cong-khai/\(stated)/`, hoặc sửa `school_year` thành \(folderYear)",
                        en: "move the file to `content/cong-khai/\(stated)/`, or correct `school_year` to \(folderYear)")))
        }
        if let period = fields.period, SchoolYear(containing: period.start) != folderYear {
            problems.append(
                Diagnostic(
                    .disclosureYearMismatch, .warning,
                    Words(
                        vi: "`period: \(period)` không thuộc năm học \(folderYear) của thư mục chứa trang",
                        en: "`period: \(period)` is not in school year \(folderYear), the folder it is in"),
                    at: node.location(ofKeyPath: ["period"]),
                    hint: Words(
                        vi: "chuyển tệp sang thư mục năm học \(SchoolYear(containing: period.start)), hoặc sửa `period`",
                        en: "move the file to the folder of school year \(SchoolYear(containing: period.start)), or correct `period`")))
        }
        return problems
    }
}
