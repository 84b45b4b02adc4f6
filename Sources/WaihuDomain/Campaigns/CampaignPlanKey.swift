/// A key of a campaign plan's JSON that the plan does not know, named by its path in the
/// plan ("gate.window.opensAt"). A misspelt key would otherwise be dropped without a word and
/// the setting silently take its default, so the plan refuses it.
public struct UnknownPlanKey: Error, Sendable, Equatable, CustomStringConvertible {
    /// Where the key sits, from the plan's top: "gate.window.opensAt", "dispositions[2].colour".
    public var key: String
    /// The keys known at that place, with the same path.
    public var known: [String]

    public init(key: String, known: [String]) {
        self.key = key
        self.known = known
    }

    public var description: String {
        var text = "plan: unknown key '\(key)' — known keys: \(known.joined(separator: ", "))"
        if let suggestion { text += " (did you mean '\(suggestion)'?)" }
        return text
    }

    /// The known key this one is the camelCase spelling of (plans before snake_case everywhere).
    var suggestion: String? {
        let (parent, last) = Self.split(key)
        let snake = PlanJSONKey.snakeCased(last)
        let candidate = parent.isEmpty ? snake : parent + "." + snake
        return snake != last && known.contains(candidate) ? candidate : nil
    }

    private static func split(_ path: String) -> (String, String) {
        guard let dot = path.lastIndex(of: ".") else { return ("", path) }
        return (String(path[..<dot]), String(path[path.index(after: dot)...]))
    }
}

/// Any string key, to see every key an object of the plan holds.
struct PlanJSONKey: CodingKey {
    var stringValue: String
    var intValue: Int?

    init(stringValue: String) { self.stringValue = stringValue }
    init(intValue: Int) {
        stringValue = "\(intValue)"
        self.intValue = intValue
    }

    /// "opensAtMinute" → "opens_at_minute".
    static func snakeCased(_ name: String) -> String {
        var out = ""
        for character in name {
            if character.isUppercase {
                if !out.isEmpty { out.append("_") }
                out += character.lowercased()
            } else {
                out.append(character)
            }
        }
        return out
    }

    /// Throws `UnknownPlanKey` (inside a `DecodingError`, so API clients get a 400 naming it)
    /// when the object being decoded holds a key that is not one of `Keys`.
    static func refuseUnknown<Keys: CodingKey & CaseIterable>(_ keys: Keys.Type, in decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: PlanJSONKey.self)
        let known = Keys.allCases.map(\.stringValue)
        for key in container.allKeys.sorted(by: { $0.stringValue < $1.stringValue }) where !known.contains(key.stringValue) {
            let prefix = planPath(decoder.codingPath)
            let place: (String) -> String = { prefix.isEmpty ? $0 : prefix + "." + $0 }
            let error = UnknownPlanKey(key: place(key.stringValue), known: known.map(place))
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: error.description,
                                                    underlyingError: error))
        }
    }

    /// The path from the plan's top ("gate.window", "dispositions[2]"): a request that holds
    /// the plan under a "plan" key starts one level down.
    static func planPath(_ codingPath: [CodingKey]) -> String {
        var keys = codingPath
        if keys.first?.intValue == nil, keys.first?.stringValue == "plan" { keys.removeFirst() }
        var path = ""
        for key in keys {
            if let index = key.intValue { path += "[\(index)]" } else { path += path.isEmpty ? key.stringValue : "." + key.stringValue }
        }
        return path
    }
}
