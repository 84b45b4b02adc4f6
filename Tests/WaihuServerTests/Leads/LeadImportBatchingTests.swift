import FluentKit
import Foundation
import SQLKit
import WaihuDomain
import XCTest
@testable import WaihuServer

/// A list long enough to be read, looked up and stored in several batches (the next
/// batch is parsed while the database stores the previous one) must come out exactly
/// as one pass over the whole file with the domain's classifier decides: same counts,
/// same rejects with their rows, the first occurrence of a number kept, across batch
/// boundaries and against the leads of an earlier list.
final class LeadImportBatchingTests: XCTestCase {
    func testALongListImportsAsOnePassOverTheFileDecides() async throws {
        var generator = LeadListGenerator(seed: 7)
        let first = try csvFile(rows: 15_000, generator: &generator)
        // The second list shares half its customers with the first.
        var generator2 = LeadListGenerator(seed: 8, numberOffset: 6_000)
        let second = try csvFile(rows: 15_000, generator: &generator2)

        try await TestServer.with { server in
            let db = server.app.db
            // A number that first appears deep into the first file, so in a later batch.
            let blocked = try XCTUnwrap(try Self.phoneKeys(of: first).dropFirst(11_000).first)
            _ = try await DoNotCallList(database: db, actor: .console()).add(blocked, reason: "客户拒绝", until: nil)

            let importer = LeadImporter(database: db, actor: .console())
            let (expected1, keys1) = try Self.onePass(first, lookup: PhoneKeySets(doNotCall: [blocked]))
            let result1 = try await importer.run(.init(file: first, batchName: "第一批", sourceName: "bench",
                                                       options: LeadFileOptions(asOf: LeadFixtures.asOf)))
            XCTAssertEqual(result1.report, expected1)
            XCTAssertGreaterThanOrEqual(expected1.doNotCall, 1)
            XCTAssertGreaterThan(expected1.duplicate, 500)
            XCTAssertGreaterThan(expected1.invalidPhone, 500)
            let stored1 = try await Self.storedKeys(batchID: result1.batchID, on: db)
            XCTAssertEqual(stored1, keys1, "the imported rows, in file order")

            let (expected2, keys2) = try Self.onePass(second, lookup: PhoneKeySets(doNotCall: [blocked], existing: Set(keys1)))
            let result2 = try await importer.run(.init(file: second, batchName: "第二批", sourceName: "bench",
                                                       options: LeadFileOptions(asOf: LeadFixtures.asOf)))
            XCTAssertEqual(result2.report, expected2)
            XCTAssertGreaterThan(expected2.duplicate, 5_000, "half the customers are already leads")
            let stored2 = try await Self.storedKeys(batchID: result2.batchID, on: db)
            XCTAssertEqual(stored2, keys2)
            let leads = try await LeadFixtures.count("leads", on: db)
            XCTAssertEqual(leads, keys1.count + keys2.count)
        }
    }

    /// The stored row of a lead holds what the parser read, extra columns included.
    func testStoredRowsHoldTheParsedValues() async throws {
        var generator = LeadListGenerator(seed: 9)
        let file = try csvFile(rows: 5_000, generator: &generator)
        try await TestServer.with { server in
            let result = try await LeadImporter(database: server.app.db, actor: .console())
                .run(.init(file: file, batchName: "b", sourceName: "s", options: LeadFileOptions(asOf: LeadFixtures.asOf)))
            var reader = try LeadListReader(asOf: LeadFixtures.asOf)
            let rows = try reader.feed([UInt8](try Data(contentsOf: file))) + reader.finish()
            var firstByKey: [String: LeadRow] = [:]
            for row in rows { if let key = try? row.phone.get().key, firstByKey[key] == nil { firstByKey[key] = row } }

            let leads = try await LeadRecord.query(on: server.app.db).filter(\.$batchID == result.batchID).all()
            XCTAssertEqual(leads.count, result.report.imported)
            for lead in leads {
                let row = try XCTUnwrap(firstByKey[lead.phoneKey])
                XCTAssertEqual(lead.phone, row.rawPhone.trimmingCharacters(in: .whitespaces))
                XCTAssertEqual(lead.name, row.name)
                XCTAssertEqual(lead.plate, row.plate?.value)
                XCTAssertEqual(lead.carModel, row.carModel)
                XCTAssertEqual(lead.expiryDate, row.expiryDate?.isoString)
                XCTAssertEqual(lead.firstRegistrationDate, row.firstRegistrationDate?.isoString)
                XCTAssertEqual(lead.renewalDate, row.renewalDate?.isoString)
                XCTAssertEqual(lead.extras, row.extras)
                XCTAssertEqual(lead.status, .new)
                XCTAssertNotNil(lead.createdAt)
            }
        }
    }

    private func csvFile(rows: Int, generator: inout LeadListGenerator) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("batching-\(UUID().uuidString).csv")
        try generator.writeCSV(rows: rows, to: url)
        addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        return url
    }

    /// The report and the imported keys, in order, that one pass over the whole file
    /// gives, with the classifier remembering every key it imported.
    private static func onePass(_ url: URL, lookup: PhoneKeySets) throws -> (ImportReport, [String]) {
        var reader = try LeadListReader(asOf: LeadFixtures.asOf)
        let rows = try reader.feed([UInt8](try Data(contentsOf: url))) + reader.finish()
        var classifier = LeadRowClassifier()
        var report = ImportReport()
        var keys: [String] = []
        for row in rows {
            let outcome = classifier.classify(row, lookup: lookup)
            report.record(row: row.row, outcome: outcome, rawPhone: row.rawPhone)
            if case .imported(let number) = outcome { keys.append(number.key) }
        }
        report.headerRow = reader.headerRow
        return (report, keys)
    }

    private static func phoneKeys(of url: URL) throws -> [String] {
        var reader = try LeadListReader(asOf: LeadFixtures.asOf)
        let rows = try reader.feed([UInt8](try Data(contentsOf: url))) + reader.finish()
        return rows.compactMap { try? $0.phone.get().key }
    }

    private static func storedKeys(batchID: Int, on db: Database) async throws -> [String] {
        try await LeadRecord.query(on: db).filter(\.$batchID == batchID).sort(\.$id).all().map(\.phoneKey)
    }
}
