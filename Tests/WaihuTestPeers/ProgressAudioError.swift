import Foundation

/// A tool that made test audio failed; the message names the command and what it printed.
public enum ProgressAudioError: Error, CustomStringConvertible {
    case toolFailed(String, [String], status: Int32?, output: String)

    public var description: String {
        switch self {
        case let .toolFailed(tool, arguments, status, output):
            "\(tool) \(arguments.joined(separator: " ")) failed (status \(status.map(String.init) ?? "none")): \(output)"
        }
    }
}
