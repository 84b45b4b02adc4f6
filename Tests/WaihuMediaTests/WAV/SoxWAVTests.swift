import Foundation
import XCTest
@testable import WaihuMedia

/// Files made by sox, the tool operators use to convert prompts, must read (or be
/// refused) as the docs promise. Skipped where sox is not installed.
final class SoxWAVTests: XCTestCase {
    private func sox(_ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sox")
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0, "sox \(arguments.joined(separator: " "))")
    }

    func testSoxOutputsReadOrAreRefused() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/sox") else { throw XCTSkip("sox is not installed") }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("waihu-sox-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

        // 0.5 s of a 440 Hz tone at half scale, in the three accepted encodings.
        try sox(["-n", "-r", "8000", "-c", "1", "-b", "16", "-e", "signed-integer", path("pcm.wav"), "synth", "0.5", "sine", "440", "vol", "0.5"])
        try sox([path("pcm.wav"), "-e", "u-law", path("ulaw.wav")])
        try sox([path("pcm.wav"), "-e", "a-law", path("alaw.wav")])
        try sox(["-n", "-r", "44100", "-c", "2", "-b", "16", path("cd.wav"), "synth", "0.1", "sine", "440"])

        let pcm = try WAVFile(contentsOf: URL(fileURLWithPath: path("pcm.wav")))
        XCTAssertEqual(pcm.encoding, .pcm16)
        XCTAssertEqual(pcm.samples.count, 4000)
        let peak = pcm.samples.map { abs(Int($0)) }.max() ?? 0
        XCTAssertTrue((15_000...17_000).contains(peak), "half-scale sine peaks near 16384, got \(peak)")
        for (name, encoding) in [("ulaw.wav", WAVFile.Encoding.ulaw), ("alaw.wav", .alaw)] {
            let file = try WAVFile(contentsOf: URL(fileURLWithPath: path(name)))
            XCTAssertEqual(file.encoding, encoding)
            XCTAssertEqual(file.samples.count, 4000)
            // G.711 error stays within a few percent of the linear original.
            let worst = zip(file.samples, pcm.samples).map { abs(Int($0) - Int($1)) }.max() ?? 0
            XCTAssertLessThan(worst, 1100, name)
        }
        XCTAssertThrowsError(try WAVFile(contentsOf: URL(fileURLWithPath: path("cd.wav")))) { error in
            XCTAssertEqual(error as? WAVError, .unsupportedFormat(formatTag: 1, channels: 2, sampleRate: 44100, bitsPerSample: 16))
        }
    }
}
