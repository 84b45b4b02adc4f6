import Foundation
import Vapor
import WaihuDomain

/// Imports started through the API, run in the background so that the upload returns at
/// once and the page can poll progress. Kept in memory: a restart forgets finished jobs
/// (their batches and leads are in the database) and a job that was running rolls back
/// with its transaction.
public actor ImportJobs {
    public enum State: String, Codable, Sendable {
        case running, done, failed
    }

    public struct Job: Content, Sendable {
        public var id: UUID
        public var state: State
        public var batch: String
        public var source: String
        public var startedBy: String
        public var fractionRead: Double
        public var rows: Int
        public var imported: Int
        public var report: ImportReport?
        public var error: String?
        public var format: String?

        enum CodingKeys: String, CodingKey {
            case id, state, batch, source, startedBy = "started_by", fractionRead = "fraction_read", rows, imported,
                 report, error, format
        }
    }

    private var jobs: [UUID: Job] = [:]

    public init() {}

    func start(batch: String, source: String, by user: String) -> UUID {
        let id = UUID()
        jobs[id] = Job(id: id, state: .running, batch: batch, source: source, startedBy: user, fractionRead: 0, rows: 0, imported: 0)
        return id
    }

    func progress(_ id: UUID, _ progress: LeadImporter.Progress) {
        // Reports arrive through separate tasks: keep only news, never a step back.
        guard let job = jobs[id], job.state == .running, progress.rows >= job.rows else { return }
        jobs[id]?.fractionRead = progress.fractionRead
        jobs[id]?.rows = progress.rows
        jobs[id]?.imported = progress.imported
    }

    func finish(_ id: UUID, result: LeadImporter.Result) {
        jobs[id]?.state = .done
        jobs[id]?.fractionRead = 1
        jobs[id]?.rows = result.report.rows
        jobs[id]?.imported = result.report.imported
        jobs[id]?.report = result.report
        jobs[id]?.format = result.format.rawValue
    }

    func fail(_ id: UUID, message: String) {
        jobs[id]?.state = .failed
        jobs[id]?.error = message
        // The transaction rolled back: nothing of the file was imported.
        jobs[id]?.imported = 0
    }

    public func job(_ id: UUID) -> Job? { jobs[id] }
}

extension Application {
    private struct ImportJobsKey: StorageKey { typealias Value = ImportJobs }

    public var importJobs: ImportJobs {
        if let jobs = storage[ImportJobsKey.self] { return jobs }
        let jobs = ImportJobs()
        storage[ImportJobsKey.self] = jobs
        return jobs
    }
}
