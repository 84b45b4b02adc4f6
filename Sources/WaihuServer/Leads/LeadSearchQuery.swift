import Foundation
import SQLKit
import WaihuDomain

/// One page of 客户名单 in two SQL statements: the matching count, and the page's leads with
/// their batch and source names joined in, as JSON.
///
/// The page is the API's most read thing (every agent's screen, every search). Through Fluent
/// it took six queries and a model per row. Here an agent's visible batches are a subquery
/// rather than a query of their own, and the database writes each lead's JSON.
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

    /// The page's leads, each as the JSON object `LeadView` encodes to, made by the database.
    ///
    /// Decoding 50 rows into Swift values and encoding them again as JSON was 45 % of the
    /// page's CPU; SQLite's `json_object` and PostgreSQL's `json_build_object` write the same
    /// object in C while reading the row. The keys are `LeadView`'s own (its `CodingKeys`);
    /// a field without a value is `null` rather than left out.
    func pageJSON(limit: Int, offset: Int, on sql: SQLDatabase) async throws -> [String] {
        let postgres = sql.dialect.name == "postgresql"
        let pairs = Self.fields(postgres: postgres).map { "'\($0.0.rawValue)', \($0.1)" }.joined(separator: ", ")
        let object = postgres ? "json_build_object(\(pairs))::text" : "json_object(\(pairs))"
        let select = sql.select().column(SQLRaw(object), as: "j")
            .from(SQLAlias(SQLIdentifier(LeadRecord.schema), as: SQLIdentifier("l")))
            .join(SQLAlias(SQLIdentifier(BatchRecord.schema), as: SQLIdentifier("b")), on: SQLColumn("id", table: "b"), .equal, SQLColumn("batch_id", table: "l"))
            .join(SQLAlias(SQLIdentifier(SourceRecord.schema), as: SQLIdentifier("s")), on: SQLColumn("id", table: "s"), .equal, SQLColumn("source_id", table: "b"))
        return try await filtered(select).orderBy(SQLColumn("id", table: "l")).limit(limit).offset(offset).all()
            .map { try $0.decode(column: "j", as: String.self) }
    }

    /// Each field of `LeadView` and the SQL that gives its JSON value.
    static func fields(postgres: Bool) -> [(LeadView.CodingKeys, String)] {
        func lead(_ column: String) -> String { "l.\"\(column)\"" }
        let extras = postgres ? "l.\"extras\"::json"
            : "json(CASE WHEN json_valid(l.\"extras\") THEN l.\"extras\" ELSE '[]' END)"
        // ISO 8601 in UTC without fractions, as Vapor's JSON encoder writes a Date.
        let updatedAt = postgres ? "to_char(l.\"updated_at\" AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')"
            : "strftime('%Y-%m-%dT%H:%M:%SZ', l.\"updated_at\", 'unixepoch')"
        return [
            (.id, lead("id")), (.phoneKey, lead("phone_key")), (.phone, lead("phone")),
            (.extensionNumber, lead("extension")), (.name, lead("name")), (.plate, lead("plate")),
            (.carModel, lead("car_model")), (.vin, lead("vin")), (.engineNumber, lead("engine_number")),
            (.expiryDate, lead("expiry_date")), (.compulsoryExpiryDate, lead("compulsory_expiry_date")),
            (.firstRegistrationDate, lead("first_registration_date")), (.renewalDate, lead("renewal_date")),
            (.extras, extras), (.batchID, lead("batch_id")), (.batch, "b.\"name\""), (.source, "s.\"name\""),
            (.status, lead("status")), (.updatedAt, updatedAt),
        ]
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
