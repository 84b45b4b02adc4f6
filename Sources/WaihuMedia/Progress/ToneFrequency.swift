/// The frequencies the call-progress tone detector listens for. Each is an exact bin of a
/// 160-sample (20 ms) frame at 8 kHz (50 Hz per bin), so a steady tone puts all its energy
/// in one Goertzel bin.
public enum ToneFrequency: Int, Sendable, CaseIterable {
    /// 信号音: every Chinese call-progress tone (回铃音, 忙音, 拥塞音) is 450 Hz.
    case hz450 = 450
    /// The three segments of the ITU-T special information tone (特殊信息音, SIT).
    case hz950 = 950
    case hz1400 = 1400
    case hz1800 = 1800
}
