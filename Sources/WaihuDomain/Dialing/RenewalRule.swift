import Foundation

/// Renewal campaigns (续保) call a lead no earlier than `daysBefore` days before its renewal date.
public struct RenewalRule: Codable, Sendable, Equatable {
    public var daysBefore: Int

    public init(daysBefore: Int = 40) {
        self.daysBefore = daysBefore
    }

    private enum CodingKeys: String, CodingKey, CaseIterable { case daysBefore = "days_before" }

    /// `days_before` may be left out of a campaign's JSON (40 days).
    public init(from decoder: Decoder) throws {
        try PlanJSONKey.refuseUnknown(CodingKeys.self, in: decoder)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        daysBefore = try c.decodeIfPresent(Int.self, forKey: .daysBefore) ?? RenewalRule().daysBefore
    }

    /// Whether a lead renewing on `renewalDate` may be called on `today` (both local days).
    /// Leads whose renewal date has passed stay callable: the customer may still renew late.
    public func allowsCall(renewalDate: LocalDay, today: LocalDay) -> Bool {
        Self.daysBetween(today, renewalDate) <= daysBefore
    }

    /// Whole days from `from` to `to` (negative when `to` is earlier), by the proleptic Gregorian calendar.
    static func daysBetween(_ from: LocalDay, _ to: LocalDay) -> Int {
        dayNumber(to) - dayNumber(from)
    }

    /// Days since a fixed epoch; pure arithmetic so the rule does not depend on a time zone.
    static func dayNumber(_ d: LocalDay) -> Int {
        // Shifting the year to start in March puts the leap day last.
        let y = d.month <= 2 ? d.year - 1 : d.year
        let m = d.month <= 2 ? d.month + 9 : d.month - 3
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * m + 2) / 5 + d.day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe
    }
}
