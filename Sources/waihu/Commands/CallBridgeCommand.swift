import ArgumentParser
import Foundation
import WaihuDialer
import WaihuDomain

extension CallCommand {
    /// `waihu call bridge`: the running server calls the customer through a trunk, rings
    /// the registered agent phone on answer, bridges and records. The phones register to
    /// `waihu serve`, so the call is placed there (POST /api/v1/calls/test); this command
    /// logs in, waits for the call to end, downloads the recording and prints the report.
    struct Bridge: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Call a number and bridge it to a registered agent phone, through the running waihu serve; print one JSON line."
        )

        @Option(help: "The number to call (被叫号码).") var to: String
        @Option(help: "The agent phone's extension (分机), registered to waihu serve.") var agent: String
        @Option(help: "The trunk's name; default: the first enabled trunk.") var trunk: String?
        @Option(help: "Save the call's stereo recording here (customer left, agent right).") var record: String?
        @Option(help: "The running waihu's address.") var server: String = "http://127.0.0.1:8080"
        @Option(help: "Log in as this admin (with --password-stdin) instead of the WAIHU_TOKEN environment variable.") var user: String?
        @Flag(name: .customLong("password-stdin"), help: "Read the password of --user from standard input.") var passwordStdin = false

        func run() async throws {
            var password: String?
            if let user {
                guard passwordStdin, let line = readLine(strippingNewline: true), !line.isEmpty else {
                    throw ValidationError("--user \(user) needs --password-stdin and the password on standard input")
                }
                password = line
            }
            let token = ProcessInfo.processInfo.environment["WAIHU_TOKEN"]
            guard user != nil || token != nil else {
                throw ValidationError("log in with --user NAME --password-stdin, or set WAIHU_TOKEN to an admin's API token")
            }
            var body: [String: Any] = ["to": to, "agent": agent, "record": record != nil]
            if let trunk { body["trunk"] = trunk }
            let reply: (data: Data, recording: Data?)
            do {
                reply = try await ServerAPIClient.with(baseURL: server) { client, app in
                    if let user, let password {
                        try await client.login(username: user, password: password, on: app)
                    } else {
                        client.token = token
                    }
                    let data = try await client.post("/calls/test", body, on: app)
                    var recording: Data?
                    if record != nil, let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
                       let id = object["recording_id"] as? String {
                        recording = try await client.get("/calls/test/recordings/\(id)", on: app)
                    }
                    return (data, recording)
                }
            } catch let failure as ServerAPIClient.Failure {
                throw ValidationError(failure.description)
            }
            guard let object = try? JSONSerialization.jsonObject(with: reply.data) as? [String: Any],
                  var customer = Self.report(object["customer"]) else {
                throw ValidationError("the server's reply is not a call report: \(String(decoding: reply.data, as: UTF8.self))")
            }
            if let record, let recording = reply.recording {
                try recording.write(to: URL(fileURLWithPath: record))
                customer.recording = record
            } else {
                customer.recording = nil
            }
            let agentJSON = Self.report(object["agent"])?.json ?? "null"
            let talk = (object["talk_s"] as? NSNumber)?.doubleValue ?? 0
            print(String(customer.json.dropLast()) + ",\"talk_s\":\(talk),\"agent\":" + agentJSON + "}")
        }

        /// A `CallReport` back from the server's JSON.
        static func report(_ value: Any?) -> CallReport? {
            guard let object = value as? [String: Any], let outcomeName = object["outcome"] as? String,
                  let outcome = CallOutcome(rawValue: outcomeName) else { return nil }
            return CallReport(outcome: outcome, cause: (object["cause"] as? String).flatMap(CallCause.init(rawValue:)),
                              evidence: object["evidence"] as? String ?? "", progressAudio: object["progress_audio"] as? String,
                              sipStatus: object["sip_status"] as? Int,
                              ringSeconds: (object["ring_s"] as? NSNumber)?.doubleValue ?? 0,
                              listenedSeconds: (object["listened_s"] as? NSNumber)?.doubleValue ?? 0,
                              dtmf: object["dtmf"] as? String ?? "", recording: object["recording"] as? String)
        }
    }
}
