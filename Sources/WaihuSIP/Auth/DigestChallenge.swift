/// A `WWW-Authenticate` / `Proxy-Authenticate` Digest challenge (401 / 407).
public struct DigestChallenge: Sendable, Equatable, CustomStringConvertible {
    public var realm: String
    public var nonce: String
    public var algorithm: DigestAlgorithm
    public var qop: [String]
    public var opaque: String?
    /// The nonce expired but the credentials were right: retry without asking the user.
    public var stale: Bool

    public init(realm: String, nonce: String, algorithm: DigestAlgorithm = .md5, qop: [String] = ["auth"],
                opaque: String? = nil, stale: Bool = false) {
        self.realm = realm
        self.nonce = nonce
        self.algorithm = algorithm
        self.qop = qop
        self.opaque = opaque
        self.stale = stale
    }

    public init(parsing text: String) throws {
        let parameters = try DigestParameters.parse(text)
        guard let realm = parameters["realm"] else { throw DigestError.missingParameter("realm") }
        guard let nonce = parameters["nonce"] else { throw DigestError.missingParameter("nonce") }
        guard let algorithm = DigestAlgorithm(token: parameters["algorithm"]) else {
            throw DigestError.unsupportedAlgorithm(parameters["algorithm"] ?? "")
        }
        self.init(realm: realm, nonce: nonce, algorithm: algorithm,
                  qop: (parameters["qop"] ?? "").split(separator: ",").map { $0.sipTrimmed }.filter { !$0.isEmpty },
                  opaque: parameters["opaque"], stale: parameters["stale"]?.lowercased() == "true")
    }

    /// The header to read challenges from and the one to answer in, by status code.
    public static func headerNames(for statusCode: Int) -> (challenge: String, authorization: String)? {
        switch statusCode {
        case 401: return ("WWW-Authenticate", "Authorization")
        case 407: return ("Proxy-Authenticate", "Proxy-Authorization")
        default: return nil
        }
    }

    /// The strongest challenge we support in a 401/407; unsupported ones are skipped.
    public static func best(in response: SIPResponse) throws -> DigestChallenge {
        guard let names = headerNames(for: response.statusCode) else {
            throw DigestError.noChallenge(statusCode: response.statusCode)
        }
        let challenges = response.headers.values(names.challenge).compactMap { try? DigestChallenge(parsing: $0) }
        guard let best = challenges.max(by: { $0.algorithm.strength < $1.algorithm.strength }) else {
            throw DigestError.noChallenge(statusCode: response.statusCode)
        }
        return best
    }

    public var description: String {
        var parts = ["realm=\(DigestParameters.quoted(realm))", "nonce=\(DigestParameters.quoted(nonce))"]
        if let opaque { parts.append("opaque=\(DigestParameters.quoted(opaque))") }
        if stale { parts.append("stale=TRUE") }
        parts.append("algorithm=\(algorithm.rawValue)")
        if !qop.isEmpty { parts.append("qop=\(DigestParameters.quoted(qop.joined(separator: ",")))") }
        return "Digest " + parts.joined(separator: ", ")
    }
}
