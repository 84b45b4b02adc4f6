import Foundation

/// What the dialling rules need to know about a lead's past attempts.
public struct LeadDialHistory: Codable, Sendable, Equatable {
    /// All attempts ever made on this lead in this campaign.
    public var attempts: Int
    /// Attempts made on the current local day.
    public var attemptsToday: Int
    /// How the last call ended: what the retry delay and the invalid-number rule read.
    public var lastOutcome: CallOutcome?
    public var lastAttemptAt: Date?

    public init(attempts: Int = 0, attemptsToday: Int = 0, lastOutcome: CallOutcome? = nil, lastAttemptAt: Date? = nil) {
        self.attempts = attempts
        self.attemptsToday = attemptsToday
        self.lastOutcome = lastOutcome
        self.lastAttemptAt = lastAttemptAt
    }

    public static let neverDialled = LeadDialHistory()
}
