import Foundation

/// The registrar's bindings (RFC 3261 §10.3), as a value: `register` takes a REGISTER
/// that has already passed authentication and returns the response to send.
public struct Registrar: Sendable {
    public var minimumExpires: Int
    public var maximumExpires: Int
    public var defaultExpires: Int
    public private(set) var bindings: [String: [RegistrarBinding]] = [:]

    public init(minimumExpires: Int = 60, maximumExpires: Int = 3600, defaultExpires: Int = 3600) {
        self.minimumExpires = minimumExpires
        self.maximumExpires = maximumExpires
        self.defaultExpires = defaultExpires
    }

    /// The address-of-record key for a To URI: `user@host`, host lower-cased.
    public static func addressOfRecord(_ uri: SIPURI) -> String {
        "\(uri.user ?? "")@\(uri.host.lowercased())"
    }

    /// Live bindings for an AOR, newest expiry first.
    public func bindings(for addressOfRecord: String, now: Date) -> [RegistrarBinding] {
        (bindings[addressOfRecord] ?? []).filter { $0.expiresAt > now }.sorted { $0.expiresAt > $1.expiresAt }
    }

    public mutating func removeExpired(now: Date) {
        for (aor, list) in bindings {
            let live = list.filter { $0.expiresAt > now }
            bindings[aor] = live.isEmpty ? nil : live
        }
    }

    public mutating func register(_ request: SIPRequest, source: SIPEndpoint, now: Date) -> SIPResponse {
        guard request.method == .register, let to = request.to, let callID = request.callID, let cseq = request.cseq else {
            return SIPResponse(replyingTo: request, statusCode: 400)
        }
        let aor = Self.addressOfRecord(to.uri)
        removeExpired(now: now)
        let rawContacts = request.headers.values("Contact")

        if rawContacts.contains(where: { $0.sipTrimmed == "*" }) {
            // "Contact: *" removes everything, and only with Expires: 0 (§10.3 step 6).
            guard rawContacts.count == 1, request.expires == 0 else {
                return SIPResponse(replyingTo: request, statusCode: 400, reasonPhrase: "Bad Request - wildcard Contact needs Expires: 0")
            }
            if bindings[aor]?.contains(where: { $0.callID == callID && $0.cseq >= cseq.number }) == true {
                return SIPResponse(replyingTo: request, statusCode: 500, reasonPhrase: "Server Internal Error - out of order REGISTER")
            }
            bindings[aor] = nil
            return okResponse(to: request, aor: aor, now: now)
        }

        let contacts = request.contacts
        guard contacts.count == rawContacts.count else {
            return SIPResponse(replyingTo: request, statusCode: 400, reasonPhrase: "Bad Request - malformed Contact")
        }
        var updated = bindings[aor] ?? []
        for contact in contacts {
            let requested = contact.parameters.value("expires").flatMap { Int($0) } ?? request.expires ?? defaultExpires
            if requested != 0 && requested < minimumExpires {
                var response = SIPResponse(replyingTo: request, statusCode: 423)
                response.headers.add("Min-Expires", String(minimumExpires))
                return response
            }
            let expires = min(requested, maximumExpires)
            if let index = updated.firstIndex(where: { Self.sameContact($0.contact, contact.uri) }) {
                if updated[index].callID == callID && updated[index].cseq >= cseq.number {
                    return SIPResponse(replyingTo: request, statusCode: 500, reasonPhrase: "Server Internal Error - out of order REGISTER")
                }
                updated.remove(at: index)
            }
            if expires > 0 {
                updated.append(RegistrarBinding(contact: contact.uri, target: source,
                                                expiresAt: now.addingTimeInterval(TimeInterval(expires)),
                                                callID: callID, cseq: cseq.number))
            }
        }
        bindings[aor] = updated.isEmpty ? nil : updated
        return okResponse(to: request, aor: aor, now: now)
    }

    /// 200 OK listing every current binding with its remaining time (§10.3 step 8).
    private func okResponse(to request: SIPRequest, aor: String, now: Date) -> SIPResponse {
        var response = SIPResponse(replyingTo: request, statusCode: 200, toTag: SIPIdentifiers.tag())
        for binding in bindings(for: aor, now: now) {
            var parameters = SIPParameters()
            parameters.set("expires", String(binding.remaining(at: now)))
            response.headers.add("Contact", SIPAddress(uri: binding.contact, parameters: parameters).description)
        }
        return response
    }

    /// Contact comparison by scheme, user, host and port; enough for phones, which
    /// re-register with the same Contact they used before.
    static func sameContact(_ lhs: SIPURI, _ rhs: SIPURI) -> Bool {
        lhs.scheme.lowercased() == rhs.scheme.lowercased() && lhs.user == rhs.user
            && lhs.host.lowercased() == rhs.host.lowercased() && lhs.effectivePort == rhs.effectivePort
    }
}
