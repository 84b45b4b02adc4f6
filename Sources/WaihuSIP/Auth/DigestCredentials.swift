/// A username and password for one realm: waihu's account on a SIP trunk, or what a
/// phone presents to waihu. Computes digest responses (RFC 2617 / 7616 §3.4.1).
public struct DigestCredentials: Sendable, Equatable {
    public var username: String
    public var password: String

    public init(username: String, password: String) {
        self.username = username
        self.password = password
    }

    /// The `response` value: H(H(A1):nonce:nc:cnonce:qop:H(A2)) with qop, or the
    /// RFC 2069 form H(H(A1):nonce:H(A2)) when the server offered none.
    public static func response(algorithm: DigestAlgorithm, ha1: String, nonce: String, method: String,
                                uri: String, qop: String?, nonceCount: String?, cnonce: String?) -> String {
        let ha2 = algorithm.hexHash("\(method):\(uri)")
        if let qop, let nonceCount, let cnonce {
            return algorithm.hexHash("\(ha1):\(nonce):\(nonceCount):\(cnonce):\(qop):\(ha2)")
        }
        return algorithm.hexHash("\(ha1):\(nonce):\(ha2)")
    }

    public func ha1(realm: String, algorithm: DigestAlgorithm) -> String {
        algorithm.hexHash("\(username):\(realm):\(password)")
    }

    /// Answers `challenge` for a request with `method` and Request-URI `uri`.
    /// `cnonce` and `nonceCount` are parameters so that tests can pin them.
    public func authorization(for challenge: DigestChallenge, method: String, uri: String,
                              cnonce: String = SIPIdentifiers.randomHex(16), nonceCount: UInt32 = 1) -> DigestAuthorization {
        let useQop = challenge.qop.contains { $0.lowercased() == "auth" }
        let nc = Self.formatNonceCount(nonceCount)
        let value = Self.response(algorithm: challenge.algorithm, ha1: ha1(realm: challenge.realm, algorithm: challenge.algorithm),
                                  nonce: challenge.nonce, method: method, uri: uri,
                                  qop: useQop ? "auth" : nil, nonceCount: useQop ? nc : nil, cnonce: useQop ? cnonce : nil)
        return DigestAuthorization(username: username, realm: challenge.realm, nonce: challenge.nonce, uri: uri,
                                   response: value, algorithm: challenge.algorithm, qop: useQop ? "auth" : nil,
                                   nonceCount: useQop ? nc : nil, cnonce: useQop ? cnonce : nil, opaque: challenge.opaque)
    }

    /// The retry of `request` after a 401/407: the matching authorization header added,
    /// CSeq incremented and a fresh branch, since it is a new transaction (§22.2).
    public func authorize(_ request: SIPRequest, after challengeResponse: SIPResponse) throws -> SIPRequest {
        let challenge = try DigestChallenge.best(in: challengeResponse)
        guard let names = DigestChallenge.headerNames(for: challengeResponse.statusCode) else {
            throw DigestError.noChallenge(statusCode: challengeResponse.statusCode)
        }
        var retry = request
        let auth = authorization(for: challenge, method: request.method.description, uri: request.uri.description)
        retry.headers.set(names.authorization, auth.description)
        if let cseq = request.cseq {
            retry.headers.set("CSeq", CSeq(cseq.number &+ 1, cseq.method).description)
        }
        if var via = request.topVia {
            via.branch = SIPIdentifiers.branch()
            retry.headers.removeFirstValue("Via")
            retry.headers.prepend("Via", via.description)
        }
        return retry
    }

    static func formatNonceCount(_ count: UInt32) -> String {
        let hex = String(count, radix: 16)
        return String(repeating: "0", count: max(0, 8 - hex.count)) + hex
    }
}
