import ArgumentParser
import Fluent
import Foundation
import WaihuDomain
import WaihuServer

struct LeadsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "leads",
        abstract: "Import and export lead lists 名单 (docs/lists.md).",
        subcommands: [Import.self, Export.self]
    )

    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Import a lead list (.xlsx or CSV in UTF-8/GBK) as a new batch. One file is one transaction."
        )
        @Argument(help: "The .xlsx or CSV file.") var file: String
        @Option(help: "Name of the new batch 批次.") var batch: String
        @Option(help: "Where the list comes from 来源 (created when new).") var source: String
        @Option(name: .customLong("cost-per-lead"), help: "Yuan per lead (default: the source's price).") var costPerLead: Double?
        @Option(name: .customLong("as-of"), help: "Day renewal dates are computed from, YYYY-MM-DD (default: today).") var asOf: String?
        @Option(name: .customLong("map"), help: "HEADER=field for a column waihu does not recognize (repeatable).") var maps: [String] = []
        @Option(help: "Force the CSV encoding: utf-8 or gbk.") var encoding: String?
        @Option(help: "The worksheet to read (default: the first worksheet).") var sheet: String?
        @Option(name: .customLong("header-row"),
                help: "The row that holds the column headers, as Excel shows it (default: found in rows 1–20).") var headerRow: Int?
        @Option(name: .customLong("team"), help: "A team whose agents may work the batch (repeatable).") var teams: [String] = []
        @Option(help: "Write the report as JSON to this file.") var report: String?
        @OptionGroup var storage: StorageOptions

        func run() async throws {
            let options = try LeadOptionParsing.fileOptions(asOf: asOf, maps: maps, encoding: encoding, sheet: sheet, headerRow: headerRow)
            let url = URL(fileURLWithPath: file)
            let result: LeadImporter.Result = try await withApplication(storage.settings()) { app in
                var teamIDs: [UUID] = []
                for name in teams {
                    guard let team = try await TeamRecord.query(on: app.db).filter(\.$name == name).first() else {
                        throw ValidationError("no team named '\(name)'")
                    }
                    teamIDs.append(try team.requireID())
                }
                let request = LeadImporter.Request(file: url, batchName: batch, sourceName: source, costPerLead: costPerLead,
                                                   options: options, teamIDs: teamIDs)
                do {
                    let result = try await LeadImporter(database: app.db, actor: .console()).run(request)
                    try await AuditLog.record(.listImport, by: .console(), target: batch,
                                              detail: "rows=\(result.report.rows) imported=\(result.report.imported)", on: app.db)
                    return result
                } catch let error as ValidationError {
                    throw error
                } catch {
                    // The file was refused, not the command line: the reason alone, exit status 1.
                    throw CommandFailure("\(file): \(leadImportMessage(error)); nothing was imported")
                }
            }
            let r = result.report
            if let row = r.headerRow {
                let above = row > 1 ? "; rows 1–\(row - 1) above it are not imported" : ""
                print("headers taken from row \(row)\(result.sheet.map { " of sheet \($0)" } ?? "")\(above)")
            }
            print("batch \(batch): \(r.rows) rows, \(r.imported) imported, \(r.invalidPhone) invalid_phone, \(r.duplicate) duplicate, \(r.doNotCall) dnc")
            for reject in r.rejects.prefix(20) {
                print("  row \(reject.row): \(reject.reason.rawValue) \(reject.value)\(reject.note.map { " (\($0))" } ?? "")")
            }
            if r.rejects.count > 20 { print("  … \(r.rejects.count - 20) more rejects\(report == nil ? " (use --report FILE.json)" : "")") }
            if let report {
                try Data((r.orderedJSON + "\n").utf8).write(to: URL(fileURLWithPath: report))
                print("report written to \(report)")
            }
        }
    }

    struct Export: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Export leads to CSV or .xlsx. Admins and list managers only; every export is audited."
        )
        @Option(help: "Only this batch.") var batch: String?
        @Option(help: "csv or xlsx.") var format: String
        @Option(help: "Output file (default: leads.csv / leads.xlsx).") var output: String?
        @Option(help: "The waihu user the export is made as (audited).") var user: String
        @OptionGroup var storage: StorageOptions

        func run() async throws {
            guard let format = LeadExportFormat(rawValue: format.lowercased()) else { throw ValidationError("--format must be csv or xlsx") }
            let path = output ?? "leads.\(format.rawValue)"
            let count: Int = try await withApplication(storage.settings()) { app in
                guard let account = try await UserRecord.query(on: app.db).filter(\.$username == user).first(), !account.disabled else {
                    throw ValidationError("no active user named '\(user)'")
                }
                let actor = AuditActor(id: account.id, name: account.username, address: "console")
                guard let role = account.role, Feature.leadExport.roles.contains(role) else {
                    try await AuditLog.record(.listExportRefused, by: actor, target: batch ?? "all", detail: "role=\(account.roleName)", on: app.db)
                    throw ValidationError("\(user) (\(account.roleName)) may not export leads; only admin and list_manager may. The attempt was audited.")
                }
                do {
                    return try await LeadExporter(database: app.db, actor: actor).export(batchName: batch, format: format, to: URL(fileURLWithPath: path))
                } catch let error as LeadExporter.ExportError {
                    throw ValidationError(error.description)
                }
            }
            print("\(count) leads written to \(path)")
        }
    }
}

/// Turning command-line text into reader options, with messages that name the option.
enum LeadOptionParsing {
    static func fileOptions(asOf: String?, maps: [String], encoding: String?, sheet: String?, headerRow: Int? = nil) throws -> LeadFileOptions {
        if let headerRow, headerRow < 1 { throw ValidationError("--header-row must be a row number from 1, as Excel shows it") }
        var day = CalendarDay.today()
        if let asOf {
            guard let parsed = LeadDateParser.parse(asOf) else { throw ValidationError("--as-of '\(asOf)' is not a date; write YYYY-MM-DD") }
            day = parsed
        }
        let overrides = try maps.map { text -> ColumnOverride in
            do { return try ColumnOverride(parsing: text) } catch let error as ColumnMappingError { throw ValidationError(error.message) }
        }
        var textEncoding: TextEncoding?
        if let encoding {
            guard let value = TextEncoding(name: encoding) else { throw ValidationError("--encoding must be utf-8 or gbk") }
            textEncoding = value
        }
        return LeadFileOptions(asOf: day, overrides: overrides, encoding: textEncoding, sheet: sheet, headerRow: headerRow)
    }

    static func date(_ text: String?, option: String) throws -> CalendarDay? {
        guard let text else { return nil }
        guard let date = LeadDateParser.parse(text) else { throw ValidationError("\(option) '\(text)' is not a date; write YYYY-MM-DD") }
        return date
    }
}
