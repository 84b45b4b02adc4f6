import Foundation
import XCTest

/// A headless baresip agent phone from `shared/peers/baresip-agent`, registering to
/// the engine as `phoneExtension` and auto-answering. Its microphone plays `microphone`
/// (mono 8 kHz); what it hears lands in `rec/dump-*-dec.wav`.
public final class BaresipPhone {
    public let directory: URL
    public let process: PeerProcess

    public init(phoneExtension: String, password: String, registrar: Int, microphone: [Int16], codecs: String = "pcmu") throws {
        try PeerProcess.require("/usr/bin/baresip")
        let template = SharedPeers.path("baresip-agent")
        guard FileManager.default.fileExists(atPath: template + "/config") else {
            throw XCTSkip("the baresip configuration template is not installed")
        }
        let sipPort = LoopbackPorts.freeBlock()
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("waihu-phone-\(sipPort)")
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("rec"), withIntermediateDirectories: true)
        try TestTone.writeMonoWAV(microphone, to: directory.appendingPathComponent("mic.wav").path)
        let config = try String(contentsOfFile: template + "/config", encoding: .utf8)
            .replacingOccurrences(of: "__DIR__", with: directory.path)
            .replacingOccurrences(of: "__REC__", with: directory.appendingPathComponent("rec").path)
            .replacingOccurrences(of: "127.0.0.1:5062", with: "127.0.0.1:\(sipPort)")
            .replacingOccurrences(of: "127.0.0.1:4444", with: "127.0.0.1:\(sipPort + 1)")
            .replacingOccurrences(of: "16100-16199", with: "\(sipPort + 10)-\(sipPort + 60)")
        try config.write(to: directory.appendingPathComponent("config"), atomically: true, encoding: .utf8)
        let account = "<sip:\(phoneExtension)@127.0.0.1:\(registrar)>;auth_user=\(phoneExtension);auth_pass=\(password);"
            + "answermode=auto;regint=60;audio_codecs=\(codecs)\n"
        try account.write(to: directory.appendingPathComponent("accounts"), atomically: true, encoding: .utf8)
        try "".write(to: directory.appendingPathComponent("contacts"), atomically: true, encoding: .utf8)
        process = try PeerProcess("/usr/bin/baresip", ["-f", directory.path], name: "baresip-\(sipPort)")
    }

    /// What the phone heard during its last call.
    public func heardRecording() -> String? {
        let rec = directory.appendingPathComponent("rec")
        let files = (try? FileManager.default.contentsOfDirectory(atPath: rec.path)) ?? []
        return files.filter { $0.hasSuffix("-dec.wav") }.sorted().last.map { rec.appendingPathComponent($0).path }
    }

    public func stop() {
        // baresip un-registers on quit and waits for an answer; it is ours to stop.
        process.stop()
        try? FileManager.default.removeItem(at: directory)
    }
}
