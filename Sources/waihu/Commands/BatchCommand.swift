import ArgumentParser
import Foundation
import WaihuServer

struct BatchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "batch",
        abstract: "Lead batches 批次: cost and quality; which teams work them.",
        subcommands: [List.self, Assign.self]
    )

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Batches with leads, cost, invalid and duplicate rates.")
        @OptionGroup var storage: StorageOptions

        func run() async throws {
            let lines = try await withApplication(storage.settings()) { app in try await ListStatistics(database: app.db).batches() }
            print(TextTable.render(header: ["BATCH", "SOURCE", "ROWS", "LEADS", "PRICE", "COST", "INVALID", "DUPLICATE", "DNC", "CONTACT", "SUCCESS", "TEAMS"],
                                   rows: lines.map { line in
                [line.name, line.source, String(line.rows), String(line.leads), Money.format(line.costPerLead), Money.format(line.cost),
                 Rate.format(line.invalidRate), Rate.format(line.duplicateRate), String(line.dnc), Rate.format(line.contactRate), Rate.format(line.successRate), line.teams.joined(separator: ",")]
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
        static let configuration = CommandConfiguration(abstract: "Sources with batches, leads, cost, invalid and duplicate rates.")
        @OptionGroup var storage: StorageOptions

        func run() async throws {
            let lines = try await withApplication(storage.settings()) { app in try await ListStatistics(database: app.db).sources() }
            print(TextTable.render(header: ["SOURCE", "PRICE", "BATCHES", "ROWS", "LEADS", "COST", "INVALID", "DUPLICATE", "CONTACT", "SUCCESS", "COST/SUCCESS"],
                                   rows: lines.map { line in
                [line.name, Money.format(line.defaultPrice), String(line.batches), String(line.rows), String(line.leads),
                 Money.format(line.cost), Rate.format(line.invalidRate), Rate.format(line.duplicateRate), Rate.format(line.contactRate), Rate.format(line.successRate), line.costPerSuccess.map(Money.format) ?? "—"]
            }))
        }
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
