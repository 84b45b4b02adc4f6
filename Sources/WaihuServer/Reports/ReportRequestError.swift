import Vapor

/// A report request that cannot be answered; the message names the parameter.
public enum ReportRequestError: Error, Equatable, CustomStringConvertible, AbortError {
    case missingParameter(String)
    case invalidParameter(String, String)
    case unknownReport(String)

    public var description: String {
        switch self {
        case .missingParameter(let name): return "parameter '\(name)' is required"
        case .invalidParameter(let name, let reason): return "parameter '\(name)': \(reason)"
        case .unknownReport(let name):
            return "no report named '\(name)' (known: \(ReportKind.allCases.map(\.rawValue).joined(separator: ", ")))"
        }
    }

    public var status: HTTPResponseStatus {
        if case .unknownReport = self { return .notFound }
        return .badRequest
    }

    public var reason: String { description }
}
