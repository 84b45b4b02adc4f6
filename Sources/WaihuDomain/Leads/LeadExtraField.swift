/// A column of the list that waihu does not interpret, shown on the lead as
/// `name: value` (e.g. 上年承保公司: 平安).
public struct LeadExtraField: Hashable, Codable, Sendable {
    public let name: String
    public let value: String

    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}
