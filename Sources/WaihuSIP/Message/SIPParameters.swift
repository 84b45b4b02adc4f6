/// `;name=value` parameters of a URI, address or Via: ordered, names case-insensitive,
/// a value-less parameter (`;lr`, `;rport`) stored with `nil`.
public struct SIPParameters: Sendable, Equatable {
    public struct Parameter: Sendable, Equatable {
        public var name: String
        public var value: String?
    }

    public private(set) var items: [Parameter] = []

    public init() {}

    public var isEmpty: Bool { items.isEmpty }

    /// The value of a parameter; `.some(nil)` means present without a value.
    public subscript(name: String) -> String?? {
        let key = name.lowercased()
        guard let item = items.first(where: { $0.name.lowercased() == key }) else { return nil }
        return .some(item.value)
    }

    public func contains(_ name: String) -> Bool { self[name] != nil }

    /// The value as a string, `nil` when absent or value-less.
    public func value(_ name: String) -> String? {
        guard let found = self[name] else { return nil }
        return found
    }

    public mutating func set(_ name: String, _ value: String?) {
        let key = name.lowercased()
        if let index = items.firstIndex(where: { $0.name.lowercased() == key }) {
            items[index].value = value
        } else {
            items.append(Parameter(name: name, value: value))
        }
    }

    public mutating func remove(_ name: String) {
        let key = name.lowercased()
        items.removeAll { $0.name.lowercased() == key }
    }

    /// `;a=b;c` as written on the wire.
    public var serialized: String {
        items.map { item in
            if let value = item.value { return ";\(item.name)=\(value)" }
            return ";\(item.name)"
        }.joined()
    }

    /// Parses the text after the first `;` (e.g. `branch=z9hG4bK1;rport`). Quoted values
    /// keep their quotes so that serialising gives back what was received.
    static func parse(_ text: Substring) throws -> SIPParameters {
        var result = SIPParameters()
        for part in splitOutsideQuotes(text, separator: ";") {
            let trimmed = part.sipTrimmed
            if trimmed.isEmpty { continue }
            if let eq = trimmed.firstIndex(of: "=") {
                let name = trimmed[..<eq].sipTrimmed
                let value = trimmed[trimmed.index(after: eq)...].sipTrimmed
                guard !name.isEmpty, name.allSatisfy(\.isSIPTokenCharacter) else {
                    throw SIPParseError.invalidParameter(String(trimmed))
                }
                result.items.append(Parameter(name: name, value: value))
            } else {
                guard trimmed.allSatisfy(\.isSIPTokenCharacter) else {
                    throw SIPParseError.invalidParameter(String(trimmed))
                }
                result.items.append(Parameter(name: trimmed, value: nil))
            }
        }
        return result
    }

    static func splitOutsideQuotes(_ text: Substring, separator: Character) -> [Substring] {
        var parts: [Substring] = []
        var start = text.startIndex
        var inQuotes = false
        var index = text.startIndex
        while index < text.endIndex {
            let ch = text[index]
            if ch == "\"" {
                inQuotes.toggle()
            } else if ch == "\\" && inQuotes {
                index = text.index(after: index)
                if index == text.endIndex { break }
            } else if ch == separator && !inQuotes {
                parts.append(text[start..<index])
                start = text.index(after: index)
            }
            index = text.index(after: index)
        }
        parts.append(text[start...])
        return parts
    }
}

extension Character {
    /// RFC 3261 `token` characters, plus `[]:` so IPv6 `received=` values pass.
    var isSIPTokenCharacter: Bool {
        if isASCII && (isLetter || isNumber) { return true }
        return "-.!%*_+`'~[]:".contains(self)
    }
}
