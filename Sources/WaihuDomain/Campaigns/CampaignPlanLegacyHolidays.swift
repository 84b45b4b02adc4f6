import Foundation

/// Plans stored before waihu had one day type wrote a holiday of the calling window as an
/// object, `{"year":2026,"month":10,"day":1}`. A day is now always its `YYYY-MM-DD` text
/// (`CalendarDay`), so a migration rewrites the stored plans' `gate.window.holidays` once.
public enum CampaignPlanLegacyHolidays {
    /// The stored plan `json` with its holidays as `"2026-10-01"`, or nil when it needs no
    /// change. Throws when `json` is not a JSON object or a holiday is not a day.
    public static func rewritten(_ json: Data) throws -> Data? {
        guard var plan = try JSONSerialization.jsonObject(with: json) as? [String: Any] else {
            throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "a stored plan must be a JSON object"))
        }
        guard var gate = plan["gate"] as? [String: Any], var window = gate["window"] as? [String: Any],
              let holidays = window["holidays"] as? [Any], holidays.contains(where: { $0 is [String: Any] }) else { return nil }
        window["holidays"] = try holidays.map { holiday -> Any in
            guard let parts = holiday as? [String: Any] else { return holiday }
            guard let year = parts["year"] as? Int, let month = parts["month"] as? Int, let day = parts["day"] as? Int,
                  let calendarDay = CalendarDay(year: year, month: month, day: day) else {
                throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "a stored holiday is not a day: \(parts)"))
            }
            return calendarDay.isoString
        }
        gate["window"] = window
        plan["gate"] = gate
        return try JSONSerialization.data(withJSONObject: plan, options: [.sortedKeys])
    }
}
