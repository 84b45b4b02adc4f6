import Foundation

/// SIPp customers for call-progress analysis (issue 17): a dialled number that sends 183
/// with early media (an announcement, a tone, nothing) and a final response with or without
/// a Q.850 cause, or answers and plays a secretary announcement or a live greeting. Built
/// from the templates in `Scenarios/` for each behaviour; loopback only.
///
///     let customer = try ProgressPeers.customer(
///         .earlyMedia(.announcement(.vacant, levelDB: -12), forMS: 6000, then: .reject(status: 404, q850: 1)),
///         port: port)
///     defer { customer.stop() }
///     … place a call to 127.0.0.1:port …
///     XCTAssertEqual(await customer.waitForExit(seconds: 10), 0, customer.output)
public enum ProgressPeers {
    /// A SIPp customer (UAS) on 127.0.0.1:`port` (RTP from `port + 2`) that takes one call
    /// and behaves as `behaviour`. It exits 0 when the call went as scripted, also when waihu
    /// cancelled or hung up early.
    public static func customer(_ behaviour: CustomerBehaviour, port: Int, timeout: Int? = nil) throws -> PeerProcess {
        let scenario = try self.scenario(behaviour)
        let talkMS: Int = if case let .answer(_, talk) = behaviour.ending { talk } else { 0 }
        let seconds = timeout ?? max(30, (behaviour.progressMS + talkMS) / 1000 + 15)
        return try SharedPeers.sippCustomer(scenario.path, port: port, timeout: seconds)
    }

    /// The scenario file for `behaviour` (in its own temporary directory with the pcaps it
    /// replays), to run by hand: `sipp -sf FILE -i 127.0.0.1 -p PORT -mp PORT+2 -m 1`.
    public static func scenario(_ behaviour: CustomerBehaviour) throws -> URL {
        try PeerProcess.require("/usr/bin/sipp")
        let directory = ProgressAudioRenderer.shared.directory.appendingPathComponent("scenario-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let file = directory.appendingPathComponent(behaviour.ending.isAnswer ? "uas_answer_announcement.xml" : "uas_early_media.xml")
        try ProgressScenario.render(behaviour, in: directory).write(to: file, atomically: true, encoding: .utf8)
        return file
    }
}
