import ArgumentParser
import Foundation
import WaihuDomain
import WaihuServer

struct BatchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "batch",
        abstract: "Lead batches 批次: cost and quality; which teams work them.",
        subcommands: [List.self, Assign.self]
    )

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Batches with leads, cost, import rejects, 无效率 and contact and success rates.",
            discussion: """
                BAD PHONES and DUPLICATE are the rows the import rejected; DIALLED the leads called at least once; \
                FOUND INVALID is 无效率, the dialled leads found invalid (空号, 停机, 改号, 呼入限制, a phone off through \
                the plan's retries, or an agent's invalid_number disposition) ÷ DIALLED. --causes shows those invalid \
                leads by cause.
                """)
        @Flag(help: "Show the invalid leads of each batch by cause (空号, 停机 …) instead.") var causes = false
        @OptionGroup var storage: StorageOptions

        func run() async throws {
            let lines = try await withApplication(storage.settings()) { app in try await ListStatistics(database: app.db).batches() }
            if causes {
                print(InvalidCauseTable.render(lines.map { ($0.name, $0.source, $0.dialled, $0.invalidLeads, $0.invalidLeadRate, $0.invalidByCause) },
                                               first: ["BATCH", "SOURCE"]))
                return
            }
            print(TextTable.render(header: ["BATCH", "SOURCE", "ROWS", "LEADS", "PRICE", "COST", "BAD PHONES", "DUPLICATE", "DNC", "DIALLED",
                                            "FOUND INVALID", "CONTACT", "SUCCESS", "TEAMS"],
                                   rows: lines.map { line in
                [line.name, line.source, String(line.rows), String(line.leads), Money.format(line.costPerLead), Money.format(line.cost),
                 Rate.format(line.invalidRate), Rate.format(line.duplicateRate), String(line.dnc), String(line.dialled),
                 Rate.format(line.invalidLeadRate), Rate.format(line.contactRate), Rate.format(line.successRate), line.teams.joined(separator: ",")]
            }))
        }
    }

    struct Assign: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Let these teams' agents work a batch (replaces its teams).")
        @Argument var batch: String
        @Option(name: .customLong("team")) var teams: [String] = []
        @OptionGroup var storage: StorageOptions

        func run() async throws {
            try await withApplication(storage.settings()) { app in
                do { try await ListStatistics(database: app.db).assign(batchName: batch, teamNames: teams) }
                catch { throw ValidationError("\(error)") }
            }
            print("batch \(batch) assigned to \(teams.isEmpty ? "no team" : teams.joined(separator: ", "))")
        }
    }
}

struct SourceCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "source",
        abstract: "Lead sources 来源: what their leads cost and how good they are.",
        subcommands: [List.self]
    )

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Sources with batches, leads, cost, import rejects, 无效率 and rates.")
        @Flag(help: "Show the invalid leads of each source by cause (空号, 停机 …) instead.") var causes = false
        @OptionGroup var storage: StorageOptions

        func run() async throws {
            let lines = try await withApplication(storage.settings()) { app in try await ListStatistics(database: app.db).sources() }
            if causes {
                print(InvalidCauseTable.render(lines.map { ($0.name, nil, $0.dialled, $0.invalidLeads, $0.invalidLeadRate, $0.invalidByCause) },
                                               first: ["SOURCE"]))
                return
            }
            print(TextTable.render(header: ["SOURCE", "PRICE", "BATCHES", "ROWS", "LEADS", "COST", "BAD PHONES", "DUPLICATE", "DIALLED",
                                            "FOUND INVALID", "CONTACT", "SUCCESS", "COST/SUCCESS"],
                                   rows: lines.map { line in
                [line.name, Money.format(line.defaultPrice), String(line.batches), String(line.rows), String(line.leads),
                 Money.format(line.cost), Rate.format(line.invalidRate), Rate.format(line.duplicateRate), String(line.dialled),
                 Rate.format(line.invalidLeadRate), Rate.format(line.contactRate), Rate.format(line.successRate),
                 line.costPerSuccess.map(Money.format) ?? "—"]
            }))
        }
    }
}

/// `--causes`: per batch or source, the leads dialled, those found invalid, 无效率, and one
/// column per cause (`InvalidLeadCause`, by stored value: VACANT, POWERED_OFF …).
enum InvalidCauseTable {
    static func render(_ lines: [(name: String, source: String?, dialled: Int, invalid: Int, rate: Double?, byCause: [String: Int])],
                       first: [String]) -> String {
        let causes = InvalidLeadCause.allCases.map(\.rawValue)
        return TextTable.render(header: first + ["DIALLED", "INVALID", "RATE"] + causes.map { $0.uppercased() }, rows: lines.map { line in
            [line.name] + (line.source.map { [$0] } ?? []) + [String(line.dialled), String(line.invalid), Rate.format(line.rate)]
                + causes.map { String(line.byCause[$0] ?? 0) }
        })
    }
}

enum Money {
    static func format(_ yuan: Double) -> String { String(format: "%.2f", yuan) }
}

enum Rate {
    /// `6.0%`, or `—` when there is nothing to divide by (or no calls yet).
    static func format(_ rate: Double?) -> String {
        guard let rate else { return "—" }
        return String(format: "%.1f%%", rate * 100)
    }
}
