import ArgumentParser
import Foundation
import WaihuDialer
import WaihuDomain
import WaihuServer

struct SimulateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulate",
        abstract: "Simulations that drive waihu's production rules.",
        subcommands: [Pacing.self, Day.self]
    )

    /// One simulated shift through the production pacer, next to progressive dialing on the same seed.
    struct Pacing: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Simulate a shift of dialing with a pacer (discrete-event; see docs/pacing.md)."
        )

        @Option(help: "Agents logged in.") var agents: Int = 20
        @Option(name: .customLong("answer-rate"), help: "Share of dials a person answers (0–1).") var answerRate: Double = 0.25
        @Option(help: "Abandon cap as a share of live answers (0.03 = 3 %).") var cap: Double = 0.03
        @Option(help: "Length of the shift in hours.") var hours: Double = 8
        @Option(help: "Random seed; the same seed gives the same shift.") var seed: UInt64 = 1
        @Option(help: "preview, progressive, fixed_ratio or predictive.") var mode: String = "predictive"
        @Option(name: .customLong("talk-mean"), help: "Mean talk time, seconds.") var talkMean: Double = 180
        @Option(name: .customLong("wrap-mean"), help: "Mean wrap-up time, seconds.") var wrapMean: Double = 20
        @Option(name: .customLong("talk-sd"), help: "Standard deviation of talk time, seconds.") var talkSD: Double = 150
        @Option(name: .customLong("wrap-sd"), help: "Standard deviation of wrap-up time, seconds.") var wrapSD: Double = 10
        @Option(name: .customLong("break-minutes"), help: "Break minutes per agent per shift.") var breakMinutes: Double = 0
        @Option(name: .customLong("warm-minutes"), help: "Minutes of an earlier campaign on the same lists whose history the predictive pacer starts from (0: cold).")
        var warmMinutes: Double = 0
        @Option(name: .customLong("initial-threshold"), help: "Where the predictive pacer's risk threshold starts (tuning; default: the cap).")
        var initialThreshold: Double?
        @Flag(help: "Print JSON.") var json = false

        func run() async throws {
            guard let dialMode = DialMode(rawValue: mode) else {
                throw ValidationError("--mode '\(mode)' is unknown: use preview, progressive, fixed_ratio or predictive")
            }
            var parameters = PacingSimulationParameters()
            parameters.agents = agents
            parameters.answerProbability = answerRate
            parameters.cap = cap
            parameters.hours = hours
            parameters.seed = seed
            parameters.mode = dialMode
            parameters.talkMean = talkMean
            parameters.wrapUpMean = wrapMean
            parameters.talkSD = talkSD
            parameters.wrapUpSD = wrapSD
            parameters.breakMinutes = breakMinutes
            parameters.warmMinutes = warmMinutes
            parameters.initialThreshold = initialThreshold
            let result: ShiftResult
            do { result = try PacingSimulator.run(parameters) } catch { throw ValidationError("\(error)") }
            print(json ? try result.json() : result.textSummary)
        }
    }
}

extension SimulateCommand {
    /// `waihu simulate day`: a realistic day of events, marked simulated, for demos.
    struct Day: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write a realistic day of call-center events (marked simulated) into the database."
        )

        @Option(help: "Agents working that day.") var agents: Int = 20
        @Option(help: "The day, YYYY-MM-DD (Asia/Shanghai).") var date: String
        @Option(help: "Random seed; the same seed gives the same day.") var seed: UInt64 = 1
        @Option(help: "Also write the events as JSON Lines to this file.") var jsonl: String?
        @OptionGroup var storage: StorageOptions

        func validate() throws {
            guard agents > 0 else { throw ValidationError("--agents must be positive") }
            guard CalendarDay(date) != nil else { throw ValidationError("--date \"\(date)\" is not a date like 2026-11-02") }
        }

        func run() async throws {
            let simulator = DaySimulator(agents: agents, day: CalendarDay(date)!, seed: seed)
            let events = simulator.employment() + simulator.events()
            if let jsonl {
                let encoder = EventLineEncoder()
                let text = try events.map { try encoder.encode($0) }.joined(separator: "\n") + "\n"
                try Data(text.utf8).write(to: URL(fileURLWithPath: jsonl))
            }
            let summary = try await withApplication(storage.settings()) { app in
                try await EventStore(database: app.db).insert(events, simulated: true)
            }
            let calls = summary.byType["call_attempt"] ?? 0
            print("simulated \(date): \(agents) agents, \(summary.imported) events (\(calls) call attempts), marked simulated")
        }
    }
}
