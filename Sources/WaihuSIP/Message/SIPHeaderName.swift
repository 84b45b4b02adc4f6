/// Header-name rules shared by the parser and `SIPHeaders`: compact forms (RFC 3261 §7.3.3
/// and later RFCs) and which headers are comma-separated lists.
public enum SIPHeaderName {
    /// Compact single-letter forms mapped to the canonical long name. Peers such as SIPp
    /// and some trunks send `v:` / `i:` / `m:`; storing the long name means lookups
    /// never have to care which form arrived.
    public static let compactForms: [String: String] = [
        "i": "Call-ID", "f": "From", "t": "To", "v": "Via", "m": "Contact",
        "l": "Content-Length", "c": "Content-Type", "k": "Supported", "s": "Subject",
        "e": "Content-Encoding", "o": "Event", "r": "Refer-To", "u": "Allow-Events",
        "x": "Session-Expires", "b": "Referred-By",
    ]

    /// Lower-cased long names of headers whose value is a comma-separated list
    /// (RFC 3261 §7.3.1). Authorization-like headers are *not* lists: their
    /// parameters are comma-separated within one value.
    static let listHeaders: Set<String> = [
        "via", "route", "record-route", "contact", "allow", "supported", "require",
        "proxy-require", "unsupported", "accept", "accept-encoding", "accept-language",
        "allow-events", "content-encoding", "in-reply-to",
    ]

    /// The canonical spelling for a header name: compact forms expanded, well-known
    /// names in their RFC capitalisation, anything else kept as received.
    public static func canonical(_ name: String) -> String {
        let lower = name.lowercased()
        if lower.count == 1, let long = compactForms[lower] { return long }
        return wellKnown[lower] ?? name
    }

    private static let wellKnown: [String: String] = {
        let names = [
            "Via", "From", "To", "Call-ID", "CSeq", "Contact", "Max-Forwards", "Content-Length",
            "Content-Type", "Route", "Record-Route", "Expires", "Allow", "Supported", "Require",
            "User-Agent", "Server", "Authorization", "Proxy-Authorization", "WWW-Authenticate",
            "Proxy-Authenticate", "Subject", "Event", "Min-Expires", "Unsupported", "Accept",
            "Content-Encoding", "Refer-To", "Allow-Events", "Session-Expires", "Referred-By",
            "Reason", "Retry-After", "Date", "Warning", "P-Asserted-Identity",
        ]
        var table: [String: String] = [:]
        for name in names { table[name.lowercased()] = name }
        return table
    }()
}
