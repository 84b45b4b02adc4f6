/// A call-progress tone recognised by its frequency and cadence (信号音), without learning.
public enum ToneKind: String, Sendable, Equatable, CaseIterable {
    /// 回铃音: 450 Hz, 1 s on / 4 s off. The called phone is alerting.
    case ringback
    /// 忙音: 450 Hz, 0.35 s on / 0.35 s off.
    case busy
    /// 拥塞音: 450 Hz, 0.7 s on / 0.7 s off. The network is congested.
    case congestion
    /// 特殊信息音 (ITU-T SIT): 950 → 1400 → 1800 Hz, about 330 ms each. An intercept,
    /// usually just before a recorded announcement.
    case specialInformation = "sit"

    /// The word after `tone ` in the evidence text (`tone busy`, `tone sit`).
    public var evidenceName: String { rawValue }
}
