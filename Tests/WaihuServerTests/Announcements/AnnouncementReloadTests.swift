import Foundation
import WaihuDialer
import WaihuMedia
import XCTest
@testable import WaihuServer

/// The running server's telephony engine recognises what `waihu announcements learn`
/// teaches from another process, and stops when `remove` takes it away: the engine's own
/// index is read, not a log line.
final class AnnouncementReloadTests: XCTestCase {
    func testTheRunningEngineUsesWhatTheCommandLineTeaches() async throws {
        try await TestServer.with { server in
            var settings = TelephonySettings()
            settings.sipPort = 0
            settings.rtpPorts = 33_800...33_809
            let telephony = try await TelephonyService.start(server.app, settings: settings)
            server.app.telephony = telephony
            do {
                try await check(server, telephony.engine)
            } catch {
                await telephony.stop()
                throw error
            }
            await telephony.stop()
            server.app.telephony = nil
        }
    }

    private func check(_ server: TestServer, _ engine: TelephonyEngine) async throws {
        XCTAssertTrue(engine.announcementIndex.isEmpty)
        let storage = ["--database", databaseArgument(server), "--data-dir", server.dataDirectory]
        let samples = SyntheticProgressAudio.announcement(seed: 41, seconds: 6)
        let file = server.dataDirectory + "/空号.wav"
        try AnnouncementWAV.wav(samples).write(to: URL(fileURLWithPath: file))

        let learned = try WaihuExecutable.run(["announcements", "learn", file, "--label", "vacant"] + storage)
        XCTAssertEqual(learned.status, 0, learned.stderr)
        let taught = Date()
        let index = try await waitForIndex(engine, within: 10) { $0.entries.map(\.id) == [1] }
        // Found by the periodic check (the CLI cannot tell this process), within two periods.
        XCTAssertLessThan(Date().timeIntervalSince(taught), 2 * 2 + 1)
        // The index in the engine knows the recording: 3 s of it from 1 s in, through A-law.
        var random = SeededAudioRandom(seed: 7)
        let heard = SimulatedChannel(level: -12, codec: .pcma).apply(Array(samples[8000..<32000]), random: &random)
        let match = index.match(AudioFingerprint(samples: heard).landmarks)
        XCTAssertEqual(match?.label, "vacant")
        XCTAssertNil(index.match(AudioFingerprint(samples: SyntheticProgressAudio.greeting(seed: 5)).landmarks))

        let admin = try await server.adminToken()
        let listing = try await server.request(.GET, "/api/v1/announcements", token: admin)
        XCTAssertEqual((listing.json["in_use"] as? [String: Any])?["ids"] as? [Int], [1], listing.text)

        let removed = try WaihuExecutable.run(["announcements", "remove", "1"] + storage)
        XCTAssertEqual(removed.status, 0, removed.stderr)
        _ = try await waitForIndex(engine, within: 10) { $0.isEmpty }

        // A change through this server's API is in the engine when the request returns.
        let reply = try await server.request(.POST, "/api/v1/announcements?label=suspended", token: admin,
                                             body: AnnouncementWAV.announcement(seed: 42))
        XCTAssertEqual(reply.status, 201, reply.text)
        XCTAssertEqual(engine.announcementIndex.entries.map(\.label), ["suspended"])
    }

    private func databaseArgument(_ server: TestServer) -> String {
        switch server.app.waihuSettings.resolvedDatabase {
        case .sqlite(let path): return "sqlite:" + path
        case .postgres(let url): return url
        }
    }

    /// Waits until the engine's index satisfies `condition`, polling it every 50 ms.
    private func waitForIndex(_ engine: TelephonyEngine, within seconds: TimeInterval,
                              _ condition: (AnnouncementIndex) -> Bool) async throws -> AnnouncementIndex {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            let index = engine.announcementIndex
            if condition(index) { return index }
            try await Task.sleep(nanoseconds: 50_000_000)
        }
        throw TestFailure("the engine's announcement index never changed as expected within \(Int(seconds)) s: "
                          + "\(engine.announcementIndex.entries.map(\.id))")
    }
}
