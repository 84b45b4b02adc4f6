import AsyncHTTPClient
import Foundation
import NIOConcurrencyHelpers
import Vapor

/// Steps 1 and 2 of `waihu bench web`: the administrator creates the agents through the API a
/// few at a time, as the users page does; then every agent logs in at the same moment, as a
/// shift does at 9:00.
struct BenchWebAccounts {
    let baseURL: String
    let adminToken: String
    let log: @Sendable (String) -> Void

    /// Creates `count` agents in the team, `concurrency` requests at a time. The failed ones are
    /// tried again afterwards, one at a time (not measured), so the login burst has everyone.
    func createAgents(count: Int, concurrency: Int) async throws -> BenchWebReport.Creation {
        try await BenchWebHTTP.with(connections: concurrency, baseURL: baseURL) { http in
            try await createAgents(count: count, concurrency: concurrency, http: http)
        }
    }

    private func createAgents(count: Int, concurrency: Int, http: BenchWebHTTP) async throws -> BenchWebReport.Creation {
        let token = adminToken
        let started = BenchWebClock.now()
        let replies = await BenchWebParallel.map(count, width: concurrency) { index in
            await http.post("/api/v1/users", json: Self.agentBody(index + 1, of: count), token: token)
        }
        let total = BenchWebClock.now() - started
        var outcomes = BenchWebOutcomes()
        replies.forEach { outcomes.add($0) }
        if let failed = replies.first(where: { !$0.ok }) { log("user creation: first failure: \(failed.problem)") }
        var later = 0, alreadyThere = 0
        for (index, reply) in replies.enumerated() where !reply.ok {
            switch try await createPatiently(http, body: Self.agentBody(index + 1, of: count)) {
            case .created: later += 1
            case .existed: alreadyThere += 1
            }
        }
        return .init(users: count, concurrency: concurrency, outcomes: outcomes, timing: BenchWebTiming(replies.map(\.seconds)),
                     totalSeconds: total, createdOnRetry: later, existedOnRetry: alreadyThere)
    }

    /// The wallboards' supervisors, in the agents' team so their figures are the agents' (not measured).
    func createSupervisors(count: Int) async throws {
        try await BenchWebHTTP.with(connections: 1, baseURL: baseURL) { http in
            for index in 1...max(count, 1) where count > 0 {
                let supervisor = BenchWebStage.supervisor(index)
                _ = try await createPatiently(http, body: ["username": supervisor.username, "display_name": "大屏\(index)",
                                                          "role": "supervisor", "team": BenchWebStage.team, "password": supervisor.password])
            }
        }
    }

    private enum Created { case created, existed }

    /// Up to 10 tries a second apart; a 409 means an earlier try that failed had stored it after all.
    private func createPatiently(_ http: BenchWebHTTP, body: [String: Any]) async throws -> Created {
        var last: BenchWebHTTP.Reply?
        for attempt in 0..<10 {
            if attempt > 0 { try await Task.sleep(nanoseconds: 1_000_000_000) }
            let reply = await http.post("/api/v1/users", json: body, token: adminToken)
            if reply.ok { return .created }
            if reply.status == 409 { return .existed }
            last = reply
        }
        throw BenchWebError.step("user \(body["username"] ?? "?") cannot be created even one at a time: \(last?.problem ?? "?")")
    }

    static func agentBody(_ index: Int, of count: Int) -> [String: Any] {
        let agent = BenchWebStage.agent(index, of: count)
        return ["username": agent.username, "display_name": "坐席\(index)", "role": "agent",
                "team": BenchWebStage.team, "password": agent.password]
    }

    /// Every account logs in at once, each request on its own connection. A 503 with
    /// Retry-After is asked to come back and does, after the time it names (as the login page
    /// does); other failures log in again afterwards, a few at a time (not measured), so that
    /// every desk has a token. Returns the tokens in account order.
    func loginBurst(_ accounts: [(username: String, password: String)]) async throws -> (BenchWebReport.LoginBurst, [String]) {
        try await BenchWebHTTP.with(connections: accounts.count, baseURL: baseURL) { http in
            try await loginBurst(accounts, http: http)
        }
    }

    private func loginBurst(_ accounts: [(username: String, password: String)], http: BenchWebHTTP) async throws -> (BenchWebReport.LoginBurst, [String]) {
        // What one check costs here, so the report can say how soon the burst could end at best.
        let hash = try Bcrypt.hash(accounts.first?.password ?? "x")
        let checkStarted = BenchWebClock.now()
        _ = try Bcrypt.verify(accounts.first?.password ?? "x", created: hash)
        let checkSeconds = BenchWebClock.now() - checkStarted
        let retried = NIOLockedValueBox(0)
        let started = BenchWebClock.now()
        let results: [(first: BenchWebHTTP.Reply, token: String?, at: Double)] = await withTaskGroup(of: (Int, BenchWebHTTP.Reply, String?, Double).self) { group in
            for (index, account) in accounts.enumerated() {
                group.addTask {
                    let first = await Self.login(http, account)
                    var reply = first
                    var retries = 0
                    while reply.outcome == "503 retry" && retries < 30 {
                        retries += 1
                        let wait = min(max(Double(reply.retryAfter ?? "1") ?? 1, 0.1), 30)
                        try? await Task.sleep(nanoseconds: UInt64(wait * 1e9))
                        reply = await Self.login(http, account)
                    }
                    if retries > 0 { retried.withLockedValue { $0 += 1 } }
                    return (index, first, reply.ok ? reply.json?["token"] as? String : nil, BenchWebClock.now())
                }
            }
            var results = [(first: BenchWebHTTP.Reply, token: String?, at: Double)?](repeating: nil, count: accounts.count)
            for await (index, first, token, at) in group { results[index] = (first, token, at) }
            return results.map { $0! }
        }
        let firstReplies = results.map(\.first)
        var outcomes = BenchWebOutcomes()
        firstReplies.forEach { outcomes.add($0) }
        let total = firstReplies.map(\.seconds).max() ?? 0
        let allIn = results.allSatisfy { $0.token != nil } ? (results.map(\.at).max() ?? started) - started : nil
        if let failed = firstReplies.first(where: { !$0.ok && $0.outcome != "503 retry" }) { log("login burst: first failure: \(failed.problem)") }
        var tokens = results.map(\.token)
        let missing = tokens.indices.filter { tokens[$0] == nil }
        let catchUp = await BenchWebParallel.map(missing.count, width: 8) { position -> String? in
            let account = accounts[missing[position]]
            for attempt in 0..<10 {
                if attempt > 0 { try? await Task.sleep(nanoseconds: 1_000_000_000) }
                let reply = await Self.login(http, account)
                if reply.ok, let token = reply.json?["token"] as? String { return token }
            }
            return nil
        }
        for (position, token) in catchUp.enumerated() { tokens[missing[position]] = token }
        guard tokens.allSatisfy({ $0 != nil }) else {
            throw BenchWebError.step("\(tokens.filter { $0 == nil }.count) accounts cannot log in even a few at a time")
        }
        let report = BenchWebReport.LoginBurst(
            users: accounts.count, outcomes: outcomes, timing: BenchWebTiming(firstReplies.map(\.seconds)), totalSeconds: total,
            retriedAfterBeingAsked: retried.withLockedValue { $0 }, allLoggedInSeconds: allIn, loggedInLater: missing.count,
            checkSeconds: checkSeconds,
            cpuFloorSeconds: checkSeconds * Double(accounts.count) / Double(ProcessInfo.processInfo.activeProcessorCount))
        return (report, tokens.map { $0! })
    }

    static func login(_ http: BenchWebHTTP, _ account: (username: String, password: String)) async -> BenchWebHTTP.Reply {
        await http.post("/api/v1/auth/login", json: ["username": account.username, "password": account.password], token: nil)
    }
}
