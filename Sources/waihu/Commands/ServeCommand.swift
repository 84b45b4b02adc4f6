import ArgumentParser
import Foundation
import Logging
import WaihuDomain
import WaihuServer

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run waihu: web UI, API and telephony."
    )

    @Option(name: .customLong("http-host"), help: "Address the web UI and API listen on (0.0.0.0 for agents on other PCs).")
    var httpHost: String = "127.0.0.1"

    @Option(name: .customLong("http-port"), help: "Port of the web UI and API.")
    var httpPort: Int = 8080

    @Option(name: .customLong("sip-port"), help: "UDP port for SIP (trunk and agent phones); 0 picks a free one.")
    var sipPort: Int = 5060

    @Option(name: .customLong("sip-host"), help: "IP address for SIP and RTP, written into Contact and SDP: one the trunk and the phones reach.")
    var sipHost: String = "127.0.0.1"

    @Option(name: .customLong("rtp-ports"), help: "RTP port range for calls, FIRST-LAST.")
    var rtpPorts: String = "16000-16999"

    @Flag(name: .customLong("no-sip"), help: "Do not run the telephony engine (web UI and API only).")
    var noSIP = false

    @Option(name: .customLong("public-dir"), help: "Folder with the web UI's files (default: ./Public).")
    var publicDirectory: String?

    @Option(name: .customLong("log-level"), help: "trace, debug, info, notice, warning, error or critical.")
    var logLevel: String = "info"

    @Flag(name: .customLong("access-log"), help: "Log every HTTP request at info level (otherwise at debug).")
    var accessLog = false

    @OptionGroup var storage: StorageOptions

    func validate() throws {
        guard (1...65535).contains(httpPort) else { throw ValidationError("--http-port must be 1 to 65535") }
        guard (0...65535).contains(sipPort) else { throw ValidationError("--sip-port must be 0 to 65535") }
        _ = try PortRangeOption(rtpPorts, option: "--rtp-ports")
        do { try TelephonyRules.validateHost(sipHost) } catch let error as TelephonyRuleError {
            throw ValidationError("--sip-host: \(error.message)")
        }
        guard Logger.Level(rawValue: logLevel) != nil else { throw ValidationError("--log-level '\(logLevel)' is unknown") }
    }

    func run() async throws {
        var settings = try storage.settings()
        settings.httpHost = httpHost
        settings.httpPort = httpPort
        settings.sipPort = sipPort
        settings.telephony.enabled = !noSIP
        settings.telephony.host = sipHost
        settings.telephony.rtpPorts = try PortRangeOption(rtpPorts, option: "--rtp-ports").range
        settings.publicDirectory = publicDirectory
        settings.accessLog = accessLog
        try await WaihuRunner.serve(settings, logLevel: Logger.Level(rawValue: logLevel) ?? .info)
    }
}
