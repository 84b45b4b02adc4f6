import Foundation
import WaihuSIP

/// Agent phones registering (坐席话机注册): digest challenge, password lookup off the
/// loop, binding, and the throttle against guessing.
extension TelephonyEngineCore {
    func register(_ request: SIPRequest, source: SIPEndpoint, key: SIPTransactionKey) {
        let now = Date()
        guard phones != nil else { return forbid(request, key: key, reason: "no phones are configured") }
        if throttle.isBlocked(source.host, now: now) {
            counters.registrationsThrottled += 1
            return forbid(request, key: key, reason: "too many failed attempts")
        }
        guard let header = request.headers["Authorization"],
              let authorization = try? DigestAuthorization(parsing: header) else {
            return challenge(request, key: key, stale: false)
        }
        guard let phoneExtension = request.to?.uri.user, authorization.username == phoneExtension else {
            return failRegistration(request, source: source, key: key, reason: "user does not match the account")
        }
        // The password comes from the server's database: look it up off the loop and
        // come back here with the answer.
        let box = self.box
        let phones = self.phones
        Task {
            let password = await phones?.password(forExtension: phoneExtension)
            box.eventLoop.execute {
                box.value?.finishRegister(request, source: source, key: key, authorization: authorization, password: password)
            }
        }
    }

    private func finishRegister(_ request: SIPRequest, source: SIPEndpoint, key: SIPTransactionKey,
                                authorization: DigestAuthorization, password: String?) {
        let now = Date()
        guard let password else {
            return failRegistration(request, source: source, key: key, reason: "unknown extension")
        }
        switch authenticator.verify(authorization, method: "REGISTER", password: password, now: now) {
        case .valid:
            break
        case .staleNonce:
            return challenge(request, key: key, stale: true)
        case .invalidNonce, .wrongCredentials:
            return failRegistration(request, source: source, key: key, reason: "wrong credentials")
        }
        throttle.recordSuccess(from: source.host)
        let response = registrar.register(request, source: source, now: now)
        layer?.respond(response, to: key)
        guard response.statusCode == 200, let to = request.to, let phoneExtension = to.uri.user else { return }
        counters.registrationsAccepted += 1
        let live = registrar.bindings(for: Registrar.addressOfRecord(to.uri), now: now)
        if let binding = live.first {
            onRegistrationChange(PhoneRegistration(phoneExtension: phoneExtension, contact: binding.contact.description,
                                                   source: binding.target, expiresAt: binding.expiresAt,
                                                   userAgent: request.headers["User-Agent"]))
        } else {
            onRegistrationChange(PhoneRegistration(phoneExtension: phoneExtension, contact: nil, source: source, expiresAt: nil,
                                                   userAgent: request.headers["User-Agent"]))
        }
    }

    private func challenge(_ request: SIPRequest, key: SIPTransactionKey, stale: Bool) {
        var response = SIPResponse(replyingTo: request, statusCode: 401, toTag: SIPIdentifiers.tag())
        response.headers.add("WWW-Authenticate", authenticator.challenge(now: Date(), stale: stale).description)
        layer?.respond(response, to: key)
    }

    private func failRegistration(_ request: SIPRequest, source: SIPEndpoint, key: SIPTransactionKey, reason: String) {
        counters.registrationFailures += 1
        throttle.recordFailure(from: source.host, now: Date())
        forbid(request, key: key, reason: reason)
    }
}
