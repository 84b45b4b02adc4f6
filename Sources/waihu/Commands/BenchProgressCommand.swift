import ArgumentParser
import Foundation
import WaihuMedia

extension BenchCommand {
    /// `waihu bench progress`: the call-progress analyser on generated audio — CPU per call and
    /// recognition accuracy (docs/call-progress-analysis.md, "Benchmark").
    struct CallProgress: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "progress",
            abstract: "Call-progress analysis of generated early media and answers (tones, learned and unknown announcements, greetings) against learned announcements: CPU per call, calls per core, accuracy and confusion table."
        )

        @Option(help: "Calls analysed at once (interleaved 20 ms by 20 ms on one thread).") var calls: Int = 1000
        @Option(help: "Announcements learned (half in families of 4 that share their first words).") var announcements: Int = 200
        @Option(help: "Seconds of audio per call (at least 6: a ringback tone can need 5 s to be certain).") var seconds: Double = 8
        @Option(help: "Seed of the generated audio.") var seed: UInt64 = 1
        @Flag(help: "Print JSON.") var json = false

        func validate() throws {
            guard (1...100_000).contains(calls) else { throw ValidationError("--calls must be 1 to 100000") }
            guard (4...20_000).contains(announcements) else { throw ValidationError("--announcements must be 4 to 20000") }
            guard seconds >= 6, seconds <= 60 else { throw ValidationError("--seconds must be 6 to 60") }
        }

        func run() throws {
            let options = ProgressBenchmark.Options(calls: calls, announcements: announcements, seconds: seconds, seed: seed)
            let report = ProgressBenchmark.run(options) { line in
                FileHandle.standardError.write(Data((line + "\n").utf8))
            }
            if json {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
                print(String(decoding: try encoder.encode(report), as: UTF8.self))
            } else {
                print(Self.text(report))
            }
            if !report.passes { throw ExitCode(1) }
        }

        static func text(_ report: ProgressBenchmarkReport) -> String {
            func number(_ value: Double?, _ format: String = "%.2f") -> String { value.map { String(format: format, $0) } ?? "–" }
            var lines = [
                "\(report.calls) calls × \(number(report.seconds, "%.0f")) s (seed \(report.seed)), \(report.learnedAnnouncements) announcements learned "
                    + "(\(report.families) families of 4), \(report.indexLandmarks) landmarks, \(number(report.fingerprintMilliseconds, "%.1f")) ms CPU to learn one",
                "CPU \(number(report.cpuSeconds)) s for \(number(report.audioSeconds, "%.0f")) s of audio, of which \(number(report.analysedSeconds, "%.0f")) s still being analysed",
                "  \(number(report.microsecondsPerAudioSecond, "%.1f")) µs per second of audio; \(number(report.microsecondsPerAnalysedSecond, "%.1f")) µs per second analysed"
                    + " → \(number(report.concurrentCallsPerCore, "%.0f")) concurrent analysed calls per core",
                "accuracy \(number(report.accuracy * 100, "%.2f")) %, learned announcements named wrong \(report.wrongAnnouncements), "
                    + "greetings taken for announcements \(report.humansTakenForAnnouncements), median score \(number(report.medianAnnouncementScore))",
                "",
            ]
            lines.append(TextTable.render(
                header: ["class", "calls", "correct", "accuracy", "median s", "p95 s", "max s"],
                rows: report.classes.map {
                    [$0.truth, String($0.calls), String($0.correct), number($0.accuracy * 100, "%.1f %%"),
                     number($0.medianSeconds), number($0.p95Seconds), number($0.maxSeconds)]
                }))
            lines.append("")
            let columns = report.foundColumns
            lines.append(TextTable.render(
                header: ["true \\ found"] + columns,
                rows: report.classes.map { figures in [figures.truth] + columns.map { String(report.calls(truth: figures.truth, found: $0)) } }))
            lines.append("")
            lines.append(report.passes ? "Targets met (≥ 1000 calls per core, ≥ 99 % accuracy, no greeting taken for an announcement)."
                                       : "Targets missed (≥ 1000 calls per core, ≥ 99 % accuracy, no greeting taken for an announcement).")
            return lines.joined(separator: "\n")
        }
    }
}
