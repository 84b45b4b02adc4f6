import Foundation

/// Reads and writes event times: ISO 8601 with an offset, as `2026-03-02T09:00:00+08:00`.
///
/// A time without an offset is refused rather than guessed, because a history exported from
/// another system in UTC would otherwise be shifted by eight hours in every hourly report.
public enum EventTimestamp {
    /// The zone written on export; the centers waihu is built for run on Beijing time.
    public static let exportTimeZone = TimeZone(identifier: "Asia/Shanghai")!

    /// Parses `2026-03-02T09:00:00+08:00`, `2026-03-02T01:00:00Z` or with fractional seconds.
    public static func parse(_ text: String) -> Date? {
        // Formatters are made per call: ISO8601DateFormatter is not Sendable, and an import
        // of a few hundred thousand lines spends its time elsewhere.
        let plain = ISO8601DateFormatter()
        plain.formatOptions = [.withInternetDateTime]
        if let date = plain.date(from: text) { return date }
        let fractional = ISO8601DateFormatter()
        fractional.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return fractional.date(from: text)
    }

    /// Formats a time in `exportTimeZone`, e.g. `2026-03-02T09:00:00+08:00`.
    public static func format(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        formatter.timeZone = exportTimeZone
        return formatter.string(from: date)
    }

    static let decodingStrategy: JSONDecoder.DateDecodingStrategy = .custom { decoder in
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let date = parse(text) else {
            throw DecodingError.dataCorruptedError(
                in: container,
                debugDescription: "\"\(text)\" is not an ISO 8601 time with offset, like 2026-03-02T09:00:00+08:00"
            )
        }
        return date
    }

    static let encodingStrategy: JSONEncoder.DateEncodingStrategy = .custom { date, encoder in
        var container = encoder.singleValueContainer()
        try container.encode(format(date))
    }
}
