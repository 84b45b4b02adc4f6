import Foundation
import XCTest

/// Runs a Python script with Debian's python3 (and python3-openpyxl, installed by the
/// test command), so spreadsheets are checked or made by an independent implementation.
enum Python {
    static func run(_ script: String, arguments: [String]) throws -> String {
        let python = "/usr/bin/python3"
        guard FileManager.default.isExecutableFile(atPath: python) else {
            throw XCTSkip("python3-openpyxl is not installed (scripts/install-deps.sh test)")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = ["-c", script] + arguments
        let pipe = Pipe()
        let errors = Pipe()
        process.standardOutput = pipe
        process.standardError = errors
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        let errorText = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        while process.isRunning { usleep(10_000) }
        if errorText.contains("No module named 'openpyxl'") {
            throw XCTSkip("python3-openpyxl is not installed (scripts/install-deps.sh test)")
        }
        XCTAssertEqual(process.terminationStatus, 0, errorText)
        return String(decoding: data, as: UTF8.self)
    }
}
