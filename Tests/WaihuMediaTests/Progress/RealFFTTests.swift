import Foundation
import XCTest
@testable import WaihuMedia

final class RealFFTTests: XCTestCase {
    func testPowerSpectrumEqualsTheDirectDFT() {
        var random = SeededAudioRandom(seed: 4)
        let size = 64
        let fft = RealFFT(size: size)
        let input = (0..<size).map { _ in random.gaussian() }
        var output = [Float](repeating: 0, count: size / 2 + 1)
        input.withUnsafeBufferPointer { input in
            output.withUnsafeMutableBufferPointer { fft.powerSpectrum(input, into: $0) }
        }
        for k in 0...size / 2 {
            var re = 0.0, im = 0.0
            for n in 0..<size {
                re += Double(input[n]) * cos(2 * Double.pi * Double(k * n) / Double(size))
                im -= Double(input[n]) * sin(2 * Double.pi * Double(k * n) / Double(size))
            }
            XCTAssertEqual(Double(output[k]), re * re + im * im, accuracy: 1e-3 * max(1, re * re + im * im), "bin \(k)")
        }
    }

    func testTheRealPartOfAnEvenSequenceIsItsCosineTransform() {
        let size = 256
        let fft = RealFFT.size256
        var even = [Float](repeating: 0, count: size)
        even[0] = 1
        even[10] = 0.5; even[size - 10] = 0.5
        var output = [Float](repeating: 0, count: size / 2 + 1)
        even.withUnsafeBufferPointer { input in
            output.withUnsafeMutableBufferPointer { fft.realPart(input, into: $0) }
        }
        for k in [0, 1, 13, 64, 128] {
            XCTAssertEqual(Double(output[k]), 1 + cos(2 * Double.pi * 10 * Double(k) / Double(size)), accuracy: 1e-4, "bin \(k)")
        }
    }
}
