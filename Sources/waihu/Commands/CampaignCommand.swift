import ArgumentParser
import Foundation
import WaihuDomain
import WaihuServer

/// `waihu campaign …`: the same campaign administration as the 外呼任务 page. A running
/// `waihu serve` on the same database picks up a start, pause or stop within a second.
struct CampaignCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "campaign",
        abstract: "Campaigns 外呼任务: create from lead batches, upload the prompt, start, pause, resume, stop, follow.",
        subcommands: [List.self, Show.self, Create.self, Prompt.self, Control.self]
    )

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Campaigns with status and progress.")
        @OptionGroup var storage: StorageOptions

        func run() async throws {
            let settings = try storage.settings()
            let views = try await withApplication(settings) { app in
                try await CampaignAdministration(database: app.db, actor: .console(), dataDirectory: settings.dataDirectory).list()
            }
            print(TextTable.render(header: ["ID", "NAME", "MODE", "STATUS", "LEADS", "WAITING", "DIALING", "WRAP-UP", "DONE", "DIALED TODAY", "ABANDON"],
                                   rows: views.map { view in
                [String(view.id), view.name, view.mode, view.status, String(view.progress.total), String(view.progress.waiting),
                 String(view.progress.dialing), String(view.progress.wrap_up), String(view.progress.done),
                 String(view.progress.dialed_today), Rate.format(view.progress.abandon_rate)]
            }))
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "One campaign as JSON: plan, progress, and why nothing is dialed.")
        @Argument(help: "Campaign id or name.") var campaign: String
        @OptionGroup var storage: StorageOptions

        func run() async throws {
            let settings = try storage.settings()
            let view = try await withApplication(settings) { app in
                let administration = CampaignAdministration(database: app.db, actor: .console(), dataDirectory: settings.dataDirectory)
                do {
                    return try await administration.view(try await administration.record(named: campaign).requireID())
                } catch { throw campaignError(error) }
            }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            encoder.dateEncodingStrategy = .iso8601
            print(String(decoding: try encoder.encode(view), as: UTF8.self))
        }
    }

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create a campaign from lead batches.",
            discussion: """
            waihu campaign create 续保11月 --mode predictive --batch 续保3月 --team A组 --trunk 电信
            waihu campaign create 赠险群呼 --mode broadcast --batch 名单A --plan plan.json --prompt ad.wav
            --plan takes the JSON plan of docs/campaigns.md (any key may be left out); --mode overrides its mode.
            """)
        @Argument var name: String
        @Option(help: "broadcast, preview, progressive, fixed_ratio or predictive.") var mode: String?
        @Option(name: .customLong("batch"), help: "A lead batch (repeat for several).") var batches: [String] = []
        @Option(name: .customLong("team"), help: "A team whose agents work it (repeat for several).") var teams: [String] = []
        @Option(help: "Trunk name (default: the first enabled trunk).") var trunk: String?
        @Option(name: .customLong("caller-id")) var callerID: String?
        @Option(help: "A JSON file with the plan.") var plan: String?
        @Option(help: "The recorded prompt (WAV, 8 kHz mono) of a voice broadcast.") var prompt: String?
        @OptionGroup var storage: StorageOptions

        func run() async throws {
            let settings = try storage.settings()
            var campaignPlan = CampaignPlan(mode: .progressive)
            if let plan {
                do {
                    campaignPlan = try JSONDecoder().decode(CampaignPlan.self, from: Data(contentsOf: URL(fileURLWithPath: plan)))
                } catch let DecodingError.dataCorrupted(context) where context.underlyingError is UnknownPlanKey {
                    throw ValidationError("--plan \(plan): \(context.debugDescription)")
                } catch { throw ValidationError("--plan \(plan): \(error)") }
            }
            if let mode {
                guard let parsed = DialMode(rawValue: mode) else { throw ValidationError("--mode: '\(mode)' is not one of \(DialMode.allCases.map(\.rawValue).joined(separator: ", "))") }
                campaignPlan.mode = parsed
            }
            let promptBytes = try prompt.map { [UInt8](try Data(contentsOf: URL(fileURLWithPath: $0))) }
            let view = try await withApplication(settings) { app in
                let administration = CampaignAdministration(database: app.db, actor: .console(), dataDirectory: settings.dataDirectory)
                do {
                    var view = try await administration.create(.init(name: name, plan: campaignPlan, batches: batches, teams: teams,
                                                                     trunk: trunk, caller_id: callerID))
                    if let promptBytes { view = try await administration.setPrompt(view.id, kind: .main, bytes: promptBytes) }
                    return view
                } catch { throw campaignError(error) }
            }
            print("campaign \(view.id) \(view.name): \(view.mode), \(view.progress.total) leads")
        }
    }

    struct Prompt: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Upload a campaign's prompt (--abandon: the abandoned-call message).")
        @Argument(help: "Campaign id or name.") var campaign: String
        @Argument(help: "WAV file, 8 kHz mono (PCM16, A-law or µ-law).") var file: String
        @Flag(help: "The message an abandoned customer hears.") var abandon = false
        @OptionGroup var storage: StorageOptions

        func run() async throws {
            let settings = try storage.settings()
            let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: file)))
            let kind: CampaignAdministration.PromptKind = abandon ? .abandon : .main
            let (view, seconds) = try await withApplication(settings) { app in
                let administration = CampaignAdministration(database: app.db, actor: .console(), dataDirectory: settings.dataDirectory)
                do {
                    let id = try await administration.record(named: campaign).requireID()
                    let view = try await administration.setPrompt(id, kind: kind, bytes: bytes)
                    // The length of what was stored, read back: the ad's length is in the view,
                    // the abandoned-call message's is not.
                    return (view, administration.promptSeconds(id, kind: kind))
                } catch { throw campaignError(error) }
            }
            let what = abandon ? "abandoned-call message" : "prompt"
            print("campaign \(view.name): \(what) stored\(seconds.map { String(format: " (%.1f s)", $0) } ?? "")")
        }
    }

    struct Control: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "control",
            abstract: "start | pause | resume | stop a campaign (a running waihu serve acts within a second).")
        @Argument(help: "start, pause, resume or stop.") var command: String
        @Argument(help: "Campaign id or name.") var campaign: String
        @OptionGroup var storage: StorageOptions

        func run() async throws {
            guard let command = WaihuDomain.CampaignCommand(rawValue: self.command) else {
                throw ValidationError("'\(self.command)' is not one of start, pause, resume, stop")
            }
            let settings = try storage.settings()
            let view = try await withApplication(settings) { app in
                let administration = CampaignAdministration(database: app.db, actor: .console(), dataDirectory: settings.dataDirectory)
                do {
                    // The CLI does not dial: it trusts a `waihu serve` with telephony to pick the campaign up.
                    return try await administration.command(try await administration.record(named: campaign).requireID(), command,
                                                            telephonyRunning: true)
                } catch { throw campaignError(error) }
            }
            print("campaign \(view.name): \(view.status) (\(view.status_label))")
        }
    }
}
