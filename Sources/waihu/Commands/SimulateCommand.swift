import ArgumentParser
import WaihuDialer

struct SimulateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulate",
        abstract: "Simulations that drive waihu's production rules.",
        subcommands: [Pacing.self]
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
        @Option(name: .customLong("break-minutes"), help: "Break minutes per agent per shift.") var breakMinutes: Double = 0
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
            parameters.breakMinutes = breakMinutes
            let result: ShiftResult
            do { result = try PacingSimulator.run(parameters) } catch { throw ValidationError("\(error)") }
            print(json ? try result.json() : result.textSummary)
        }
    }
}
