/// What kind of unit runs the site; decides which requirements apply.
public enum UnitKind: String, Sendable, Hashable, Codable, CaseIterable {
    case mamNon = "mam-non"
    case tieuHoc = "tieu-hoc"
    case thcs
    case thpt
    case lienCap = "lien-cap"
    case gdnnGdtx = "gdnn-gdtx"
    /// A district office (Phòng GD&ĐT, before the 2025 reorganisation).
    case phongGDDT = "phong-gddt"
    /// A ward/commune culture-society office that took over district duties in 2025.
    case phongVHXH = "phong-vhxh"
    /// The city's Department of Education (Sở GD&ĐT).
    case soGDDT = "so-gddt"

    public var isOffice: Bool { self == .phongGDDT || self == .phongVHXH || self == .soGDDT }

    /// Vietnamese label as users see it.
    public var label: String {
        switch self {
        case .mamNon: "Trường mầm non"
        case .tieuHoc: "Trường tiểu học"
        case .thcs: "Trường trung học cơ sở"
        case .thpt: "Trường trung học phổ thông"
        case .lienCap: "Trường nhiều cấp học"
        case .gdnnGdtx: "Trung tâm GDNN - GDTX"
        case .phongGDDT: "Phòng Giáo dục và Đào tạo"
        case .phongVHXH: "Phòng Văn hóa - Xã hội"
        case .soGDDT: "Sở Giáo dục và Đào tạo"
        }
    }
}
