import WaihuDomain
import WaihuMedia

extension ProgressEvidence {
    /// The analyser's finding in domain terms; nil for a learned label that is no cause
    /// (an announcement learned before its label was retired).
    init?(_ detection: CallProgressDetection) {
        switch detection {
        case .tone(.ringback): self = .ringbackTone
        case .tone(.busy): self = .busyTone
        case .tone(.congestion): self = .congestionTone
        case .tone(.specialInformation): self = .specialInformationTone
        case .announcement(let match):
            guard let label = CallCause(rawValue: match.label) else { return nil }
            self = .announcement(label: label, name: match.name, score: match.score)
        case .unknownAnnouncement: self = .unknownAnnouncement
        case .human: self = .human
        }
    }
}
