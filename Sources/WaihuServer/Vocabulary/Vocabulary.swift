import Vapor
import WaihuDomain

/// A fixed set of stored values with a name in each language of the pages: the server's enums
/// are the only list, and the web pages build their menus and labels from
/// `GET /api/v1/vocabulary` instead of copying the values.
protocol VocabularyTerm: RawRepresentable<String>, CaseIterable {
    var chineseName: String { get }
    var englishName: String { get }
}

extension AuditAction: VocabularyTerm {}
extension DialMode: VocabularyTerm {}
extension DispositionCategory: VocabularyTerm {}
extension NotReadyReason: VocabularyTerm {}
extension Role: VocabularyTerm {}
extension CampaignStatus: VocabularyTerm {}
extension CallOutcome: VocabularyTerm {}
extension AgentState: VocabularyTerm {}
extension LeadPriorityKey: VocabularyTerm {}
extension CallCause: VocabularyTerm {}
extension InvalidLeadCause: VocabularyTerm {}

/// Every list the pages choose from, each value with its zh-CN and English name.
struct Vocabulary: Content, Equatable {
    struct Term: Content, Equatable {
        /// The stored raw value ("fixed_ratio").
        var value: String
        /// zh-CN name (固定比例).
        var zh: String
        /// English name (Fixed ratio).
        var en: String
        /// A call cause's network outcome (`CallCause.outcome`: vacant → invalid); absent
        /// elsewhere, and for `announcement_unknown`, whose outcome the signalling decides.
        var outcome: String?
    }

    var audit_actions: [Term]
    var dial_modes: [Term]
    var disposition_categories: [Term]
    var not_ready_reasons: [Term]
    var roles: [Term]
    var campaign_statuses: [Term]
    var call_outcomes: [Term]
    var agent_states: [Term]
    /// The keys of a campaign's dialing order (拨打优先级), in the plan's default order.
    var lead_priority_keys: [Term]
    /// Why an attempt ended (空号, 停机 …), finer than its outcome.
    var call_causes: [Term]
    /// The causes a learned carrier announcement may be labelled with.
    var announcement_labels: [Term]
    /// The causes 无效率 is broken down by on batches, sources and the list-quality report.
    var invalid_lead_causes: [Term]

    static let current = Vocabulary(
        audit_actions: terms(AuditAction.self), dial_modes: terms(DialMode.self),
        disposition_categories: terms(DispositionCategory.self), not_ready_reasons: terms(NotReadyReason.self),
        roles: terms(Role.self), campaign_statuses: terms(CampaignStatus.self),
        call_outcomes: terms(CallOutcome.self), agent_states: terms(AgentState.self),
        lead_priority_keys: terms(LeadPriorityKey.self), call_causes: causes(CallCause.allCases),
        announcement_labels: causes(CallCause.announcementLabels), invalid_lead_causes: terms(InvalidLeadCause.self))

    static func causes(_ causes: [CallCause]) -> [Term] {
        causes.map { Term(value: $0.rawValue, zh: $0.chineseName, en: $0.englishName, outcome: $0.outcome?.rawValue) }
    }

    static func terms<T: VocabularyTerm>(_ type: T.Type) -> [Term] {
        T.allCases.map { Term(value: $0.rawValue, zh: $0.chineseName, en: $0.englishName) }
    }
}
