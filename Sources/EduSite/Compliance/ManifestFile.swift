/// A manifest file as written, before `extends` is resolved.
struct ManifestFile: Decodable {
    struct RequirementEntry: Decodable {
        var id: String
        var title: String
        var kind: RequirementKind
        var path: String
        var units: [UnitKind]?
        var verified: Bool?
        var note: String?
        var basis: String?
        var severity: Diagnostic.Severity?
        var rules: RequirementRules

        enum CodingKeys: String, CodingKey { case id, title, kind, path, units, verified, note, basis, severity, rules }

        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            id = try c.decode(Identifier.self, forKey: .id).value
            title = try c.decode(String.self, forKey: .title)
            kind = try c.decode(RequirementKind.self, forKey: .kind)
            path = try c.decode(String.self, forKey: .path)
            units = try c.decodeIfPresent([UnitKind].self, forKey: .units)
            verified = try c.decodeIfPresent(Bool.self, forKey: .verified)
            note = try c.decodeIfPresent(String.self, forKey: .note)
            basis = try c.decodeIfPresent(String.self, forKey: .basis)
            severity = try c.decodeIfPresent(Diagnostic.Severity.self, forKey: .severity)
            rules = try c.decode(RequirementRules.self, forKey: .rules)
        }
    }

    var id: String
    var title: String
    var regulation: Regulation
    var verified: Bool
    var note: String?
    var extends: [String]
    var units: [UnitKind]?
    var requirements: [RequirementEntry]

    enum CodingKeys: String, CodingKey { case id, title, regulation, verified, note, extends, units, requirements }

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(Identifier.self, forKey: .id).value
        title = try c.decode(String.self, forKey: .title)
        regulation = try c.decode(Regulation.self, forKey: .regulation)
        verified = try c.decodeIfPresent(Bool.self, forKey: .verified) ?? true
        note = try c.decodeIfPresent(String.self, forKey: .note)
        extends = try c.decodeIfPresent([String].self, forKey: .extends) ?? []
        units = try c.decodeIfPresent([UnitKind].self, forKey: .units)
        requirements = try c.decodeIfPresent([RequirementEntry].self, forKey: .requirements) ?? []
    }
}
