/// A customer's answer to the post-call SMS survey (挂机短信满意度). Stored by raw value.
public enum SatisfactionRating: String, StoredEnum {
    /// 满意
    case satisfied
    /// 一般
    case neutral
    /// 不满意
    case dissatisfied

    public init(from decoder: Decoder) throws { self = try Self.decodeStored(from: decoder) }
}
