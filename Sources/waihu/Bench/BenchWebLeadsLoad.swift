import Foundation

/// Step 6 of `waihu bench web`: `GET /api/v1/leads?limit=50` (the first page of the lead list,
/// as the leads page asks for it) from `connections` clients at once, each sending its next
/// request when the last one's reply has arrived.
enum BenchWebLeadsLoad {
    static let path = "/api/v1/leads?limit=50"

    static func run(baseURL: String, token: String, connections: Int, seconds: Double) async throws -> BenchWebReport.LeadsLoad {
        try await BenchWebHTTP.with(connections: connections, baseURL: baseURL) { http in
            // One request per connection first, not counted: the window measures requests, not connects.
            _ = await BenchWebParallel.map(connections, width: connections) { _ in await http.get(path, token: token) }
            let start = BenchWebClock.now()
            let end = start + seconds
            let perClient = await BenchWebParallel.map(connections, width: connections) { _ -> [BenchWebHTTP.Reply] in
                var replies: [BenchWebHTTP.Reply] = []
                while BenchWebClock.now() < end {
                    var reply = await http.get(path, token: token)
                    reply.body = Data()  // only the figures are kept
                    replies.append(reply)
                }
                return replies
            }
            let elapsed = BenchWebClock.now() - start
            let replies = perClient.joined()
            var outcomes = BenchWebOutcomes()
            replies.forEach { outcomes.add($0) }
            return .init(connections: connections, seconds: elapsed, requests: replies.count,
                         perSecond: Double(outcomes.successes) / elapsed, timing: BenchWebTiming(replies.map(\.seconds)), outcomes: outcomes)
        }
    }
}
