import Foundation

/// Test-audio generator: what a telephone network does to audio on its way to waihu, for
/// the unit tests and `waihu bench progress`. Applied in order: level, added noise, the
/// G.711 round trip, lost 20 ms packets (each replaced by silence or by the previous packet,
/// as a jitter buffer would), and packet slips (one packet dropped and, a little later, one
/// repeated: a jitter buffer adapting).
public struct SimulatedChannel: Sendable {
    /// Peak level of the audio in dBFS (the input is scaled so its peak is there).
    public var level: Float
    /// Noise added, dB below the signal's RMS over its audible part (nil: none).
    public var signalToNoise: Float?
    public var codec: AudioCodec?
    /// Share of 20 ms packets lost (0.03: 3 %).
    public var loss: Double
    /// Share of packets at which the stream slips by one packet.
    public var slips: Double

    public init(level: Float = 0, signalToNoise: Float? = nil, codec: AudioCodec? = nil, loss: Double = 0, slips: Double = 0) {
        self.level = level
        self.signalToNoise = signalToNoise
        self.codec = codec
        self.loss = loss
        self.slips = slips
    }

    public func apply(_ samples: [Int16], random: inout SeededAudioRandom) -> [Int16] {
        let peak = samples.reduce(0) { max($0, abs(Int($1))) }
        let gain = peak > 0 ? SyntheticProgressAudio.amplitude(level) / Float(peak) : 0
        var audio = samples.map { Float($0) * gain }
        if let signalToNoise {
            let audible = audio.filter { abs($0) > 30 }
            let power = audible.reduce(0) { $0 + $1 * $1 } / Float(max(audible.count, 1))
            let rms = (power / pow(10, signalToNoise / 10)).squareRoot()
            for index in audio.indices { audio[index] += rms * random.gaussian() }
        }
        var output = audio.map { SyntheticProgressAudio.clamp($0) }
        if let codec { output = codec.decode(codec.encode(output)) }
        return Self.packetise(output, loss: loss, slips: slips, random: &random)
    }

    static func packetise(_ samples: [Int16], loss: Double, slips: Double, random: inout SeededAudioRandom) -> [Int16] {
        guard loss > 0 || slips > 0 else { return samples }
        let size = SpectralPeakHasher.frameLength
        var packets = stride(from: 0, to: samples.count, by: size).map { Array(samples[$0..<min($0 + size, samples.count)]) }
        var repeatAt: Int?
        var index = 0
        while index < packets.count {
            if index == repeatAt, index > 0 {
                packets.insert(packets[index - 1], at: index)
                repeatAt = nil
                index += 1
                continue
            }
            if repeatAt == nil, Double(random.unit()) < slips {
                packets.remove(at: index)
                repeatAt = index + 5 + Int(random.unit() * 20)
                continue
            }
            if Double(random.unit()) < loss {
                if index > 0, random.unit() < 0.5 {
                    packets[index] = packets[index - 1]
                } else {
                    packets[index] = [Int16](repeating: 0, count: packets[index].count)
                }
            }
            index += 1
        }
        return packets.flatMap { $0 }
    }
}
