import Foundation
import SQLKit
import WaihuDomain

/// One page of 客户名单 in two SQL statements: the matching count, and the page's leads with
/// their batch and source names joined in.
///
/// The page is the API's most read thing (every agent's screen, every search). Through Fluent
/// it took six queries and a model per row; the decoding alone was most of its 10 ms. Here
/// the rows are decoded straight into `LeadView`, and an agent's visible batches are a
/// subquery rather than a query of their own.
struct LeadSearchQuery: Sendable {
    /// An agent's team (they see only its batches); nil: every lead. `.some(nil)`: an agent
    /// without a team, who sees nothing.
    var agentTeam: UUID??
    var batchID: Int?
    var text: String

    func count(on sql: SQLDatabase) async throws -> Int {
        let select = filtered(sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n")
            .from(SQLAlias(SQLIdentifier(LeadRecord.schema), as: SQLIdentifier("l"))))
        guard let row = try await select.first() else { return 0 }
        return try row.decode(column: "n", as: Int.self)
    }

    func page(limit: Int, offset: Int, on sql: SQLDatabase) async throws -> [LeadView] {
        let columns = ["id", "phone_key", "phone", "extension", "name", "plate", "car_model", "vin", "engine_number",
                       "expiry_date", "compulsory_expiry_date", "first_registration_date", "renewal_date", "extras",
                       "batch_id", "status", "updated_at"]
        var select = sql.select()
        for column in columns { select = select.column(SQLColumn(column, table: "l")) }
        select = select.column(SQLColumn("name", table: "b"), as: "batch")
            .column(SQLColumn("name", table: "s"), as: "source")
            .from(SQLAlias(SQLIdentifier(LeadRecord.schema), as: SQLIdentifier("l")))
            .join(SQLAlias(SQLIdentifier(BatchRecord.schema), as: SQLIdentifier("b")), on: SQLColumn("id", table: "b"), .equal, SQLColumn("batch_id", table: "l"))
            .join(SQLAlias(SQLIdentifier(SourceRecord.schema), as: SQLIdentifier("s")), on: SQLColumn("id", table: "s"), .equal, SQLColumn("source_id", table: "b"))
        select = filtered(select).orderBy(SQLColumn("id", table: "l")).limit(limit).offset(offset)
        let extrasDecoder = JSONDecoder()
        return try await select.all().map { row in
            let page = try row.decode(model: LeadPageRow.self)
            let extras = (try? extrasDecoder.decode([LeadExtraField].self, from: Data(page.extras.utf8))) ?? []
            return LeadView(page, extras: extras)
        }
    }

    /// The WHERE of both statements: the same leads are counted and listed.
    private func filtered(_ select: SQLSelectBuilder) -> SQLSelectBuilder {
        var select = select
        if let agentTeam {
            if let team = agentTeam {
                select = select.where(SQLColumn("batch_id", table: "l"), .in,
                                      SQLGroupExpression(sqlSubquery(team)))
            } else {
                select = select.where(SQLLiteral.boolean(false))
            }
        }
        if let batchID { select = select.where(SQLColumn("batch_id", table: "l"), .equal, SQLBind(batchID)) }
        let text = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { return select }
        if case .success(let number) = PhoneNumber.parse(text) {
            return select.where(SQLColumn("phone_key", table: "l"), .equal, SQLBind(number.key))
        }
        let digits = text.filter(\.isASCII).filter(\.isNumber)
        let plate = LicensePlate.canonical(text) ?? text
        return select.where(group: { group in
            var group = group.where(SQLColumn("name", table: "l"), .like, SQLBind("%\(text)%"))
                .orWhere(SQLColumn("plate", table: "l"), .like, SQLBind("%\(plate)%"))
            if digits.count >= 4 { group = group.orWhere(SQLColumn("phone_key", table: "l"), .like, SQLBind("%\(digits)%")) }
            return group
        })
    }

    private func sqlSubquery(_ team: UUID) -> SQLQueryString {
        "SELECT batch_id FROM \(ident: BatchTeamRecord.schema) WHERE team_id = \(bind: team)"
    }
}

/// A row of the page statement.
struct LeadPageRow: Decodable {
    var id: Int
    var phone_key: String
    var phone: String
    var `extension`: String?
    var name: String?
    var plate: String?
    var car_model: String?
    var vin: String?
    var engine_number: String?
    var expiry_date: String?
    var compulsory_expiry_date: String?
    var first_registration_date: String?
    var renewal_date: String?
    var extras: String
    var batch_id: Int
    var status: String
    var updated_at: Date?
    var batch: String
    var source: String
}
