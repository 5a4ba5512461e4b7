/// What some kinds of page add (people, organisation, disclosure, procedure), in the build cache.

extension Person: CacheCodable {
    func encode(to writer: inout CacheWriter) {
        writer.write(name)
        writer.write(role)
        writer.write(phone)
        writer.write(email)
        writer.write(photo)
        writer.write(duties)
        writer.write(location)
    }

    init(from reader: inout CacheReader) throws(CacheFormatError) {
        self.init(
            name: try reader.read(), role: try reader.read(), phone: try reader.read(), email: try reader.read(),
            photo: try reader.read(), duties: try reader.read(), location: try reader.read())
    }
}

extension OrganisationInfo: CacheCodable {
    func encode(to writer: inout CacheWriter) { writer.write(kind) }

    init(from reader: inout CacheReader) throws(CacheFormatError) { self.init(kind: try reader.read()) }
}

extension OrganisationKind: CacheCodable {
    func encode(to writer: inout CacheWriter) {
        let tag: UInt8 =
            switch self {
            case .chiBo: 0
            case .congDoan: 1
            case .doanThanhNien: 2
            case .doiThieuNien: 3
            case .banDaiDienCMHS: 4
            case .hoiDongTruong: 5
            case .toChuyenMon: 6
            case .khac: 7
            }
        writer.writeByte(tag)
    }

    init(from reader: inout CacheReader) throws(CacheFormatError) {
        switch try reader.readByte() {
        case 0: self = .chiBo
        case 1: self = .congDoan
        case 2: self = .doanThanhNien
        case 3: self = .doiThieuNien
        case 4: self = .banDaiDienCMHS
        case 5: self = .hoiDongTruong
        case 6: self = .toChuyenMon
        case 7: self = .khac
        case let tag: throw reader.invalidTag(tag, "OrganisationKind")
        }
    }
}

extension DisclosureInfo: CacheCodable {
    func encode(to writer: inout CacheWriter) {
        writer.write(reference.description)
        writer.write(schoolYear)
        writer.write(period?.description)
    }

    init(from reader: inout CacheReader) throws(CacheFormatError) {
        let referenceText: String = try reader.read()
        let schoolYear: SchoolYear = try reader.read()
        let periodText: String? = try reader.read()
        guard let reference = DisclosureReference(referenceText) else { throw reader.invalidValue("DisclosureReference") }
        var period: DisclosurePeriod?
        if let periodText {
            guard let value = DisclosurePeriod(periodText) else { throw reader.invalidValue("DisclosurePeriod") }
            period = value
        }
        self.init(reference: reference, schoolYear: schoolYear, period: period)
    }
}

extension ProcedureInfo: CacheCodable {
    func encode(to writer: inout CacheWriter) {
        writer.write(id)
        writer.write(forms)
        writer.write(steps)
        writer.write(documents)
        writer.write(timeLimit)
        writer.write(fees)
        writer.write(agency)
        writer.write(legalBasis)
        writer.write(onlineService)
        writer.write(onlineLevel)
    }

    init(from reader: inout CacheReader) throws(CacheFormatError) {
        self.init(
            id: try reader.read(), forms: try reader.read(), steps: try reader.read(), documents: try reader.read(),
            timeLimit: try reader.read(), fees: try reader.read(), agency: try reader.read(),
            legalBasis: try reader.read(), onlineService: try reader.read(), onlineLevel: try reader.read())
    }
}

extension OnlineLevel: CacheCodable {
    func encode(to writer: inout CacheWriter) {
        switch self {
        case .toanTrinh: writer.writeByte(0)
        case .motPhan: writer.writeByte(1)
        }
    }

    init(from reader: inout CacheReader) throws(CacheFormatError) {
        switch try reader.readByte() {
        case 0: self = .toanTrinh
        case 1: self = .motPhan
        case let tag: throw reader.invalidTag(tag, "OnlineLevel")
        }
    }
}
