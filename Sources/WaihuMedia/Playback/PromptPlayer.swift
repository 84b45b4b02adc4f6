/// Cuts a prompt into 20 ms RTP payloads (放音). The pacing, one frame per 20 ms of
/// wall clock, is the RTP session's; this value only knows where in the prompt it is,
/// so the played time can be reported if the customer hangs up half-way.
public struct PromptPlayer: Sendable {
    public static let samplesPerFrame = 160
    public let codec: AudioCodec
    private let samples: [Int16]
    public private(set) var position = 0

    public init(prompt: WAVFile, codec: AudioCodec) {
        self.codec = codec
        self.samples = prompt.samples
    }

    public var isFinished: Bool { position >= samples.count }

    /// How much of the prompt has been sent.
    public var played: Duration { .milliseconds(position / 8) }

    public var total: Duration { .milliseconds(samples.count / 8) }

    /// The next payload, the last one padded with silence; `nil` once played out.
    public mutating func nextFrame() -> [UInt8]? {
        guard !isFinished else { return nil }
        let end = min(position + Self.samplesPerFrame, samples.count)
        var frame = Array(samples[position..<end])
        if frame.count < Self.samplesPerFrame {
            frame += [Int16](repeating: 0, count: Self.samplesPerFrame - frame.count)
        }
        position = end
        return codec.encode(frame)
    }
}
