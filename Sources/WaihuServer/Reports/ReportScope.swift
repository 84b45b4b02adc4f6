/// Whose figures a user may see: everyone's, or only some agents' (role rules of issue 7:
/// an agent sees their own figures, a supervisor their teams').
public struct ReportScope: Sendable, Hashable {
    /// nil: every agent (admins, QA, the console). Otherwise the agent ids allowed.
    public var agentIDs: [String]?

    public static let everything = ReportScope(agentIDs: nil)

    public init(agentIDs: [String]?) {
        self.agentIDs = agentIDs.map { Array(Set($0)).sorted() }
    }
}
