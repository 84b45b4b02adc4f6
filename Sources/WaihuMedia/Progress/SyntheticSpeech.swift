import Foundation

/// Test-audio generator: speech-like sound from a small formant synthesiser, for the unit
/// tests and `waihu bench progress` (never used on a call). A `Script` is what is said
/// (syllables: vowel, consonant, Mandarin-like pitch contour, length, pauses), a `Voice` is
/// who says it (pitch, vocal-tract size, pace): the same script in two voices gives two
/// recordings of "the same words", as two carriers' announcements of 空号 would be.
///
/// The sound is a sawtooth glottal source at the syllable's pitch through three resonators
/// (the formants), with a noise burst for a consonant: crude, but with what matters to the
/// analyser: harmonics, moving formants, syllable rhythm and pauses.
public enum SyntheticSpeech {
    public struct Voice: Sendable, Equatable {
        /// Mean pitch, Hz (a man about 120, a woman about 220).
        public var pitch: Float
        /// Formant frequencies are multiplied by this (a shorter vocal tract: > 1).
        public var formantScale: Float
        /// Durations are multiplied by this (slower speech: > 1).
        public var pace: Float

        public init(pitch: Float, formantScale: Float, pace: Float) {
            self.pitch = pitch
            self.formantScale = formantScale
            self.pace = pace
        }

        public static func random(_ random: inout SeededAudioRandom) -> Voice {
            let female = random.unit() < 0.6
            return Voice(pitch: female ? random.uniform(180...250) : random.uniform(100...150),
                         formantScale: female ? random.uniform(1.05...1.18) : random.uniform(0.9...1.02),
                         pace: random.uniform(0.85...1.15))
        }
    }

    public struct Syllable: Sendable, Equatable {
        /// Index in `vowels`, and of the vowel it glides to.
        public var vowel: Int
        public var glide: Int
        /// 0 none, 1 fricative (s, sh, x), 2 plosive (b, d, g: a short burst), 3 aspirate (h).
        public var consonant: Int
        /// Pitch contour: start and end, relative to the voice's pitch (tone 1: 1.15 → 1.15 …).
        public var pitchStart: Float
        public var pitchEnd: Float
        /// Voiced length, seconds, before the voice's pace.
        public var length: Float
        /// Silence after it, seconds.
        public var pause: Float
    }

    public struct Script: Sendable, Equatable {
        public var syllables: [Syllable]

        public init(syllables: [Syllable]) {
            self.syllables = syllables
        }

        /// About `seconds` of speech: phrases of 3–8 syllables, separated by 0.25–0.6 s.
        public static func random(seconds: Float, _ random: inout SeededAudioRandom) -> Script {
            var syllables: [Syllable] = []
            var total: Float = 0
            while total < seconds {
                let phrase = 3 + Int(random.unit() * 6)
                for index in 0..<phrase {
                    var syllable = Self.syllable(&random)
                    syllable.pause = index == phrase - 1 ? random.uniform(0.25...0.6) : (random.unit() < 0.3 ? random.uniform(0.02...0.08) : 0)
                    syllables.append(syllable)
                    total += syllable.length + syllable.pause
                }
            }
            return Script(syllables: syllables)
        }

        /// One phrase of about `seconds` (syllables without a pause), then a short pause.
        public static func phrase(seconds: Float, _ random: inout SeededAudioRandom) -> Script {
            var syllables: [Syllable] = []
            var total: Float = 0
            while total < seconds {
                let syllable = Self.syllable(&random)
                syllables.append(syllable)
                total += syllable.length
            }
            syllables[syllables.count - 1].pause = random.uniform(0.1...0.25)
            return Script(syllables: syllables)
        }

        /// A greeting: "喂？" (one rising syllable) and perhaps one or two short words after
        /// it ("你好", "哪位"), with short gaps, at most `maximumSeconds` in all.
        public static func greeting(_ random: inout SeededAudioRandom, maximumSeconds: Float = 1.6) -> Script {
            var wei = Self.syllable(&random)
            wei.pitchStart = random.uniform(0.95...1.05)
            wei.pitchEnd = random.uniform(1.2...1.4)
            wei.length = random.uniform(0.25...0.45)
            wei.pause = random.uniform(0.15...0.35)
            var syllables = [wei]
            var total = wei.length + wei.pause
            let words = Int(random.unit() * 3)
            words: for _ in 0..<words {
                let count = 1 + Int(random.unit() * 2)
                for index in 0..<count {
                    var syllable = Self.syllable(&random)
                    syllable.length = random.uniform(0.15...0.28)
                    syllable.pause = index == count - 1 ? random.uniform(0.1...0.3) : 0
                    guard total + syllable.length <= maximumSeconds else { break words }
                    syllables.append(syllable)
                    total += syllable.length + syllable.pause
                }
            }
            syllables[syllables.count - 1].pause = 0
            return Script(syllables: syllables)
        }

        static func syllable(_ random: inout SeededAudioRandom) -> Syllable {
            // Four Mandarin-like tones: high level, rising, dipping, falling.
            let contours: [(Float, Float)] = [(1.15, 1.15), (0.9, 1.25), (0.85, 0.95), (1.3, 0.75)]
            let contour = contours[Int(random.unit() * 4) % 4]
            let jitter = random.uniform(0.95...1.05)
            let vowel = Int(random.unit() * Float(vowels.count)) % vowels.count
            return Syllable(vowel: vowel,
                            glide: random.unit() < 0.4 ? Int(random.unit() * Float(vowels.count)) % vowels.count : vowel,
                            consonant: Int(random.unit() * 4) % 4,
                            pitchStart: contour.0 * jitter, pitchEnd: contour.1 * jitter,
                            length: random.uniform(0.14...0.32), pause: 0)
        }
    }

    /// F1, F2, F3 (Hz) of an adult male's vowels: a, i, u, e, o, ü, er, ai, ou.
    static let vowels: [(Float, Float, Float)] = [
        (750, 1250, 2600), (300, 2250, 3000), (320, 800, 2300), (500, 1800, 2500), (520, 900, 2450),
        (300, 1850, 2400), (500, 1400, 1650), (650, 1700, 2600), (450, 1050, 2500),
    ]

    /// The script said by the voice, as 8 kHz samples scaled to a peak of about 0.9 of full scale.
    public static func render(_ script: Script, voice: Voice, random: inout SeededAudioRandom) -> [Int16] {
        var output: [Float] = []
        var phase: Float = 0
        var resonators = (Resonator(), Resonator(), Resonator())
        var fricative = Resonator()
        for syllable in script.syllables {
            let length = Int(syllable.length * voice.pace * 8000)
            let consonant = syllable.consonant == 0 ? 0 : Int((syllable.consonant == 2 ? 0.02 : 0.06) * voice.pace * 8000)
            if syllable.consonant == 2 {
                output.append(contentsOf: repeatElement(0, count: Int(0.03 * voice.pace * 8000))) // the closure
            }
            let centre: Float = syllable.consonant == 1 ? 3000 : (syllable.consonant == 3 ? 1500 : 2200)
            fricative.tune(frequency: centre, bandwidth: syllable.consonant == 3 ? 1200 : 600, unityAtCentre: true)
            for index in 0..<consonant {
                let envelope = Float(index) / Float(max(consonant, 1))
                output.append(fricative.filter(random.gaussian()) * 0.5 * (0.3 + 0.7 * envelope))
            }
            let from = vowels[syllable.vowel], to = vowels[syllable.glide]
            for index in 0..<length {
                let t = Float(index) / Float(length)
                if index % 40 == 0 {
                    let glide = t * t * (3 - 2 * t)
                    let f1 = (from.0 + (to.0 - from.0) * glide) * voice.formantScale
                    let f2 = (from.1 + (to.1 - from.1) * glide) * voice.formantScale
                    let f3 = (from.2 + (to.2 - from.2) * glide) * voice.formantScale
                    resonators.0.tune(frequency: f1, bandwidth: 80)
                    resonators.1.tune(frequency: f2, bandwidth: 110)
                    resonators.2.tune(frequency: min(f3, 3600), bandwidth: 160)
                }
                let pitch = voice.pitch * (syllable.pitchStart + (syllable.pitchEnd - syllable.pitchStart) * t)
                phase += pitch / 8000
                if phase >= 1 { phase -= 1 }
                let source = 1 - 2 * phase + 0.02 * random.gaussian()
                let envelope = min(1, Float(index) / 80) * min(1, Float(length - index) / 240)
                let voiced = resonators.2.filter(resonators.1.filter(resonators.0.filter(source)))
                output.append(voiced * envelope)
            }
            output.append(contentsOf: repeatElement(0, count: Int(syllable.pause * voice.pace * 8000)))
        }
        let peak = output.reduce(0) { max($0, abs($1)) }
        let gain = peak > 0 ? 0.9 * 32767 / peak : 0
        return output.map { Int16(($0 * gain).rounded()) }
    }

    /// A two-pole resonator (one formant). A formant has unity gain at 0 Hz, as in a cascade
    /// formant synthesiser (the formants then shape the source's falling spectrum); the
    /// consonant's noise filter has unity gain at its centre.
    struct Resonator {
        private var a1: Float = 0, a2: Float = 0, gain: Float = 1
        private var y1: Float = 0, y2: Float = 0

        mutating func tune(frequency: Float, bandwidth: Float, unityAtCentre: Bool = false) {
            let r = exp(-Float.pi * bandwidth / 8000)
            a1 = 2 * r * cos(2 * Float.pi * frequency / 8000)
            a2 = -r * r
            // At the centre |H| is 1 / ((1 − r)·|1 − r·e^(−2jθ)|); at 0 Hz it is 1 / (1 − a1 − a2).
            gain = unityAtCentre ? (1 - r) * (1 - 2 * r * cos(4 * Float.pi * frequency / 8000) + r * r).squareRoot() : 1 - a1 - a2
        }

        mutating func filter(_ x: Float) -> Float {
            let y = gain * x + a1 * y1 + a2 * y2
            y2 = y1
            y1 = y
            return y
        }
    }
}
