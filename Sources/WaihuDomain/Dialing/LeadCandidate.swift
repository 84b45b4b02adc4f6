import Foundation

/// A lead as the selection rules see it: only the fields that decide its turn.
public struct LeadCandidate: Codable, Sendable, Equatable {
    public var id: String
    /// The list (名单批次) the lead came from, for mixing lists by ratio.
    public var listID: String
    /// 续保日期, for renewal campaigns.
    public var renewalDate: CalendarDay?
    public var attempts: Int
    /// Smaller is better; set per list source (名单来源) by the list manager.
    public var sourcePriority: Int
    /// The due time of a callback waiting on this lead, if any.
    public var callbackDueAt: Date?

    public init(id: String, listID: String, renewalDate: CalendarDay? = nil, attempts: Int = 0,
                sourcePriority: Int = 0, callbackDueAt: Date? = nil) {
        self.id = id
        self.listID = listID
        self.renewalDate = renewalDate
        self.attempts = attempts
        self.sourcePriority = sourcePriority
        self.callbackDueAt = callbackDueAt
    }
}
