/// The header fields of a SIP message: ordered (Via and Route order matters),
/// looked up case-insensitively, with compact forms stored under their long name.
public struct SIPHeaders: Sendable, Equatable, Sequence {
    public struct Field: Sendable, Equatable {
        public var name: String
        public var value: String
        public init(name: String, value: String) {
            self.name = name
            self.value = value
        }
    }

    public private(set) var fields: [Field] = []

    public init() {}

    public init(_ pairs: [(String, String)]) {
        for (name, value) in pairs { add(name, value) }
    }

    public func makeIterator() -> IndexingIterator<[Field]> { fields.makeIterator() }

    /// The first value of a header, as received (not comma-split).
    public subscript(name: String) -> String? {
        let key = SIPHeaderName.canonical(name).lowercased()
        return fields.first { $0.name.lowercased() == key }?.value
    }

    /// Every value of a header across repeated lines; list headers such as Via are also
    /// split at top-level commas, so `Via: a, b` and two `Via:` lines read the same.
    public func values(_ name: String) -> [String] {
        let key = SIPHeaderName.canonical(name).lowercased()
        let raw = fields.filter { $0.name.lowercased() == key }.map(\.value)
        guard SIPHeaderName.listHeaders.contains(key) else { return raw }
        return raw.flatMap { SIPHeaders.splitList($0) }
    }

    public func contains(_ name: String) -> Bool { self[name] != nil }

    /// Appends a field after any existing ones.
    public mutating func add(_ name: String, _ value: String) {
        fields.append(Field(name: SIPHeaderName.canonical(name), value: value))
    }

    /// Inserts a field before all others of the same name (a proxy's own Via goes on top).
    public mutating func prepend(_ name: String, _ value: String) {
        let canonical = SIPHeaderName.canonical(name)
        let key = canonical.lowercased()
        let index = fields.firstIndex { $0.name.lowercased() == key } ?? fields.count
        fields.insert(Field(name: canonical, value: value), at: index)
    }

    /// Replaces all fields of this name with one, kept where the first one was.
    public mutating func set(_ name: String, _ value: String) {
        let canonical = SIPHeaderName.canonical(name)
        let key = canonical.lowercased()
        if let index = fields.firstIndex(where: { $0.name.lowercased() == key }) {
            fields[index] = Field(name: canonical, value: value)
            var seen = false
            fields.removeAll { field in
                guard field.name.lowercased() == key else { return false }
                if !seen { seen = true; return false }
                return true
            }
        } else {
            fields.append(Field(name: canonical, value: value))
        }
    }

    public mutating func remove(_ name: String) {
        let key = SIPHeaderName.canonical(name).lowercased()
        fields.removeAll { $0.name.lowercased() == key }
    }

    /// Removes only the first value of a list header (a response's top Via), keeping
    /// the rest even if they shared one line.
    public mutating func removeFirstValue(_ name: String) {
        let key = SIPHeaderName.canonical(name).lowercased()
        guard let index = fields.firstIndex(where: { $0.name.lowercased() == key }) else { return }
        var parts = SIPHeaders.splitList(fields[index].value)
        if parts.count > 1 {
            parts.removeFirst()
            fields[index].value = parts.joined(separator: ", ")
        } else {
            fields.remove(at: index)
        }
    }

    /// Splits at commas that are outside quotes and angle brackets, trimming whitespace.
    static func splitList(_ value: String) -> [String] {
        var parts: [String] = []
        var current = ""
        var inQuotes = false
        var inAngle = false
        var escaped = false
        for ch in value {
            if escaped {
                current.append(ch)
                escaped = false
                continue
            }
            switch ch {
            case "\\" where inQuotes:
                escaped = true
                current.append(ch)
            case "\"":
                inQuotes.toggle()
                current.append(ch)
            case "<" where !inQuotes:
                inAngle = true
                current.append(ch)
            case ">" where !inQuotes:
                inAngle = false
                current.append(ch)
            case "," where !inQuotes && !inAngle:
                let trimmed = current.sipTrimmed
                if !trimmed.isEmpty { parts.append(trimmed) }
                current = ""
            default:
                current.append(ch)
            }
        }
        let trimmed = current.sipTrimmed
        if !trimmed.isEmpty { parts.append(trimmed) }
        return parts
    }
}

extension StringProtocol {
    /// Trims SIP linear whitespace (space, tab, CR, LF).
    var sipTrimmed: String {
        var scalars = Substring(self).unicodeScalars[...]
        while let first = scalars.first, first == " " || first == "\t" || first == "\r" || first == "\n" {
            scalars.removeFirst()
        }
        while let last = scalars.last, last == " " || last == "\t" || last == "\r" || last == "\n" {
            scalars.removeLast()
        }
        return String(String.UnicodeScalarView(scalars))
    }
}
