import Foundation

/// The `Digest a="b", c=d` syntax shared by challenges and authorizations
/// (RFC 3261 §25.1 auth-param): a scheme token, then comma-separated parameters whose
/// values may be quoted strings containing commas.
enum DigestParameters {
    static func parse(_ text: String) throws -> [String: String] {
        let trimmed = text.sipTrimmed
        guard let space = trimmed.firstIndex(where: { $0 == " " || $0 == "\t" }),
              trimmed[..<space].lowercased() == "digest" else {
            throw DigestError.notDigest
        }
        var result: [String: String] = [:]
        for part in SIPParameters.splitOutsideQuotes(trimmed[space...], separator: ",") {
            let item = part.sipTrimmed
            if item.isEmpty { continue }
            guard let eq = item.firstIndex(of: "=") else { throw DigestError.malformed(item) }
            let name = item[..<eq].sipTrimmed.lowercased()
            var value = item[item.index(after: eq)...].sipTrimmed
            if value.hasPrefix("\"") {
                guard value.count >= 2, value.hasSuffix("\"") else { throw DigestError.malformed(item) }
                value = String(value.dropFirst().dropLast())
                    .replacingOccurrences(of: "\\\"", with: "\"")
                    .replacingOccurrences(of: "\\\\", with: "\\")
            }
            result[name] = value
        }
        return result
    }

    static func quoted(_ value: String) -> String {
        "\"" + value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
