import Foundation

/// A From/To/Contact/Route value: `"Display" <sip:uri>;tag=abc` (name-addr) or
/// `sip:uri;tag=abc` (addr-spec, where parameters belong to the header, not the URI).
public struct SIPAddress: Sendable, Equatable, CustomStringConvertible {
    public var displayName: String?
    public var uri: SIPURI
    public var parameters: SIPParameters

    public init(displayName: String? = nil, uri: SIPURI, parameters: SIPParameters = SIPParameters()) {
        self.displayName = displayName
        self.uri = uri
        self.parameters = parameters
    }

    public init(parsing text: String) throws {
        self = try SIPAddress.parse(Substring(text))
    }

    /// The dialog tag (RFC 3261 §19.3), if any.
    public var tag: String? {
        get { parameters.value("tag") }
        set {
            if let newValue { parameters.set("tag", newValue) } else { parameters.remove("tag") }
        }
    }

    public var description: String {
        var text = ""
        if let displayName, !displayName.isEmpty {
            text += "\"\(displayName.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\""))\" "
        }
        text += "<\(uri)>" + parameters.serialized
        return text
    }

    static func parse(_ raw: Substring) throws -> SIPAddress {
        let text = raw.sipTrimmed
        guard !text.isEmpty else { throw SIPParseError.invalidAddress(text) }
        var cursor = text[...]
        var displayName: String?
        if cursor.hasPrefix("\"") {
            // Quoted display name with backslash escapes.
            var name = ""
            var index = cursor.index(after: cursor.startIndex)
            var closed = false
            while index < cursor.endIndex {
                let ch = cursor[index]
                if ch == "\\" {
                    index = cursor.index(after: index)
                    guard index < cursor.endIndex else { break }
                    name.append(cursor[index])
                } else if ch == "\"" {
                    closed = true
                    break
                } else {
                    name.append(ch)
                }
                index = cursor.index(after: index)
            }
            guard closed else { throw SIPParseError.invalidAddress(text) }
            displayName = name
            cursor = cursor[cursor.index(after: index)...]
            guard cursor.sipTrimmed.hasPrefix("<") else { throw SIPParseError.invalidAddress(text) }
        }
        if let open = cursor.firstIndex(of: "<") {
            let before = cursor[..<open].sipTrimmed
            if displayName == nil && !before.isEmpty { displayName = before }
            guard let close = cursor[open...].firstIndex(of: ">") else { throw SIPParseError.invalidAddress(text) }
            let uri = try SIPURI.parse(cursor[cursor.index(after: open)..<close])
            let after = cursor[cursor.index(after: close)...].sipTrimmed
            var parameters = SIPParameters()
            if !after.isEmpty {
                guard after.hasPrefix(";") else { throw SIPParseError.invalidAddress(text) }
                parameters = try SIPParameters.parse(after.dropFirst())
            }
            return SIPAddress(displayName: displayName, uri: uri, parameters: parameters)
        }
        // addr-spec: the URI cannot carry parameters or headers of its own here.
        let parts = SIPParameters.splitOutsideQuotes(cursor, separator: ";")
        guard let uriText = parts.first, !uriText.contains(" ") else { throw SIPParseError.invalidAddress(text) }
        let uri = try SIPURI.parse(uriText)
        var parameters = SIPParameters()
        if parts.count > 1 {
            parameters = try SIPParameters.parse(cursor[cursor.index(after: uriText.endIndex)...])
        }
        return SIPAddress(displayName: nil, uri: uri, parameters: parameters)
    }
}
