import Foundation
import XCTest
import WaihuSIP
@testable import WaihuDialer
import WaihuTestPeers

/// No open relay and no password guessing: strangers' INVITEs are refused 403, and a
/// source that fails digest too often is refused even with the right password.
final class EngineAccessTests: XCTestCase {
    struct NoReply: Error {}

    func nextReply(_ probe: UDPProbe, after count: Int) async throws -> SIPResponse {
        for _ in 0..<200 {
            let all = probe.datagrams
            if all.count > count, case .response(let response) = try SIPMessageParser.parse(Array(all[count].utf8)) {
                return response
            }
            try await Task.sleep(nanoseconds: 10_000_000)
        }
        throw NoReply()
    }

    func testInviteFromUnknownSourceIsRefused() async throws {
        let engine = try await TelephonyEngine.start(TelephonyConfiguration(host: "127.0.0.1", sipPort: 0, rtpPorts: 30500...30509))
        let probe = try await UDPProbe.bind()
        let contact = SIPURI(user: "fraud", host: "127.0.0.1", port: probe.port)
        let invite = SIPRequest.outOfDialog(.invite, to: SIPURI(user: "0085212345678", host: "127.0.0.1"),
                                            from: SIPAddress(uri: contact), contact: contact,
                                            localHost: "127.0.0.1", localPort: probe.port)
        try await probe.send(invite.serialized(), to: engine.sipEndpoint.port)
        var reply = try await nextReply(probe, after: 0)
        if reply.statusCode == 100 { reply = try await nextReply(probe, after: 1) }
        XCTAssertEqual(reply.statusCode, 403)
        let counters = await engine.counters()
        XCTAssertEqual(counters.forbidden, 1)
        XCTAssertEqual(counters.callsPlaced, 0)
        await probe.close()
        try await engine.shutdown()
    }

    func testRepeatedDigestFailuresBlockTheSource() async throws {
        let engine = try await TelephonyEngine.start(
            TelephonyConfiguration(host: "127.0.0.1", sipPort: 0, rtpPorts: 30510...30519,
                                   registrationThrottle: RegistrationThrottle(maximumFailures: 3, window: 60, blockDuration: 300)),
            phones: StaticPhoneDirectory(["8001": "right-password"]))
        let probe = try await UDPProbe.bind()
        let aor = SIPURI(user: "8001", host: "127.0.0.1")
        var sequence: UInt32 = 1
        var received = 0

        /// One REGISTER round: challenge, then the answer with `password`; the final status.
        func register(password: String) async throws -> Int {
            var request = SIPRequest.outOfDialog(.register, to: SIPURI(host: "127.0.0.1"), from: SIPAddress(uri: aor),
                                                 toAddress: SIPAddress(uri: aor),
                                                 contact: SIPURI(user: "8001", host: "127.0.0.1", port: probe.port),
                                                 localHost: "127.0.0.1", localPort: probe.port, callID: "guess@127.0.0.1",
                                                 sequence: sequence)
            request.headers.add("Expires", "60")
            try await probe.send(request.serialized(), to: engine.sipEndpoint.port)
            let challenge = try await nextReply(probe, after: received)
            received += 1
            guard challenge.statusCode == 401 else { sequence += 1; return challenge.statusCode }
            let answer = try DigestCredentials(username: "8001", password: password).authorize(request, after: challenge)
            sequence = (answer.cseq?.number ?? sequence) + 1
            try await probe.send(answer.serialized(), to: engine.sipEndpoint.port)
            let final = try await nextReply(probe, after: received)
            received += 1
            return final.statusCode
        }

        let first = try await register(password: "right-password")
        XCTAssertEqual(first, 200)
        for _ in 0..<3 {
            let guess = try await register(password: "guess")
            XCTAssertEqual(guess, 403)
        }
        let blocked = try await register(password: "right-password")
        XCTAssertEqual(blocked, 403, "blocked even with the right password")
        let counters = await engine.counters()
        XCTAssertEqual(counters.registrationsAccepted, 1)
        XCTAssertEqual(counters.registrationFailures, 3)
        XCTAssertEqual(counters.registrationsThrottled, 1)
        await probe.close()
        try await engine.shutdown()
    }
}
