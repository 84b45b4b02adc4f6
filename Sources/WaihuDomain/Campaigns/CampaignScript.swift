/// A campaign's script (话术) with the lead's fields filled in: `{name}` or `{姓名}`,
/// `{plate}`/`{车牌}`, `{car_model}`/`{车型}`, `{renewal_date}`/`{续保日}`, `{agent}`/`{座席}`,
/// and any extra column by its header (`{保单号}`). An unknown or empty field is left as
/// "——" so the agent sees something is missing instead of a gap in a sentence.
public struct CampaignScript: Sendable, Equatable {
    public var template: String

    public init(_ template: String) {
        self.template = template
    }

    private static let aliases: [String: String] = [
        "姓名": "name", "客户姓名": "name", "车牌": "plate", "车牌号码": "plate", "车型": "car_model", "厂牌车型": "car_model",
        "续保日": "renewal_date", "保险到期日": "renewal_date", "座席": "agent", "坐席": "agent",
    ]

    /// The script for one lead; `fields` holds the lead's values by field name or header.
    public func rendered(with fields: [String: String]) -> String {
        var result = ""
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{") {
            result += rest[..<open]
            let afterOpen = rest.index(after: open)
            guard let close = rest[afterOpen...].firstIndex(of: "}") else {
                rest = rest[open...]
                break
            }
            let key = String(rest[afterOpen..<close]).trimmingCharacters(in: .whitespaces)
            let value = fields[key] ?? Self.aliases[key].flatMap { fields[$0] }
            result += (value?.isEmpty == false ? value! : "——")
            rest = rest[rest.index(after: close)...]
        }
        return result + rest
    }
}
