import Vapor

/// 系统设置: every logged-in user reads the center's settings (the campaign form offers 号码检测
/// only when it is allowed); only an admin changes one, and every change is audited.
struct SettingsController {
    func register(on api: RoutesBuilder) {
        api.guarded(.authenticated).get("settings", use: list)
        api.guarded(.admin).patch("settings", ":key", use: change)
    }

    func list(_ req: Request) async throws -> [SystemSettings.Line] {
        try await SystemSettings(database: req.db).all()
    }

    /// `{"value": true}` (or `"true"`, `"off"` …).
    struct Change: Content {
        var value: String

        init(from decoder: Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            if let flag = try? c.decode(Bool.self, forKey: .value) {
                value = String(flag)
            } else {
                value = try c.decode(String.self, forKey: .value)
            }
        }
    }

    func change(_ req: Request) async throws -> SystemSettings.Line {
        let key = req.parameters.get("key") ?? ""
        let body = try req.decodeBody(Change.self)
        do {
            return try await SystemSettings(database: req.db).set(key, to: body.value, by: req.auditActor)
        } catch let error as SystemSettingError {
            if case .unknown = error { throw Abort(.notFound, reason: error.description) }
            throw Abort(.badRequest, reason: error.description)
        }
    }
}
