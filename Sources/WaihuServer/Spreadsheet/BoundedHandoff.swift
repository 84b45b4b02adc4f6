import Foundation

/// Hands items from a producer thread to one consumer, in order, with at most `capacity`
/// waiting: the producer blocks when the consumer falls behind, so memory stays bounded.
/// The producer ends with `finish` (and an error, if any), which the consumer sees after
/// the last item; the consumer may `cancel`, which makes the producer's next `put` throw.
final class BoundedHandoff<Item>: @unchecked Sendable {
    private let capacity: Int
    private let condition = NSCondition()
    // Guarded by `condition`:
    private var items: [Item] = []
    private var finished = false
    private var failure: Error?
    private var cancelled = false

    init(capacity: Int) {
        self.capacity = capacity
    }

    /// Producer: waits for room, then queues `item`; throws `CancellationError` once cancelled.
    func put(_ item: Item) throws {
        condition.lock()
        defer { condition.unlock() }
        while items.count >= capacity, !cancelled { condition.wait() }
        if cancelled { throw CancellationError() }
        items.append(item)
        condition.broadcast()
    }

    /// Producer: no more items; `failure` is thrown to the consumer after the queued items.
    func finish(throwing failure: Error? = nil) {
        condition.lock()
        finished = true
        if !cancelled { self.failure = failure }
        condition.broadcast()
        condition.unlock()
    }

    /// Consumer: the next item, nil after the last one, or the producer's failure.
    func take() throws -> Item? {
        condition.lock()
        defer { condition.unlock() }
        while items.isEmpty, !finished { condition.wait() }
        if !items.isEmpty {
            condition.broadcast()
            return items.removeFirst()
        }
        if let failure { throw failure }
        return nil
    }

    /// Consumer: stop the producer; queued items are dropped.
    func cancel() {
        condition.lock()
        cancelled = true
        items.removeAll()
        condition.broadcast()
        condition.unlock()
    }
}
