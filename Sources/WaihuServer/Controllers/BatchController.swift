import Fluent
import Vapor
import WaihuDomain

/// 批次与来源: cost and quality per batch and per source; assigning batches to teams.
struct BatchController {
    func register(on api: RoutesBuilder) {
        let batches = api.guarded(feature: .listBatches)
        batches.get("batches", use: listBatches)
        batches.get("sources", use: listSources)
        batches.put("batches", ":batchID", "teams", use: assign)
    }

    func listBatches(_ req: Request) async throws -> [ListStatistics.BatchLine] {
        try await ListStatistics(database: req.db).batches()
    }

    func listSources(_ req: Request) async throws -> [ListStatistics.SourceLine] {
        try await ListStatistics(database: req.db).sources()
    }

    struct AssignRequest: Content {
        var teams: [String]
    }

    /// `{"teams": ["一组", "二组"]}` replaces the batch's teams.
    func assign(_ req: Request) async throws -> HTTPStatus {
        guard let id = req.parameters.get("batchID", as: Int.self),
              let batch = try await BatchRecord.find(id, on: req.db) else { throw Abort(.notFound, reason: "no such batch") }
        let body = try req.decodeBody(AssignRequest.self)
        try await ListStatistics(database: req.db).assign(batchName: batch.name, teamNames: body.teams)
        return .noContent
    }
}
