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
    public func allowsCall(renewalDate: CalendarDay, today: CalendarDay) -> Bool {
        today.days(until: renewalDate) <= daysBefore
    }
}
