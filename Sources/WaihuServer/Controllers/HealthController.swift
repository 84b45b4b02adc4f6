import Fluent
import SQLKit
import Vapor

/// `GET /healthz` for load balancers and `GET /metrics` for Prometheus; both open.
struct HealthController {
    func register(on routes: RoutesBuilder) {
        let open = routes.guarded(.open)
        open.get("healthz", use: health)
        open.get("metrics", use: metrics)
    }

    struct Health: Content {
        var status: String
        var version: String
        var database: String
    }

    func health(_ req: Request) async throws -> Response {
        var databaseStatus = "ok"
        do {
            if let sql = req.db as? SQLDatabase { try await sql.raw("SELECT 1").run() }
        } catch {
            databaseStatus = "unreachable"
        }
        let body = Health(status: databaseStatus == "ok" ? "ok" : "degraded", version: WaihuVersion.current, database: databaseStatus)
        return try await body.encodeResponse(status: databaseStatus == "ok" ? .ok : .serviceUnavailable, for: req)
    }

    func metrics(_ req: Request) async throws -> Response {
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(type: "text", subType: "plain", parameters: ["version": "0.0.4", "charset": "utf-8"])
        return Response(status: .ok, headers: headers, body: .init(string: WaihuMetrics.registry.emitToString() + (await req.application.telephony?.prometheusText() ?? "")))
    }
}
