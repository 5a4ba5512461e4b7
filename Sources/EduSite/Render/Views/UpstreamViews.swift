/// The parent office's news (Tin tức, Thông báo, Văn bản, Thư mời): one column per feed.
struct UpstreamIncludeView: Sendable {
    /// "Tin từ Sở Giáo dục và Đào tạo Thành phố Hồ Chí Minh"
    let title: String
    let feeds: [UpstreamFeedView]
    /// For the standalone include: the stylesheet and the site it belongs to.
    let stylesheetHref: String
    let lang: String
}

struct UpstreamFeedView: Sendable {
    let title: String
    /// `tin-cap-tren-tin-tuc`: heading id.
    let anchor: String
    let items: ItemBlock<UpstreamItemView>?
    /// "Cập nhật 25/11/2026 08:00"
    let updatedLabel: String?
    /// "Chưa có tin" when nothing was ever fetched.
    let emptyLabel: String?
}

struct UpstreamItemView: Sendable {
    let title: String
    /// http(s) only: the feed reader drops everything else.
    let href: String?
    let dateDisplay: String?
    let dateISO: String?
}
