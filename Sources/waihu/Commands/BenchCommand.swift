import ArgumentParser
import Foundation
import WaihuDialer

struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Benchmarks (build with -c release for real figures).",
        subcommands: [Pacing.self, Calls.self, Reports.self, ImportBenchCommand.self, CampaignRun.self, CallProgress.self, Web.self]
    )

    /// The pacing table of docs/pacing.md: agents × answer rate, predictive against progressive, with pass/fail.
    struct Pacing: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Predictive vs progressive over seeded 8-hour shifts, with the targets' pass/fail."
        )

        @Option(help: "Agent counts, comma-separated.") var agents: String = "5,10,20,50"
        @Option(name: .customLong("answer-rates"), help: "Answer probabilities, comma-separated.") var answerRates: String = "0.15,0.25,0.35"
        @Option(help: "Shifts per point.") var shifts: Int = 30
        @Option(help: "Hours per shift.") var hours: Double = 8
        @Option(help: "Abandon cap.") var cap: Double = 0.03
        @Option(help: "First seed.") var seed: UInt64 = 1
        @Flag(help: "Print JSON.") var json = false

        func run() async throws {
            let agentCounts = agents.split(separator: ",").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
            let rates = answerRates.split(separator: ",").compactMap { Double($0.trimmingCharacters(in: .whitespaces)) }
            guard !agentCounts.isEmpty, !rates.isEmpty else { throw ValidationError("--agents and --answer-rates need comma-separated numbers") }
            let started = Date()
            let report: PacingBenchmarkReport
            do {
                report = try PacingBenchmark.run(agentCounts: agentCounts, answerProbabilities: rates, shifts: shifts,
                                                 hours: hours, cap: cap, baseSeed: seed, parallel: true)
            } catch { throw ValidationError("\(error)") }
            print(json ? try report.json() : report.textTable)
            FileHandle.standardError.write(Data(String(format: "benchmark took %.1f s\n", Date().timeIntervalSince(started)).utf8))
            if !report.allPass { throw ExitCode(1) }
        }
    }

    /// `waihu bench calls`: N concurrent bridged, recorded calls with SIPp at both ends (docs/telephony.md).
    struct Calls: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Concurrent bridged and recorded G.711 calls on loopback against SIPp: CPU and memory per call, RTP loss, set-up latency."
        )

        @Option(help: "Calls up at the same time.") var concurrent: Int = 50
        @Option(help: "Seconds all calls stay up together (the measuring window).") var seconds: Int = 60
        @Option(name: .customLong("rtp-ports"), help: "RTP port range, FIRST-LAST (two legs per call).") var rtpPorts: String = "20000-29999"
        @Flag(help: "Print JSON.") var json = false

        func run() async throws {
            let ports = try PortRangeOption(rtpPorts, option: "--rtp-ports").range
            let report: CallBenchmarkReport
            do {
                report = try await CallBenchmark.run(.init(concurrentCalls: concurrent, seconds: seconds, rtpPorts: ports)) { line in
                    FileHandle.standardError.write(Data((line + "\n").utf8))
                }
            } catch let error as CallBenchmark.BenchmarkError { throw ValidationError(error.description) }
            if json {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
                print(String(decoding: try encoder.encode(report), as: UTF8.self))
            } else {
                print(report.text)
            }
        }
    }
}
