import Foundation

/// The agents' phones of `waihu bench campaign`: one headless baresip per agent, registering
/// to `waihu serve` with digest and answering every call at once. The microphone is a quiet
/// tone from a WAV file (baresip 1.0 hangs up at its end, so it outlasts any customer); what
/// the phone hears is thrown away.
struct BenchAgentPhones {
    let directory: String
    private(set) var processes: [Process] = []

    init(directory: String) { self.directory = directory }

    /// Starts one phone per `(extension, password)`, SIP on `firstPort + 70 × i`, RTP above it.
    mutating func start(_ phones: [(phoneExtension: String, password: String)], registrar: Int, firstPort: Int) throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let microphone = directory + "/mic.wav"
        try Self.writeTone(seconds: 150, to: microphone)
        for (index, phone) in phones.enumerated() {
            let folder = directory + "/phone-\(phone.phoneExtension)"
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            let port = firstPort + 70 * index
            let config = """
                poll_method\t\tepoll
                sip_listen\t\t127.0.0.1:\(port)
                call_local_timeout\t120
                call_max_calls\t\t4
                audio_source\t\taufile,\(microphone)
                audio_player\t\taubridge,sink
                audio_alert\t\taubridge,sink
                audio_path\t\t/usr/share/baresip
                ausrc_format\t\ts16
                auplay_format\t\ts16
                audio_buffer\t\t20-160
                rtp_ports\t\t\(port + 10)-\(port + 60)
                rtcp_mux\t\tno
                jitter_buffer_delay\t5-10
                module_path\t\t/usr/lib/baresip/modules
                module\t\t\tg711.so
                module\t\t\taufile.so
                module\t\t\taubridge.so
                module_tmp\t\taccount.so
                module_app\t\tcontact.so
                module_app\t\tmenu.so

                """
            try config.write(toFile: folder + "/config", atomically: true, encoding: .utf8)
            let account = "<sip:\(phone.phoneExtension)@127.0.0.1:\(registrar)>;auth_user=\(phone.phoneExtension);"
                + "auth_pass=\(phone.password);answermode=auto;regint=600;audio_codecs=pcmu,pcma\n"
            try account.write(toFile: folder + "/accounts", atomically: true, encoding: .utf8)
            try "".write(toFile: folder + "/contacts", atomically: true, encoding: .utf8)
            processes.append(try BenchChild.start("/usr/bin/baresip", ["-f", folder], log: folder + "/baresip.log"))
        }
    }

    func stop() {
        for process in processes { BenchChild.stop(process) }
    }

    /// A mono 8 kHz PCM16 WAV of a quiet 300 Hz tone: something to bridge and record.
    static func writeTone(seconds: Int, to path: String) throws {
        let samples = 8000 * seconds
        var data = Data(capacity: 44 + samples * 2)
        func append<T: FixedWidthInteger>(_ value: T) { withUnsafeBytes(of: value.littleEndian) { data.append(contentsOf: $0) } }
        data.append(contentsOf: Array("RIFF".utf8)); append(UInt32(36 + samples * 2)); data.append(contentsOf: Array("WAVE".utf8))
        data.append(contentsOf: Array("fmt ".utf8)); append(UInt32(16)); append(UInt16(1)); append(UInt16(1))
        append(UInt32(8000)); append(UInt32(16000)); append(UInt16(2)); append(UInt16(16))
        data.append(contentsOf: Array("data".utf8)); append(UInt32(samples * 2))
        for n in 0..<samples { append(Int16(2000 * sin(2 * Double.pi * 300 * Double(n) / 8000))) }
        try data.write(to: URL(fileURLWithPath: path))
    }
}

/// Child processes of the bench (waihu serve, SIPp, baresip), their output in a log file.
/// Waits by polling, never with `waitUntilExit`.
enum BenchChild {
    static func start(_ executable: String, _ arguments: [String], log: String, environment: [String: String]? = nil) throws -> Process {
        guard FileManager.default.isExecutableFile(atPath: executable) else {
            throw BenchCampaignError.missingProgram(executable)
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let environment { process.environment = environment }
        FileManager.default.createFile(atPath: log, contents: nil)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: log))
        process.standardOutput = handle
        process.standardError = handle
        process.standardInput = FileHandle.nullDevice
        try process.run()
        return process
    }

    /// SIGTERM, then SIGKILL if it is still there after `grace` seconds.
    static func stop(_ process: Process, grace: Double = 5) {
        guard process.isRunning else { return }
        process.terminate()
        let deadline = Date().addingTimeInterval(grace)
        while process.isRunning && Date() < deadline { usleep(20_000) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    }
}
