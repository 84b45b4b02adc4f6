/// The headers Chinese insurers and list vendors use for each field. Matching ignores
/// blanks, full-width forms, a required-field `*` and the case of Latin letters, and
/// falls back to the header without a bracketed note (`联系电话（必填）`).
enum HeaderSynonyms {
    static let table: [String: LeadField] = {
        var table: [String: LeadField] = [:]
        func add(_ field: LeadField, _ headers: [String]) {
            for header in headers { table[normalize(header)] = field }
        }
        add(.name, ["姓名", "客户姓名", "联系人", "联系人姓名", "客户名称", "客户名", "客户", "车主", "车主姓名",
                    "车主名称", "被保险人", "被保人", "投保人", "投保人姓名", "被保险人姓名", "name"])
        add(.phone, ["联系电话", "电话", "手机", "手机号码", "手机号", "电话号码", "联系方式", "联系手机",
                     "联系号码", "移动电话", "客户电话", "客户手机", "车主电话", "车主手机", "车主手机号",
                     "投保人电话", "被保险人电话", "号码", "phone", "mobile", "tel", "telephone"])
        add(.plate, ["车牌号码", "车牌号", "车牌", "号牌号码", "号牌", "牌照号码", "牌照号", "牌照", "plate"])
        add(.carModel, ["厂牌车型", "车型", "品牌型号", "厂牌型号", "车辆型号", "车型名称", "品牌车型",
                        "车辆品牌", "品牌", "car_model", "model"])
        add(.vin, ["车架号", "车架号码", "VIN", "VIN码", "车辆识别代号", "车辆识别代码", "车辆识别号"])
        add(.engineNumber, ["发动机号", "发动机号码", "engine_number"])
        add(.expiryDate, ["保险到期日", "到期日", "保险止期", "到期日期", "保险到期日期", "保险到期时间",
                          "保单到期日", "终保日期", "商业险到期日", "商业险到期日期", "商业险止期",
                          "商业险到期时间", "商业险终保日期", "续保日", "续保日期", "expiry_date"])
        add(.compulsoryExpiryDate, ["交强险到期日", "交强险到期日期", "交强险止期", "交强险到期时间",
                                    "交强险终保日期", "compulsory_expiry_date"])
        add(.firstRegistrationDate, ["初登日期", "初登日", "初次登记日期", "初次登记日", "初登时间", "初登",
                                     "首次登记日期", "注册日期", "登记日期", "车辆注册日期",
                                     "first_registration_date"])
        return table
    }()

    static func field(forHeader header: String) -> LeadField? {
        field(forNormalizedHeader: normalize(header))
    }

    static func field(forNormalizedHeader normalized: String) -> LeadField? {
        if let field = table[normalized] { return field }
        if let base = withoutBracketedNote(normalized), let field = table[base] { return field }
        return nil
    }

    /// Blanks, `*` and BOM removed, full-width folded, Latin letters lower-cased.
    static func normalize(_ header: String) -> String {
        var result = String.UnicodeScalarView()
        for scalar in header.unicodeScalars {
            let folded = HalfWidth.fold(scalar)
            if HalfWidth.isBlank(folded) || folded == "*" { continue }
            if folded.value >= 0x41 && folded.value <= 0x5A {
                result.append(Unicode.Scalar(folded.value + 0x20)!)
            } else {
                result.append(folded)
            }
        }
        return String(result)
    }

    /// `联系电话(必填)` → `联系电话`; nil when there is no trailing bracketed note.
    private static func withoutBracketedNote(_ header: String) -> String? {
        guard header.unicodeScalars.last == ")",
              let open = header.unicodeScalars.lastIndex(of: "("),
              open != header.unicodeScalars.startIndex else { return nil }
        return String(header.unicodeScalars[..<open])
    }
}
