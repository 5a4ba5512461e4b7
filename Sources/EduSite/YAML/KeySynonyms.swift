/// Words people write for a key EduSite names otherwise, as data: each known key, then what is
/// written for it (lowercase, without accents, words joined by `_`, as `UnknownKey.folded` makes
/// them). A "did you mean" offers the key when it is one allowed where the word was written, so one
/// table serves `site.yaml`, front matter and manifests.
enum KeySynonyms {
    static let table: [(key: String, written: [String])] = [
        ("landline", ["phone", "tel", "telephone", "dien_thoai", "so_dien_thoai", "sdt", "dt", "dien_thoai_ban"]),
        ("hotline", ["duong_day_nong", "so_nong"]),
        ("email", ["mail", "e_mail", "thu_dien_tu"]),
        ("address", ["dia_chi", "addr"]),
        ("fax", ["so_fax"]),
        ("upstream_feeds", ["feeds", "rss", "nguon_tin", "upstream", "feed"]),
        ("name", ["ten", "ten_truong", "ten_don_vi", "school_name"]),
        ("short_name", ["ten_viet_tat", "ten_ngan", "abbreviation"]),
        ("title", ["tieu_de", "ten", "ten_bai"]),
        ("date", ["ngay", "ngay_dang", "published"]),
        ("description", ["mo_ta"]),
        ("summary", ["tom_tat"]),
        ("tags", ["the", "tag", "tu_khoa", "keywords"]),
        ("draft", ["nhap", "ban_nhap"]),
        ("image", ["anh", "hinh", "hinh_anh", "thumbnail"]),
        ("attachments", ["tep_dinh_kem", "dinh_kem", "files"]),
        ("timezone", ["mui_gio", "time_zone", "tz"]),
        ("founded", ["nam_thanh_lap", "thanh_lap"]),
        ("base_url", ["url", "base", "dia_chi_web"]),
    ]

    /// The keys `written` stands for, most likely first.
    static func keys(for written: String) -> [String] {
        table.filter { $0.written.contains(written) }.map(\.key)
    }
}
