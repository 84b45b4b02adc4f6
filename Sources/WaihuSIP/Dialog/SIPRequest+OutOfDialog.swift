extension SIPRequest {
    /// A new request outside any dialog (INVITE to a customer via the trunk, REGISTER,
    /// OPTIONS) with the headers RFC 3261 §8.1.1 requires: a fresh branch and From tag,
    /// a new Call-ID unless one is given (REGISTER refreshes reuse theirs), Max-Forwards 70.
    public static func outOfDialog(_ method: SIPMethod, to requestURI: SIPURI, from: SIPAddress, toAddress: SIPAddress? = nil,
                                   contact: SIPURI, localHost: String, localPort: Int, callID: String? = nil,
                                   sequence: UInt32 = 1, userAgent: String = "waihu") -> SIPRequest {
        var from = from
        if from.tag == nil { from.tag = SIPIdentifiers.tag() }
        var headers = SIPHeaders()
        headers.add("Via", Via(host: localHost, port: localPort, branch: SIPIdentifiers.branch()).description)
        headers.add("Max-Forwards", "70")
        headers.add("From", from.description)
        headers.add("To", (toAddress ?? SIPAddress(uri: requestURI)).description)
        headers.add("Call-ID", callID ?? SIPIdentifiers.callID(host: localHost))
        headers.add("CSeq", CSeq(sequence, method).description)
        headers.add("Contact", SIPAddress(uri: contact).description)
        headers.add("User-Agent", userAgent)
        return SIPRequest(method: method, uri: requestURI, headers: headers)
    }
}
