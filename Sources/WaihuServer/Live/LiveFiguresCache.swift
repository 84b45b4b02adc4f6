import Foundation
import NIOConcurrencyHelpers
import Fluent
import SQLKit
import Vapor
import WaihuDomain

/// Today's figures computed once per change and shared by every wallboard that shows them.
///
/// Fifty wallboards of the same center, woken by the same event import, used to compute
/// the same two KPI reports fifty times; under load a wallboard took 4.5 s to update. Keyed
/// by day and scope at the hub's generation: the first stream to ask computes, the others
/// wait for that one computation, and a keep-alive costs nothing.
final class LiveFiguresCache: Sendable {
    private struct Key: Hashable {
        var day: String
        var scope: ReportScope
    }

    private struct Entry {
        var generation: Int
        var figures: Task<LiveFigures, Error>
    }

    private let entries = NIOLockedValueBox<[Key: Entry]>([:])

    func figures(day: CalendarDay, scope: ReportScope, generation: Int, database: Database) async throws -> LiveFigures {
        let key = Key(day: day.description, scope: scope)
        let task = entries.withLockedValue { entries -> Task<LiveFigures, Error> in
            if let entry = entries[key], entry.generation == generation { return entry.figures }
            let task = Task { try await LiveFigures.compute(database: database, day: day, scope: scope) }
            entries[key] = Entry(generation: generation, figures: task)
            // Old scopes and days are few (one per team leader); drop the stale ones.
            entries = entries.filter { $0.value.generation >= generation - 1 }
            return task
        }
        do {
            return try await task.value
        } catch {
            // A failed computation is not kept: the next stream tries again.
            entries.withLockedValue { entries in
                if entries[key]?.generation == generation { entries[key] = nil }
            }
            throw error
        }
    }
}

extension Application {
    private struct LiveFiguresCacheKey: StorageKey, LockKey {
        typealias Value = LiveFiguresCache
    }

    var liveFiguresCache: LiveFiguresCache {
        if let cache = storage[LiveFiguresCacheKey.self] { return cache }
        return locks.lock(for: LiveFiguresCacheKey.self).withLock {
            if let cache = storage[LiveFiguresCacheKey.self] { return cache }
            let cache = LiveFiguresCache()
            storage[LiveFiguresCacheKey.self] = cache
            return cache
        }
    }
}
