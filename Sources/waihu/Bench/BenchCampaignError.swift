/// Why `waihu bench campaign` could not run, in words for whoever runs it.
enum BenchCampaignError: Error, CustomStringConvertible {
    case missingProgram(String)
    case serveDidNotStart(String)
    case agentCannotJoin(String, String)
    case campaign(String)

    var description: String {
        switch self {
        case .missingProgram(let path): return "\(path) is not installed (the bench needs sip-tester and baresip)"
        case .serveDidNotStart(let log): return "waihu serve did not start; its output:\n\(log)"
        case .agentCannotJoin(let agent, let reason): return "agent \(agent) could not log in to the campaign: \(reason)"
        case .campaign(let reason): return "the campaign could not be set up: \(reason)"
        }
    }
}
