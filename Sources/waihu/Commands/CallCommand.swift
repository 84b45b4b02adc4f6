import ArgumentParser
import Foundation
import WaihuDialer
import WaihuMedia
import WaihuSIP

/// `waihu call …`: the telephony engine used directly, to prove a trunk works before a
/// campaign relies on it. The trunk is named on the command line until trunks live in
/// the database (issue #5 §6).
struct CallCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "call",
        abstract: "Place a test call through a SIP trunk.",
        subcommands: [Play.self]
    )

    struct Play: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Call a number, play a WAV prompt on answer, optionally wait for a key and record; print one JSON line."
        )

        @Option(help: "The number to call (被叫号码).") var to: String
        @Option(help: "WAV prompt: 8 kHz mono 16-bit PCM, µ-law or A-law.") var prompt: String
        @Option(help: "The trunk's signalling address, IP:PORT.") var trunk: String
        @Option(name: .customLong("trunk-user"), help: "waihu's account at the trunk (digest username).") var trunkUser: String?
        @Flag(name: .customLong("trunk-password-stdin"), help: "Read the trunk password from standard input.") var trunkPasswordStdin = false
        @Option(name: .customLong("caller-id"), help: "Caller ID presented (主叫号码).") var callerID: String = "waihu"
        @Option(name: .customLong("ring-timeout"), help: "Seconds of ringing before CANCEL.") var ringTimeout: Int = 30
        @Option(name: .customLong("wait-dtmf"), help: "Wait this many seconds for one key after the prompt starts.") var waitDTMF: Int?
        @Option(help: "Write a stereo WAV: customer left, waihu right.") var record: String?
        @Option(name: .customLong("local-host"), help: "Local IP for SIP and RTP.") var localHost: String = "127.0.0.1"
        @Option(name: .customLong("sip-port"), help: "Local SIP port (0 picks a free one).") var sipPort: Int = 0
        @Option(name: .customLong("rtp-ports"), help: "RTP port range, FIRST-LAST.") var rtpPorts: String = "16000-16999"

        func run() async throws {
            let address = try SocketAddressOption(trunk, option: "--trunk")
            let ports = try PortRangeOption(rtpPorts, option: "--rtp-ports").range
            let promptFile: WAVFile
            do { promptFile = try WAVFile(contentsOf: URL(fileURLWithPath: prompt)) } catch {
                throw ValidationError("--prompt \(prompt): \(error)")
            }
            var credentials: DigestCredentials?
            if let trunkUser {
                guard trunkPasswordStdin, let password = readLine(strippingNewline: true) else {
                    throw ValidationError("--trunk-user needs --trunk-password-stdin and the password on standard input")
                }
                credentials = DigestCredentials(username: trunkUser, password: password)
            }
            let engine = try await TelephonyEngine.start(TelephonyConfiguration(
                host: localHost, sipPort: sipPort, rtpPorts: ports, trustedHosts: [address.host]))
            let request = OutboundCallRequest(
                target: .trunk(number: to, host: address.host, port: address.port, credentials: credentials),
                callerID: callerID, ringTimeout: .seconds(ringTimeout), recordingPath: record)
            let leg = try await engine.placeCall(request)
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
            print(report.json)
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
