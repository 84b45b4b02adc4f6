/// Recognises a call-progress tone from its cadence, one `ToneFrame` (20 ms) at a time:
/// the frames are grouped into segments (a stretch of one tone, or of no tone), and the
/// last few segments are compared with each tone's on/off pattern.
///
/// Timing: every duration may be ±20 % off its nominal value, plus one frame at each end
/// (a frame half filled by a tone is not counted as the tone). A change shorter than
/// `confirmFrames` is absorbed into the segment around it, so a frame or two lost or
/// garbled in the middle of a tone does not split it.
///
/// Each kind is declared once, as soon as it is certain; the machine then keeps listening
/// (a ringback may be followed by a busy tone), but never declares the same kind again.
public struct ToneCadence: Sendable {
    /// One stretch of frames with the same tone (or none).
    struct Segment: Sendable, Equatable {
        var tone: ToneFrequency?
        var frames: Int
    }

    /// Frames (20 ms each) a change must last before it starts a new segment.
    static let confirmFrames = 3

    /// Nominal on/off durations in frames, widened by ±20 % and two frames each way.
    static func window(milliseconds: Int) -> ClosedRange<Int> {
        let frames = Double(milliseconds) / 20
        return Int((frames * 0.8 - 2).rounded(.down))...Int((frames * 1.2 + 2).rounded(.up))
    }

    static let busy = window(milliseconds: 350)             // 12…23 frames
    static let congestion = window(milliseconds: 700)       // 26…44 frames
    static let ringbackOn = window(milliseconds: 1000)      // 38…62 frames
    /// Ringback's 4 s pause, for the "second burst" rule.
    static let ringbackOff = window(milliseconds: 4000)     // 158…242 frames
    /// Ringback is declared after its burst and this much silence (1 s): longer than any
    /// busy or congestion pause, so a 450 Hz tone with a 1 s gap can only be ringback.
    static let ringbackDeclareOff = 50
    /// Of a second ringback burst, this much is enough (the first may have been cut by the
    /// start of the media).
    static let ringbackSecondBurst = 20
    /// Each SIT segment (ITU-T E.180: 274 or 380 ms; carriers in China: 330 ms).
    static let sitSegment = window(milliseconds: 330)       // 11…22 frames
    /// A short gap between SIT segments that was not absorbed.
    static let sitGap = 0...5

    private var history: [Segment] = []
    private var current = Segment(tone: nil, frames: 0)
    private var pending: ToneFrequency?
    private var pendingFrames = 0
    /// The kinds already declared, one bit each (a set without allocating).
    private var declared: UInt8 = 0

    public init() {
        history.reserveCapacity(historyLimit + 1)
    }

    private let historyLimit = 6

    /// The tone kind this frame makes certain, once per kind.
    public mutating func receive(_ frame: ToneFrame) -> ToneKind? {
        let tone = frame.tone
        if tone == current.tone {
            current.frames += 1 + pendingFrames
            pendingFrames = 0
        } else if pendingFrames > 0, tone == pending {
            pendingFrames += 1
            if pendingFrames >= Self.confirmFrames {
                close(startingWith: tone, frames: pendingFrames)
            }
        } else {
            // A different change: what was pending was a glitch of the current segment.
            current.frames += pendingFrames
            pending = tone
            pendingFrames = 1
            if Self.confirmFrames <= 1 { close(startingWith: tone, frames: 1) }
        }
        guard let kind = recognise() else { return nil }
        let bit = Self.bit(kind)
        guard declared & bit == 0 else { return nil }
        declared |= bit
        return kind
    }

    private static func bit(_ kind: ToneKind) -> UInt8 {
        switch kind {
        case .ringback: return 1
        case .busy: return 2
        case .congestion: return 4
        case .specialInformation: return 8
        }
    }

    private mutating func close(startingWith tone: ToneFrequency?, frames: Int) {
        if current.frames > 0 {
            history.append(current)
            if history.count > historyLimit { history.removeFirst() }
        }
        current = Segment(tone: tone, frames: frames)
        pendingFrames = 0
        pending = nil
    }

    /// The completed segment `back` places before the current one (1 = the last completed).
    private func completed(_ back: Int) -> Segment? {
        history.count >= back ? history[history.count - back] : nil
    }

    private func recognise() -> ToneKind? {
        if let kind = recogniseOnOff() { return kind }
        if current.tone == .hz1800, current.frames >= Self.sitSegment.lowerBound, recogniseSIT() {
            return .specialInformation
        }
        return nil
    }

    /// Busy, congestion and ringback: all 450 Hz, told apart by their on and off durations.
    private func recogniseOnOff() -> ToneKind? {
        if current.tone == nil {
            // Busy / congestion: on, off, on (all in range), and the current off long enough.
            if let on1 = completed(3), let off1 = completed(2), let on2 = completed(1),
               on1.tone == .hz450, off1.tone == nil, on2.tone == .hz450 {
                if Self.matches(Self.busy, on1, off1, on2, current) { return .busy }
                if Self.matches(Self.congestion, on1, off1, on2, current) { return .congestion }
            }
            // Ringback: a 1 s burst and already 1 s of silence after it.
            if let on = completed(1), on.tone == .hz450, Self.ringbackOn.contains(on.frames),
               current.frames >= Self.ringbackDeclareOff {
                return .ringback
            }
        } else if current.tone == .hz450, current.frames >= Self.ringbackSecondBurst,
                  let off = completed(1), let on = completed(2), off.tone == nil, on.tone == .hz450,
                  Self.ringbackOff.contains(off.frames), on.frames <= Self.ringbackOn.upperBound {
            // Ringback: a (possibly cut) burst, a 4 s pause, and a second burst.
            return .ringback
        }
        return nil
    }

    private static func matches(_ range: ClosedRange<Int>, _ on1: Segment, _ off1: Segment, _ on2: Segment,
                                _ off2: Segment) -> Bool {
        range.contains(on1.frames) && range.contains(off1.frames) && range.contains(on2.frames)
            && off2.frames >= range.lowerBound
    }

    /// 950 → 1400 → 1800 Hz, each of SIT length, with at most a short gap between them.
    private func recogniseSIT() -> Bool {
        var back = 1
        guard sitSegment(.hz1400, back: &back) else { return false }
        return sitSegment(.hz950, back: &back)
    }

    private func sitSegment(_ expected: ToneFrequency, back: inout Int) -> Bool {
        if let gap = completed(back), gap.tone == nil, Self.sitGap.contains(gap.frames) { back += 1 }
        guard let segment = completed(back), segment.tone == expected, Self.sitSegment.contains(segment.frames) else {
            return false
        }
        back += 1
        return true
    }
}
