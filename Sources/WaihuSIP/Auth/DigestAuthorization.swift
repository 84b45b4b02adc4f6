/// An `Authorization` / `Proxy-Authorization` Digest answer.
public struct DigestAuthorization: Sendable, Equatable, CustomStringConvertible {
    public var username: String
    public var realm: String
    public var nonce: String
    public var uri: String
    public var response: String
    public var algorithm: DigestAlgorithm
    public var qop: String?
    public var nonceCount: String?
    public var cnonce: String?
    public var opaque: String?

    public init(username: String, realm: String, nonce: String, uri: String, response: String,
                algorithm: DigestAlgorithm, qop: String? = nil, nonceCount: String? = nil,
                cnonce: String? = nil, opaque: String? = nil) {
        self.username = username
        self.realm = realm
        self.nonce = nonce
        self.uri = uri
        self.response = response
        self.algorithm = algorithm
        self.qop = qop
        self.nonceCount = nonceCount
        self.cnonce = cnonce
        self.opaque = opaque
    }

    public init(parsing text: String) throws {
        let parameters = try DigestParameters.parse(text)
        func required(_ name: String) throws -> String {
            guard let value = parameters[name] else { throw DigestError.missingParameter(name) }
            return value
        }
        guard let algorithm = DigestAlgorithm(token: parameters["algorithm"]) else {
            throw DigestError.unsupportedAlgorithm(parameters["algorithm"] ?? "")
        }
        self.init(username: try required("username"), realm: try required("realm"), nonce: try required("nonce"),
                  uri: try required("uri"), response: try required("response").lowercased(), algorithm: algorithm,
                  qop: parameters["qop"], nonceCount: parameters["nc"], cnonce: parameters["cnonce"],
                  opaque: parameters["opaque"])
    }

    public var description: String {
        var parts = [
            "username=\(DigestParameters.quoted(username))", "realm=\(DigestParameters.quoted(realm))",
            "nonce=\(DigestParameters.quoted(nonce))", "uri=\(DigestParameters.quoted(uri))",
            "response=\(DigestParameters.quoted(response))", "algorithm=\(algorithm.rawValue)",
        ]
        if let cnonce { parts.append("cnonce=\(DigestParameters.quoted(cnonce))") }
        if let opaque { parts.append("opaque=\(DigestParameters.quoted(opaque))") }
        if let qop { parts.append("qop=\(qop)") }
        if let nonceCount { parts.append("nc=\(nonceCount)") }
        return "Digest " + parts.joined(separator: ", ")
    }
}
