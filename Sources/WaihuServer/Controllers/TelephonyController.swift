import Fluent
import Vapor
import WaihuDomain

/// 线路与分机: SIP trunks and agent phones (admins). Passwords are write-only: they are
/// accepted on create and change, and no reply ever contains one.
struct TelephonyController {
    func register(on api: RoutesBuilder) {
        let admin = api.guarded(feature: .telephony)
        admin.get("trunks", use: listTrunks)
        admin.post("trunks", use: createTrunk)
        admin.patch("trunks", ":name", use: changeTrunk)
        admin.delete("trunks", ":name", use: removeTrunk)
        admin.get("phones", use: listPhones)
        admin.post("phones", use: createPhone)
        admin.patch("phones", ":extension", use: changePhone)
        admin.delete("phones", ":extension", use: removePhone)
    }

    struct TrunkView: Content {
        var id: UUID
        var name: String
        var host: String
        var port: Int
        var username: String?
        /// Whether a password is stored; the password itself is never sent.
        var hasPassword: Bool
        var callerID: String
        var maxConcurrent: Int
        var maxPerSecond: Int
        var ringTimeout: Int
        var enabled: Bool

        enum CodingKeys: String, CodingKey {
            case id, name, host, port, username, enabled
            case hasPassword = "has_password", callerID = "caller_id", maxConcurrent = "max_concurrent"
            case maxPerSecond = "max_cps", ringTimeout = "ring_timeout"
        }

        init(_ trunk: TrunkRecord) throws {
            id = try trunk.requireID()
            name = trunk.name
            host = trunk.host
            port = trunk.port
            username = trunk.username
            hasPassword = trunk.password != nil
            callerID = trunk.callerID
            maxConcurrent = trunk.maxConcurrent
            maxPerSecond = trunk.maxPerSecond
            ringTimeout = trunk.ringTimeout
            enabled = trunk.enabled
        }
    }

    struct TrunkRequest: Content {
        var name: String?
        var host: String?
        var port: Int?
        var username: String?
        var password: String?
        var callerID: String?
        var maxConcurrent: Int?
        var maxPerSecond: Int?
        var ringTimeout: Int?
        var enabled: Bool?

        enum CodingKeys: String, CodingKey {
            case name, host, port, username, password, enabled
            case callerID = "caller_id", maxConcurrent = "max_concurrent", maxPerSecond = "max_cps", ringTimeout = "ring_timeout"
        }

        var settings: TelephonyAdministration.TrunkSettings {
            .init(host: host, port: port, username: username, password: password, callerID: callerID,
                  maxConcurrent: maxConcurrent, maxPerSecond: maxPerSecond, ringTimeout: ringTimeout, enabled: enabled)
        }
    }

    func listTrunks(_ req: Request) async throws -> [TrunkView] {
        try await req.telephonyAdministration.trunks().map(TrunkView.init)
    }

    func createTrunk(_ req: Request) async throws -> Response {
        let body = try req.decodeBody(TrunkRequest.self)
        guard let name = body.name else { throw Abort(.badRequest, reason: "field 'name' is required") }
        let trunk = try await req.telephonyAdministration.createTrunk(name: name, body.settings)
        return try await TrunkView(trunk).encodeResponse(status: .created, for: req)
    }

    func changeTrunk(_ req: Request) async throws -> TrunkView {
        let administration = req.telephonyAdministration
        let trunk = try await administration.trunk(named: req.parameters.get("name") ?? "")
        let body = try req.decodeBody(TrunkRequest.self)
        return try TrunkView(try await administration.changeTrunk(trunk, body.settings))
    }

    func removeTrunk(_ req: Request) async throws -> HTTPStatus {
        try await req.telephonyAdministration.removeTrunk(named: req.parameters.get("name") ?? "")
        return .noContent
    }

    struct PhoneView: Content {
        var id: UUID
        var phoneExtension: String
        var agent: String?
        var registered: Bool
        var contact: String?
        var source: String?
        var expiresAt: Date?
        var userAgent: String?

        enum CodingKeys: String, CodingKey {
            case id, agent, registered, contact, source
            case phoneExtension = "extension", expiresAt = "expires_at", userAgent = "user_agent"
        }

        init(_ entry: TelephonyAdministration.PhoneEntry, now: Date = Date()) throws {
            let phone = entry.phone
            id = try phone.requireID()
            phoneExtension = phone.phoneExtension
            agent = entry.agent
            registered = phone.isRegistered(at: now)
            contact = registered ? phone.contact : nil
            source = registered ? phone.source : nil
            expiresAt = registered ? phone.expiresAt : nil
            userAgent = registered ? phone.userAgent : nil
        }
    }

    struct PhoneRequest: Content {
        var phoneExtension: String?
        var password: String?
        /// A username; "" frees the phone from its agent (on change).
        var agent: String?

        enum CodingKeys: String, CodingKey {
            case password, agent
            case phoneExtension = "extension"
        }
    }

    func listPhones(_ req: Request) async throws -> [PhoneView] {
        try await req.telephonyAdministration.phones().map { try PhoneView($0) }
    }

    func createPhone(_ req: Request) async throws -> Response {
        let body = try req.decodeBody(PhoneRequest.self)
        guard let phoneExtension = body.phoneExtension else { throw Abort(.badRequest, reason: "field 'extension' is required") }
        guard let password = body.password else { throw Abort(.badRequest, reason: "field 'password' is required") }
        let administration = req.telephonyAdministration
        let phone = try await administration.createPhone(extension: phoneExtension, password: password,
                                                         agent: body.agent.flatMap { $0.isEmpty ? nil : $0 })
        let view = try PhoneView(.init(phone: phone, agent: body.agent.flatMap { $0.isEmpty ? nil : $0 }))
        return try await view.encodeResponse(status: .created, for: req)
    }

    func changePhone(_ req: Request) async throws -> PhoneView {
        let administration = req.telephonyAdministration
        let phone = try await administration.phone(req.parameters.get("extension") ?? "")
        let body = try req.decodeBody(PhoneRequest.self)
        let agent: String?? = body.agent.map { $0.isEmpty ? nil : $0 }
        let changed = try await administration.changePhone(phone, password: body.password, agent: agent)
        let username = try await changed.$agent.get(on: req.db)?.username
        return try PhoneView(.init(phone: changed, agent: username))
    }

    func removePhone(_ req: Request) async throws -> HTTPStatus {
        try await req.telephonyAdministration.removePhone(req.parameters.get("extension") ?? "")
        return .noContent
    }
}

extension Request {
    /// Trunk and phone changes made by the logged-in user, audited with their address.
    var telephonyAdministration: TelephonyAdministration {
        TelephonyAdministration(database: db, actor: auditActor, logger: logger)
    }
}
