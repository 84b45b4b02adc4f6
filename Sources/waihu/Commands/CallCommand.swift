import ArgumentParser
import Foundation
import WaihuDialer
import WaihuMedia
import WaihuSIP
import WaihuServer

/// `waihu call …`: the telephony engine used directly, to prove a trunk works before a
/// campaign relies on it. `play` runs an engine of its own; `bridge` asks the running
/// `waihu serve` to place the call, because the agent phones are registered there.
struct CallCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "call",
        abstract: "Place a test call through a SIP trunk.",
        subcommands: [Play.self, Bridge.self]
    )

    struct Play: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Call a number, play a WAV prompt on answer, optionally wait for a key and record; print the call's outcome, cause (空号, 关机 …) and evidence."
        )

        @Option(help: "The number to call (被叫号码).") var to: String
        @Option(help: "WAV prompt: 8 kHz mono 16-bit PCM, µ-law or A-law.") var prompt: String
        @Option(help: "A configured trunk's name (waihu trunk list), or the trunk's signalling address IP:PORT.") var trunk: String
        @Option(name: .customLong("trunk-user"), help: "With IP:PORT: waihu's account at the trunk (digest username).") var trunkUser: String?
        @Flag(name: .customLong("trunk-password-stdin"), help: "With IP:PORT: read the trunk password from standard input.") var trunkPasswordStdin = false
        @Option(name: .customLong("caller-id"), help: "Caller ID presented (主叫号码); default: the trunk's, or waihu.") var callerID: String?
        @Option(name: .customLong("ring-timeout"), help: "Seconds of ringing before CANCEL; default: the trunk's, or 30.") var ringTimeout: Int?
        @Option(name: .customLong("wait-dtmf"), help: "Wait this many seconds for one key after the prompt starts.") var waitDTMF: Int?
        @Option(help: "Write a stereo WAV: customer left, waihu right.") var record: String?
        @Option(name: .customLong("progress-audio"), help: "Keep the audio of a recorded announcement nobody taught waihu in this directory (<call-id>.wav), to learn it.") var progressAudio: String?
        @Flag(help: "Print one JSON line: outcome, cause, evidence, sip_status, ring_s, listened_s, dtmf, recording.") var json = false
        @Option(name: .customLong("local-host"), help: "Local IP for SIP and RTP.") var localHost: String = "127.0.0.1"
        @Option(name: .customLong("sip-port"), help: "Local SIP port (0 picks a free one).") var sipPort: Int = 0
        @Option(name: .customLong("rtp-ports"), help: "RTP port range, FIRST-LAST.") var rtpPorts: String = "16000-16999"
        @OptionGroup var storage: StorageOptions

        /// The trunk to call through: from the command line, or a row of the trunks table.
        struct Route {
            var host: String
            var port: Int
            var credentials: DigestCredentials?
            var callerID: String
            var ringTimeout: Int
        }

        func route() async throws -> Route {
            if trunk.contains(":") {
                let address = try SocketAddressOption(trunk, option: "--trunk")
                var credentials: DigestCredentials?
                if let trunkUser {
                    guard trunkPasswordStdin, let password = readLine(strippingNewline: true) else {
                        throw ValidationError("--trunk-user needs --trunk-password-stdin and the password on standard input")
                    }
                    credentials = DigestCredentials(username: trunkUser, password: password)
                }
                return Route(host: address.host, port: address.port, credentials: credentials,
                             callerID: callerID ?? "waihu", ringTimeout: ringTimeout ?? 30)
            }
            if trunkUser != nil || trunkPasswordStdin {
                throw ValidationError("--trunk-user and --trunk-password-stdin go with --trunk IP:PORT; trunk '\(trunk)' has its account in the database")
            }
            let name = trunk
            return try await withApplication(storage.settings()) { app in
                let row: TrunkRecord
                do { row = try await TelephonyAdministration(database: app.db, actor: .console()).trunk(named: name) } catch {
                    throw userFacing(error)
                }
                var credentials: DigestCredentials?
                if let username = row.username, let password = row.password {
                    credentials = DigestCredentials(username: username, password: password)
                }
                return Route(host: row.host, port: row.port, credentials: credentials,
                             callerID: callerID ?? (row.callerID.isEmpty ? "waihu" : row.callerID),
                             ringTimeout: ringTimeout ?? row.ringTimeout)
            }
        }

        func run() async throws {
            let ports = try PortRangeOption(rtpPorts, option: "--rtp-ports").range
            let promptFile: WAVFile
            do { promptFile = try WAVFile(contentsOf: URL(fileURLWithPath: prompt)) } catch {
                throw ValidationError("--prompt \(prompt): \(error)")
            }
            let route = try await route()
            // The announcements list managers taught, so the test call reads 空号, 关机 … as a campaign would.
            let learned = try await withApplication(storage.settings()) { app in
                try await AnnouncementLibrary.learned(on: app.db).announcements
            }
            let engine = try await TelephonyEngine.start(TelephonyConfiguration(
                host: localHost, sipPort: sipPort, rtpPorts: ports, trustedHosts: [route.host]))
            engine.setAnnouncements(AnnouncementIndex(learned))
            let request = OutboundCallRequest(
                target: .trunk(number: to, host: route.host, port: route.port, credentials: route.credentials),
                callerID: route.callerID, ringTimeout: .seconds(route.ringTimeout), recordingPath: record,
                progressAudioDirectory: progressAudio)
            let leg: CallLeg
            do { leg = try await engine.placeCall(request) } catch {
                try? await engine.shutdown()
                throw ValidationError("\(error)")
            }
            if await leg.waitUntilAnswered() {
                if let waitDTMF {
                    async let key = leg.collectDigits(.init(maximumDigits: 1, firstDigitTimeout: .seconds(waitDTMF)))
                    _ = await leg.play(promptFile)
                    _ = await key
                } else {
                    _ = await leg.play(promptFile)
                }
                leg.hangUp()
            }
            let report = await leg.waitUntilEnded()
            try await engine.shutdown()
            print(json ? report.json : Self.describe(report))
        }

        /// One line a person reads: 空号 vacant (evidence: sip 404; q850 1), SIP 404, rang 1.2 s.
        static func describe(_ report: CallReport) -> String {
            var parts = ["\(report.cause.chineseName) \(report.cause.rawValue) [\(report.outcome.chineseName) \(report.outcome.rawValue)]"]
            if !report.evidence.isEmpty { parts.append("evidence: \(report.evidence)") }
            parts.append("SIP \(report.sipStatus.map(String.init) ?? "-")")
            parts.append(String(format: "rang %.1f s", report.ringSeconds))
            if report.listenedSeconds > 0 { parts.append(String(format: "listened %.1f s", report.listenedSeconds)) }
            if !report.dtmf.isEmpty { parts.append("keys \(report.dtmf)") }
            if let recording = report.recording { parts.append("recording \(recording)") }
            if let audio = report.progressAudio { parts.append("untaught announcement kept in \(audio)") }
            return parts.joined(separator: ", ")
        }
    }
}

/// `IP:PORT` from the command line; the engine sends only to IP literals.
struct SocketAddressOption {
    let host: String
    let port: Int

    init(_ text: String, option: String) throws {
        guard let colon = text.lastIndex(of: ":"), let port = Int(text[text.index(after: colon)...]),
              (1...65535).contains(port), !text[..<colon].isEmpty else {
            throw ValidationError("\(option) '\(text)': write IP:PORT, e.g. 127.0.0.1:5070")
        }
        host = String(text[..<colon]).trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
        self.port = port
    }
}

/// `FIRST-LAST` port range from the command line.
struct PortRangeOption {
    let range: ClosedRange<Int>

    init(_ text: String, option: String) throws {
        let parts = text.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 2, parts[0] >= 1024, parts[0] < parts[1], parts[1] <= 65535 else {
            throw ValidationError("\(option) '\(text)': write FIRST-LAST, e.g. 16000-16999")
        }
        range = parts[0]...parts[1]
    }
}
