/// Reads and decodes `site.yaml`.
struct ConfigLoader {
    let fileSystem: FileSystem
    static let fileName = "site.yaml"

    static let minimalExample = """
        name: Trường THPT Sông Sài Gòn
        unit: thpt
        base_url: https://thptsongsaigon.hcm.edu.vn/
        contact:
          address: 12 Đường số 7, Phường An Khánh, Thành phố Hồ Chí Minh
          landline: "028 3899 1234"
          email: thptsongsaigon@hcm.edu.vn
        """

    /// The configuration, its YAML (for locations) and the hash of its bytes (for the build cache).
    func load(root: String, into diagnostics: inout [Diagnostic]) -> (SiteConfig, YAMLNode, ContentHash)? {
        // `site.yaml` too may be a link, and is read only from inside the site.
        var refusals: [Diagnostic] = []
        let checked = SiteFiles(fileSystem: fileSystem, boundary: root).check(
            Path.join(root, Self.fileName), shown: Self.fileName, into: &refusals)
        if !refusals.isEmpty {
            diagnostics += refusals
            return nil
        }
        let bytes: [UInt8]
        do {
            bytes = try fileSystem.readFile(checked?.source ?? Path.join(root, Self.fileName))
        } catch {
            if error.reason == .notFound {
                diagnostics.append(
                    Diagnostic(
                        .missingSiteConfig, .error,
                        Words(vi: "không có tệp site.yaml trong `\(root)`", en: "there is no site.yaml in `\(root)`"), at: nil,
                        hint: Words(
                            vi: "chạy lệnh trong thư mục của trang web, hoặc ghi rõ thư mục đó (`edusite build duong/dan/toi/trang`); để bắt đầu một trang mới, hãy chép thư mục example-site/ đi kèm EduSite, nó có đủ mọi mục",
                            en: "run the command in the site's folder, or name the folder (`edusite build path/to/site`); to start a new site, copy the example-site/ folder that comes with EduSite, which has every section")))
            } else {
                diagnostics.append(
                    Diagnostic(
                        .unreadableFile, .error, error.words, at: .file(Self.fileName),
                        hint: Words(
                            vi: "kiểm tra quyền đọc của site.yaml", en: "check that site.yaml can be read (its permissions)")))
            }
            return nil
        }
        do {
            guard let node = try YAMLParser.parse(bytes[...], path: Self.fileName) else {
                diagnostics.append(
                    Diagnostic(
                        .emptySiteConfig, .error, Words(vi: "site.yaml đang trống", en: "site.yaml is empty"),
                        at: .file(Self.fileName),
                        hint: Words(
                            vi: "viết ít nhất tên trường, loại đơn vị, base_url và thông tin liên hệ, ví dụ:\n" + Self.minimalExample,
                            en: "write at least the school's name, unit, base_url and contact, for example:\n" + Self.minimalExample)))
                return nil
            }
            let config = try YAMLDecoder().decode(SiteConfig.self, from: node)
            return (config, node, ContentHash.of(bytes))
        } catch {
            diagnostics += error.diagnostics
            return nil
        }
    }
}
