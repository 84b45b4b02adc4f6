extension SIPRequest {
    /// The CANCEL for this INVITE (RFC 3261 §9.1): same Request-URI, Call-ID, From, To
    /// (no tag), CSeq number and Route, and the INVITE's own top Via so that proxies
    /// match it to the pending transaction. Send it only after a provisional response
    /// (`InviteClientTransaction.canCancel`).
    public func makeCancel() -> SIPRequest {
        var headers = SIPHeaders()
        if let via = self.headers.values("Via").first { headers.add("Via", via) }
        headers.add("Max-Forwards", "70")
        if let from = self.headers["From"] { headers.add("From", from) }
        if let to = self.headers["To"] { headers.add("To", to) }
        if let callID = self.callID { headers.add("Call-ID", callID) }
        headers.add("CSeq", CSeq(cseq?.number ?? 1, .cancel).description)
        for route in self.headers.values("Route") { headers.add("Route", route) }
        return SIPRequest(method: .cancel, uri: uri, headers: headers)
    }
}
