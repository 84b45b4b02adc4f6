import Foundation

/// When a campaign may call, in the lead's local time (呼叫时段).
///
/// The default 09:00–21:00 follows the rule for insurance telesales in China; configured holidays
/// are closed all day.
public struct CallingWindow: Codable, Sendable, Equatable {
    /// Minutes after local midnight when calling may start (inclusive).
    public var opensAtMinute: Int
    /// Minutes after local midnight when calling must stop (exclusive).
    public var closesAtMinute: Int
    public var holidays: Set<CalendarDay>

    public init(opensAtMinute: Int = 9 * 60, closesAtMinute: Int = 21 * 60, holidays: Set<CalendarDay> = []) throws {
        guard (0...(24 * 60)).contains(opensAtMinute), (0...(24 * 60)).contains(closesAtMinute),
              opensAtMinute < closesAtMinute else {
            throw CallingWindowError.invalidHours(opensAtMinute: opensAtMinute, closesAtMinute: closesAtMinute)
        }
        self.opensAtMinute = opensAtMinute
        self.closesAtMinute = closesAtMinute
        self.holidays = holidays
    }

    private enum CodingKeys: String, CodingKey, CaseIterable {
        case opensAtMinute = "opens_at_minute", closesAtMinute = "closes_at_minute", holidays
    }

    /// Hours may be left out of a campaign's JSON (09:00–21:00). Not checked here: a window
    /// that never opens is reported by `CampaignPlan.problems`, naming the field.
    public init(from decoder: Decoder) throws {
        try PlanJSONKey.refuseUnknown(CodingKeys.self, in: decoder)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        opensAtMinute = try c.decodeIfPresent(Int.self, forKey: .opensAtMinute) ?? 9 * 60
        closesAtMinute = try c.decodeIfPresent(Int.self, forKey: .closesAtMinute) ?? 21 * 60
        holidays = try c.decodeIfPresent(Set<CalendarDay>.self, forKey: .holidays) ?? []
    }

    /// The default window, 09:00–21:00 with no holidays.
    public static let standard = try! CallingWindow()

    /// Whether a lead whose local time zone is `timeZone` may be called at `date`.
    public func allows(_ date: Date, in timeZone: TimeZone) -> Bool {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.hour, .minute], from: date)
        guard let hour = parts.hour, let minute = parts.minute else { return false }
        if holidays.contains(LocalClock(timeZone: timeZone).day(of: date)) {
            return false
        }
        let minuteOfDay = hour * 60 + minute
        return minuteOfDay >= opensAtMinute && minuteOfDay < closesAtMinute
    }
}

/// A calling window that cannot be used.
public enum CallingWindowError: Error, Equatable, CustomStringConvertible {
    case invalidHours(opensAtMinute: Int, closesAtMinute: Int)

    public var description: String {
        switch self {
        case let .invalidHours(opens, closes):
            return "The calling window must open before it closes, within one day (got \(Self.clock(opens))–\(Self.clock(closes)))."
        }
    }

    private static func clock(_ minute: Int) -> String {
        let h = minute / 60, m = abs(minute % 60)
        return "\(h):" + (m < 10 ? "0\(m)" : "\(m)")
    }
}
