/// Collects key presses for an IVR question (按键收集), e.g. "press 1 to renew": ends at
/// the maximum number of digits, the terminator key, or a timeout. Time is passed in as
/// the offset since the prompt ended, so the collector is pure and testable.
public struct DigitCollector: Sendable, Equatable {
    public struct Configuration: Sendable, Equatable {
        public var maximumDigits: Int
        /// Ends input without being part of it; `nil` for none.
        public var terminator: Character?
        public var firstDigitTimeout: Duration
        public var interDigitTimeout: Duration

        public init(maximumDigits: Int = 1, terminator: Character? = "#",
                    firstDigitTimeout: Duration = .seconds(5), interDigitTimeout: Duration = .seconds(3)) {
            self.maximumDigits = max(1, maximumDigits)
            self.terminator = terminator
            self.firstDigitTimeout = firstDigitTimeout
            self.interDigitTimeout = interDigitTimeout
        }
    }

    public enum Reason: String, Sendable, Equatable {
        case maximumDigits, terminator, interDigitTimeout, noInput
    }

    public enum Status: Sendable, Equatable {
        case collecting
        case finished(digits: String, reason: Reason)
    }

    public let configuration: Configuration
    public private(set) var digits = ""
    public private(set) var status: Status = .collecting
    private var lastActivity: Duration

    public init(configuration: Configuration, startedAt: Duration = .zero) {
        self.configuration = configuration
        self.lastActivity = startedAt
    }

    /// When `tick` should next be called if no digit arrives.
    public var deadline: Duration? {
        guard status == .collecting else { return nil }
        return lastActivity + (digits.isEmpty ? configuration.firstDigitTimeout : configuration.interDigitTimeout)
    }

    @discardableResult
    public mutating func receive(_ digit: Character, at time: Duration) -> Status {
        guard status == .collecting else { return status }
        if let deadline, time > deadline { return tick(at: time) }
        if digit == configuration.terminator {
            status = .finished(digits: digits, reason: digits.isEmpty ? .noInput : .terminator)
            return status
        }
        digits.append(digit)
        lastActivity = time
        if digits.count >= configuration.maximumDigits {
            status = .finished(digits: digits, reason: .maximumDigits)
        }
        return status
    }

    @discardableResult
    public mutating func tick(at time: Duration) -> Status {
        guard status == .collecting, let deadline, time >= deadline else { return status }
        status = .finished(digits: digits, reason: digits.isEmpty ? .noInput : .interDigitTimeout)
        return status
    }
}
