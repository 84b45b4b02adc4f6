import Foundation

/// Plans stored before the plan's JSON was snake_case at every level had camelCase keys
/// inside (`gate.window.opensAtMinute`, `gate.attempts.retry.networkFailure`,
/// `abandon_cap.connectGrace`). The plan now refuses those, so a migration rewrites the stored
/// plans once with this (docs/decisions/0003-campaign-plan-snake-case.md).
public enum CampaignPlanLegacyKeys {
    /// Every camelCase key a stored plan may hold, with its name today. No two levels of the
    /// plan use the same name for different things, so a key is renamed wherever it sits.
    public static let renamed: [String: String] = [
        "opensAtMinute": "opens_at_minute", "closesAtMinute": "closes_at_minute",
        "maxAttemptsPerLead": "max_attempts_per_lead", "maxAttemptsPerDay": "max_attempts_per_day",
        "noAnswer": "no_answer", "networkFailure": "network_failure",
        "connectGrace": "connect_grace", "daysBefore": "days_before",
    ]

    /// The stored plan `json` with today's keys, or nil when it needs no change. Throws when
    /// `json` is not a JSON object.
    public static func rewritten(_ json: Data) throws -> Data? {
        let object = try JSONSerialization.jsonObject(with: json)
        guard object is [String: Any] else {
            throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "a stored plan must be a JSON object"))
        }
        var changed = false
        let renamed = rename(object, changed: &changed)
        guard changed else { return nil }
        return try JSONSerialization.data(withJSONObject: renamed, options: [.sortedKeys])
    }

    private static func rename(_ value: Any, changed: inout Bool) -> Any {
        if let object = value as? [String: Any] {
            var out: [String: Any] = [:]
            for (key, inner) in object {
                let name = renamed[key] ?? key
                if name != key { changed = true }
                // A key already spelt the new way wins over its old spelling.
                if name != key, object[name] != nil { continue }
                out[name] = rename(inner, changed: &changed)
            }
            return out
        }
        if let array = value as? [Any] {
            return array.map { rename($0, changed: &changed) }
        }
        return value
    }
}
