/// `sitemap.xml` and `robots.txt`.
enum SitemapWriter {
    static func sitemap(site: Site, plan: SitePlan) -> String {
        let urls = SiteURLs(baseURL: site.config.baseURL)
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for entry in plan.entries where entry.path.hasSuffix("/") {
            xml += "  <url><loc>\(urls.absolute(entry.path).xmlEscaped)</loc>"
            if case .page(let page) = entry.job, let date = page.updated ?? page.date {
                xml += "<lastmod>\(date.rfc3339)</lastmod>"
            }
            xml += "</url>\n"
        }
        return xml + "</urlset>\n"
    }

    static func robots(site: Site) -> String {
        "User-agent: *\nAllow: /\n\nSitemap: \(SiteURLs(baseURL: site.config.baseURL).absolute("/sitemap.xml"))\n"
    }
}
