import Fluent
import Foundation
import SQLKit
import Vapor
import WaihuDomain

/// Cost and quality per batch and per source (批次与来源), from the import counts, the
/// leads now in each batch, and the campaigns' calls: contact rate, success rate, cost per
/// success and 无效率 (invalid leads ÷ leads dialled, with the invalid leads by cause) stay
/// null until a batch's leads are called.
public struct ListStatistics: Sendable {
    public let database: Database

    public init(database: Database) {
        self.database = database
    }

    public struct BatchLine: Content, Sendable {
        public var id: Int
        public var name: String
        public var source: String
        public var costPerLead: Double
        public var importedAt: Date
        public var importedBy: String
        public var teams: [String]
        public var rows: Int
        public var leads: Int
        public var invalidPhone: Int
        public var duplicate: Int
        public var dnc: Int
        public var cost: Double
        public var invalidRate: Double?
        public var duplicateRate: Double?
        public var contactRate: Double?
        public var successRate: Double?
        public var costPerSuccess: Double?
        /// Leads called at least once, leads contacted (`ContactRule`), leads sold.
        public var dialled: Int
        public var contacted: Int
        public var successes: Int
        /// 无效数据 (`InvalidLeadRule`) among the dialled leads, 无效率 = invalid ÷ dialled (null
        /// until called), and the invalid leads by cause (`InvalidLeadCause`: every cause, zeros too).
        public var invalidLeads: Int
        public var invalidLeadRate: Double?
        public var invalidByCause: [String: Int]

        enum CodingKeys: String, CodingKey {
            case id, name, source, costPerLead = "cost_per_lead", importedAt = "imported_at", importedBy = "imported_by",
                 teams, rows, leads, invalidPhone = "invalid_phone", duplicate, dnc, cost, invalidRate = "invalid_rate",
                 duplicateRate = "duplicate_rate", contactRate = "contact_rate", successRate = "success_rate",
                 costPerSuccess = "cost_per_success", dialled, contacted, successes, invalidLeads = "invalid_leads",
                 invalidLeadRate = "invalid_lead_rate", invalidByCause = "invalid_by_cause"
        }

        // Encode nil rates as JSON null, not as missing keys: the UI shows "—".
        public func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(id, forKey: .id); try c.encode(name, forKey: .name); try c.encode(source, forKey: .source)
            try c.encode(costPerLead, forKey: .costPerLead); try c.encode(importedAt, forKey: .importedAt)
            try c.encode(importedBy, forKey: .importedBy); try c.encode(teams, forKey: .teams)
            try c.encode(rows, forKey: .rows); try c.encode(leads, forKey: .leads)
            try c.encode(invalidPhone, forKey: .invalidPhone); try c.encode(duplicate, forKey: .duplicate)
            try c.encode(dnc, forKey: .dnc); try c.encode(cost, forKey: .cost)
            try c.encode(invalidRate, forKey: .invalidRate); try c.encode(duplicateRate, forKey: .duplicateRate)
            try c.encode(contactRate, forKey: .contactRate); try c.encode(successRate, forKey: .successRate)
            try c.encode(costPerSuccess, forKey: .costPerSuccess)
            try c.encode(dialled, forKey: .dialled); try c.encode(contacted, forKey: .contacted)
            try c.encode(successes, forKey: .successes)
            try c.encode(invalidLeads, forKey: .invalidLeads); try c.encode(invalidLeadRate, forKey: .invalidLeadRate)
            try c.encode(invalidByCause, forKey: .invalidByCause)
        }
    }

    public struct SourceLine: Content, Sendable {
        public var name: String
        public var defaultPrice: Double
        public var batches: Int
        public var rows: Int
        public var leads: Int
        public var cost: Double
        public var invalidRate: Double?
        public var duplicateRate: Double?
        public var contactRate: Double?
        public var successRate: Double?
        public var costPerSuccess: Double?
        /// The sums of its batches: leads dialled, invalid among them, 无效率 and the breakdown by cause.
        public var dialled: Int
        public var invalidLeads: Int
        public var invalidLeadRate: Double?
        public var invalidByCause: [String: Int]

        enum CodingKeys: String, CodingKey {
            case name, defaultPrice = "default_price", batches, rows, leads, cost, invalidRate = "invalid_rate",
                 duplicateRate = "duplicate_rate", contactRate = "contact_rate", successRate = "success_rate",
                 costPerSuccess = "cost_per_success", dialled, invalidLeads = "invalid_leads",
                 invalidLeadRate = "invalid_lead_rate", invalidByCause = "invalid_by_cause"
        }

        public func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(name, forKey: .name); try c.encode(defaultPrice, forKey: .defaultPrice)
            try c.encode(batches, forKey: .batches); try c.encode(rows, forKey: .rows); try c.encode(leads, forKey: .leads)
            try c.encode(cost, forKey: .cost); try c.encode(invalidRate, forKey: .invalidRate)
            try c.encode(duplicateRate, forKey: .duplicateRate); try c.encode(contactRate, forKey: .contactRate)
            try c.encode(successRate, forKey: .successRate); try c.encode(costPerSuccess, forKey: .costPerSuccess)
            try c.encode(dialled, forKey: .dialled); try c.encode(invalidLeads, forKey: .invalidLeads)
            try c.encode(invalidLeadRate, forKey: .invalidLeadRate); try c.encode(invalidByCause, forKey: .invalidByCause)
        }
    }

    public func batches() async throws -> [BatchLine] {
        let batches = try await BatchRecord.query(on: database).with(\.$source).sort(\.$importedAt, .descending).sort(\.$id, .descending).all()
        let counts = try await leadCounts()
        let calls = try await callCounts()
        guard let sql = database as? SQLDatabase else { throw EventStoreError.notSQL }
        let invalid = try await BatchInvalidLeads.load(sql: sql)
        var teamNames: [UUID: String] = [:]
        for team in try await TeamRecord.query(on: database).all() { teamNames[team.id!] = team.name }
        var teamsByBatch: [Int: [String]] = [:]
        for link in try await BatchTeamRecord.query(on: database).all() {
            teamsByBatch[link.batchID, default: []].append(teamNames[link.teamID] ?? "")
        }
        return batches.map { batch in
            let leads = counts[batch.id!] ?? 0
            let called = calls[batch.id!] ?? CallCounts()
            let found = invalid[batch.id!] ?? BatchInvalidLeads()
            let quality = ListQuality(rows: batch.rows, leads: leads, invalid: batch.invalidPhone,
                                      duplicate: batch.duplicate, pricePerLead: batch.costPerLead)
                .withCalls(dialled: called.dialled, contacted: called.contacted, successes: called.successes)
            return BatchLine(id: batch.id!, name: batch.name, source: batch.source.name, costPerLead: batch.costPerLead,
                             importedAt: batch.importedAt, importedBy: batch.importedBy,
                             teams: (teamsByBatch[batch.id!] ?? []).sorted(), rows: batch.rows, leads: leads,
                             invalidPhone: batch.invalidPhone, duplicate: batch.duplicate, dnc: batch.doNotCall,
                             cost: quality.cost, invalidRate: quality.invalidRate, duplicateRate: quality.duplicateRate,
                             contactRate: quality.contactRate, successRate: quality.successRate,
                             costPerSuccess: quality.costPerSuccess, dialled: called.dialled, contacted: called.contacted,
                             successes: called.successes, invalidLeads: found.invalid,
                             invalidLeadRate: KPI.invalidRate(invalidLeads: found.invalid, dialledLeads: called.dialled).value,
                             invalidByCause: found.causeCounts)
        }
    }

    public func sources() async throws -> [SourceLine] {
        let lines = try await batches()
        return try await SourceRecord.query(on: database).sort(\.$name).all().map { source in
            let mine = lines.filter { $0.source == source.name }
            let quality = ListQuality.combined(mine.map { (rows: $0.rows, leads: $0.leads, invalid: $0.invalidPhone,
                                                           duplicate: $0.duplicate, cost: $0.cost) })
                .withCalls(dialled: mine.reduce(0) { $0 + $1.dialled }, contacted: mine.reduce(0) { $0 + $1.contacted },
                           successes: mine.reduce(0) { $0 + $1.successes })
            let dialled = mine.reduce(0) { $0 + $1.dialled }
            let invalid = mine.reduce(0) { $0 + $1.invalidLeads }
            var byCause: [String: Int] = [:]
            for line in mine { byCause.merge(line.invalidByCause, uniquingKeysWith: +) }
            return SourceLine(name: source.name, defaultPrice: source.defaultPrice, batches: mine.count,
                              rows: mine.reduce(0) { $0 + $1.rows },
                              leads: quality.leads, cost: quality.cost, invalidRate: quality.invalidRate,
                              duplicateRate: quality.duplicateRate, contactRate: quality.contactRate,
                              successRate: quality.successRate, costPerSuccess: quality.costPerSuccess,
                              dialled: dialled, invalidLeads: invalid,
                              invalidLeadRate: KPI.invalidRate(invalidLeads: invalid, dialledLeads: dialled).value,
                              invalidByCause: BatchInvalidLeads().causeCounts.merging(byCause) { $1 })
        }
    }

    struct CallCounts {
        var dialled = 0
        var contacted = 0
        var successes = 0
    }

    /// Per batch: leads called at least once, leads contacted (接触, by `ContactRule`: a
    /// disposition that reached the right customer, as the reports count it), leads sold.
    private func callCounts() async throws -> [Int: CallCounts] {
        guard let sql = database as? SQLDatabase else { return [:] }
        struct Row: Decodable { var batch_id: Int; var dialled: Int; var contacted: Int?; var successes: Int? }
        let contact = DomainPredicateSQL.isContact(category: "d.category")
        let rows = try await sql.raw("""
            SELECT l.batch_id AS batch_id, COUNT(DISTINCT l.id) AS dialled,
                   COUNT(DISTINCT CASE WHEN c.lead_id IS NOT NULL THEN l.id END) AS contacted,
                   COUNT(DISTINCT CASE WHEN l.status = 'success' THEN l.id END) AS successes
            FROM ev_call_attempts a JOIN leads l ON CAST(l.id AS TEXT) = a.lead_id
            LEFT JOIN (SELECT DISTINCT d.lead_id AS lead_id FROM ev_dispositions d
                       WHERE d.simulated = \(SQLLiteral.boolean(false)) AND \(unsafeRaw: contact)) c ON c.lead_id = a.lead_id
            WHERE a.simulated = \(SQLLiteral.boolean(false))
            GROUP BY l.batch_id
            """).all(decoding: Row.self)
        return Dictionary(uniqueKeysWithValues: rows.map {
            ($0.batch_id, CallCounts(dialled: $0.dialled, contacted: $0.contacted ?? 0, successes: $0.successes ?? 0))
        })
    }

    /// Leads now in each batch.
    private func leadCounts() async throws -> [Int: Int] {
        guard let sql = database as? SQLDatabase else { return [:] }
        struct Row: Decodable { var batch_id: Int; var n: Int }
        let rows = try await sql.raw("SELECT batch_id, COUNT(*) AS n FROM leads GROUP BY batch_id").all(decoding: Row.self)
        return Dictionary(uniqueKeysWithValues: rows.map { ($0.batch_id, $0.n) })
    }

    /// Assigns a batch to teams (replacing its teams), so their agents can work it.
    public func assign(batchName: String, teamNames: [String]) async throws {
        try await WriteRetry.transaction(on: database) { db in
            guard let batch = try await BatchRecord.query(on: db).filter(\.$name == batchName).first() else {
                throw Abort(.notFound, reason: "no batch named '\(batchName)'")
            }
            var teamIDs: [UUID] = []
            for name in teamNames {
                guard let team = try await TeamRecord.query(on: db).filter(\.$name == name).first() else {
                    throw Abort(.notFound, reason: "no team named '\(name)'")
                }
                teamIDs.append(try team.requireID())
            }
            try await BatchTeamRecord.query(on: db).filter(\.$batchID == batch.requireID()).delete()
            for id in teamIDs { try await BatchTeamRecord(batchID: try batch.requireID(), teamID: id).create(on: db) }
        }
    }
}
