import Foundation
import WaihuDomain

/// Everything `waihu serve` and the other commands are configured with.
public struct ServerSettings: Sendable {
    public var httpHost: String = "127.0.0.1"
    public var httpPort: Int = 8080
    public var sipPort: Int = 5060
    /// The SIP engine `waihu serve` runs (its port is `sipPort`).
    public var telephony = TelephonySettings()
    public var dataDirectory: String = "./data"
    /// nil means the SQLite file `waihu.sqlite` in the data directory.
    public var database: DatabaseLocation?
    /// Where the web UI's static files are; nil finds `Public/` next to the working directory or the executable.
    public var publicDirectory: String?
    /// How long a login lasts: one long shift by default.
    public var tokenLifetime: TimeInterval = 12 * 3600
    public var loginThrottle: LoginThrottlePolicy = .standard
    /// This server's name among several behind Kamailio: the leads it claimed are its own to
    /// put right after a crash. One server: any stable name (the host name by default).
    public var nodeName: String = ProcessInfo.processInfo.hostName
    /// One log line per request at info level (`--access-log`); otherwise they are debug lines.
    public var accessLog = false
    /// Password checks that may wait in line (`PasswordHashing`); past it a login gets 503.
    /// A thousand is three full shifts' worth of agents logging in at once.
    public var maxWaitingPasswordChecks = 1_000

    public init() {}

    public var resolvedDatabase: DatabaseLocation {
        database ?? .sqlite(path: (dataDirectory as NSString).appendingPathComponent("waihu.sqlite"))
    }

    public var resolvedPublicDirectory: String? {
        if let publicDirectory { return publicDirectory }
        let fileManager = FileManager.default
        var candidates = [fileManager.currentDirectoryPath + "/Public"]
        // .build/<config>/waihu → the package root's Public/
        let executable = URL(fileURLWithPath: CommandLine.arguments.first ?? "").resolvingSymlinksInPath()
        var folder = executable.deletingLastPathComponent()
        for _ in 0..<4 {
            candidates.append(folder.appendingPathComponent("Public").path)
            folder = folder.deletingLastPathComponent()
        }
        return candidates.first { fileManager.fileExists(atPath: $0 + "/index.html") }
    }
}
