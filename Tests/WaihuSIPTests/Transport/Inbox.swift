import Foundation

/// Thread-safe list that event-loop callbacks append to and the test polls.
final class Inbox<Element: Sendable>: @unchecked Sendable {
    fileprivate let lock = NSLock()
    fileprivate var items: [Element] = []
    private var taken = 0

    func append(_ item: Element) {
        lock.withLock { items.append(item) }
    }

    private func takeNext() -> Element? {
        lock.withLock {
            guard taken < items.count else { return nil }
            taken += 1
            return items[taken - 1]
        }
    }

    /// The next unread item, waiting up to `seconds` for it.
    func next(seconds: Double = 5) async throws -> Element {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if let item = takeNext() { return item }
            try await Task.sleep(nanoseconds: 5_000_000)
        }
        throw CancellationError()
    }
}

extension Inbox {
    /// Everything received so far, read or not.
    var all: [Element] { lock.withLock { items } }
}
