/// Kind of leave on a rostered day (假别). Stored by raw value.
///
/// Any leave takes the day out of scheduled hours (排班工时) and out of attendance's
/// denominator, as the seed documents exclude 产/哺乳/年/丧/婚假 and public holidays.
public enum LeaveType: String, StoredEnum {
    /// 年假
    case annual
    /// 病假
    case sick
    /// 事假
    case personal
    /// 产假
    case maternity
    /// 哺乳假
    case nursing
    /// 婚假
    case marriage
    /// 丧假
    case bereavement
    /// 调休
    case compensatory
    /// 其他
    case other

    public init(from decoder: Decoder) throws { self = try Self.decodeStored(from: decoder) }
}
