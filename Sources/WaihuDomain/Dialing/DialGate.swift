import Foundation

/// The last check before a call is placed: every rule that can forbid dialling a lead, in one place,
/// so the dialer, the preview screen and reports agree.
public struct DialGate: Codable, Sendable, Equatable {
    public var window: CallingWindow
    public var attempts: AttemptPolicy
    /// Set for renewal campaigns only.
    public var renewal: RenewalRule?

    public init(window: CallingWindow = .standard, attempts: AttemptPolicy = AttemptPolicy(), renewal: RenewalRule? = nil) {
        self.window = window
        self.attempts = attempts
        self.renewal = renewal
    }

    private enum CodingKeys: String, CodingKey, CaseIterable { case window, attempts, renewal }

    /// Every part may be left out of a campaign's JSON and takes its default.
    public init(from decoder: Decoder) throws {
        try PlanJSONKey.refuseUnknown(CodingKeys.self, in: decoder)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        window = try c.decodeIfPresent(CallingWindow.self, forKey: .window) ?? .standard
        attempts = try c.decodeIfPresent(AttemptPolicy.self, forKey: .attempts) ?? AttemptPolicy()
        renewal = try c.decodeIfPresent(RenewalRule.self, forKey: .renewal)
    }

    /// Nil when the lead may be dialled now, else the first reason it may not.
    /// `onDoNotCallList` is looked up by the caller at dial time, not when the list was loaded,
    /// because customers can opt out between the two.
    public func refusal(history: LeadDialHistory, onDoNotCallList: Bool, renewalDate: CalendarDay?,
                        timeZone: TimeZone, now: Date) -> DialRefusal? {
        if onDoNotCallList { return .doNotCall }
        if !window.allows(now, in: timeZone) { return .outsideCallingWindow }
        if let renewal, let renewalDate {
            let today = LocalClock(timeZone: timeZone).day(of: now)
            if !renewal.allowsCall(renewalDate: renewalDate, today: today) {
                return .renewalTooFarAway(daysBefore: renewal.daysBefore)
            }
        }
        let eligibility = attempts.eligibility(of: history, now: now)
        return eligibility == .eligible ? nil : .attempts(eligibility)
    }
}
