/// Every learned announcement's landmarks, by hash: built once when the announcements
/// change and shared (read-only) by all calls' analysers.
///
/// Layout: a table of `SpectralPeakHasher.hashSpace` + 1 start positions (4 MB) into one
/// array of postings (announcement, time), grouped by hash, so that a lookup is two reads.
/// A hash found more than `maximumPostings` times is dropped: it is in nearly everything
/// (a steady tone, a hum) and would only add chance votes and work.
public final class AnnouncementIndex: Sendable {
    public struct Entry: Sendable, Equatable {
        public var id: Int
        public var label: String
        public var name: String
        /// Length of the learned recording, seconds.
        public var durationSeconds: Double
    }

    public static let maximumPostings = 200

    /// The announcements, in the order given; a posting names one by its position here.
    public let entries: [Entry]
    public let rule: AnnouncementMatchRule
    private let starts: [UInt32]
    private let postingAnnouncements: [UInt16]
    private let postingTimes: [UInt32]

    /// At most 65,535 announcements (the posting's announcement is 16 bits); more are ignored.
    public init(_ announcements: [LearnedAnnouncement], rule: AnnouncementMatchRule = .default) {
        let announcements = Array(announcements.prefix(Int(UInt16.max)))
        entries = announcements.map {
            Entry(id: $0.id, label: $0.label, name: $0.name, durationSeconds: $0.fingerprint.durationSeconds)
        }
        self.rule = rule
        let total = announcements.reduce(0) { $0 + $1.fingerprint.landmarks.count }
        guard total > 0 else {
            starts = []
            postingAnnouncements = []
            postingTimes = []
            return
        }
        // Counting sort by hash.
        var counts = [UInt32](repeating: 0, count: SpectralPeakHasher.hashSpace)
        for announcement in announcements {
            for landmark in announcement.fingerprint.landmarks { counts[Int(landmark.hash)] += 1 }
        }
        var starts = [UInt32](repeating: 0, count: SpectralPeakHasher.hashSpace + 1)
        var position: UInt32 = 0
        for hash in 0..<SpectralPeakHasher.hashSpace {
            starts[hash] = position
            if counts[hash] <= Self.maximumPostings { position += counts[hash] }
        }
        starts[SpectralPeakHasher.hashSpace] = position
        var next = starts
        var owners = [UInt16](repeating: 0, count: Int(position))
        var times = [UInt32](repeating: 0, count: Int(position))
        for (index, announcement) in announcements.enumerated() {
            for landmark in announcement.fingerprint.landmarks {
                let hash = Int(landmark.hash)
                guard counts[hash] <= Self.maximumPostings else { continue }
                let slot = Int(next[hash])
                owners[slot] = UInt16(index)
                times[slot] = landmark.time
                next[hash] += 1
            }
        }
        self.starts = starts
        postingAnnouncements = owners
        postingTimes = times
    }

    public var isEmpty: Bool { starts.isEmpty }
    public var count: Int { entries.count }
    /// Landmarks stored (for the benchmark's report).
    public var postingCount: Int { postingTimes.count }

    /// Looks `landmark` up and votes for every announcement that has it.
    @inline(__always)
    public func lookUp(_ landmark: Landmark, into votes: inout AnnouncementVotes) {
        votes.countHeard()
        guard !starts.isEmpty else { return }
        let hash = Int(landmark.hash)
        let start = Int(starts[hash]), end = Int(starts[hash + 1])
        guard start < end else { return }
        let time = Int(landmark.time)
        let completed = time + Int(landmark.hash & 63)
        for posting in start..<end {
            votes.vote(announcement: Int(postingAnnouncements[posting]), offset: Int(postingTimes[posting]) - time, at: completed)
        }
    }

    /// New, empty votes for this index.
    public func makeVotes() -> AnnouncementVotes {
        AnnouncementVotes(announcementCount: entries.count)
    }

    /// The announcement the votes name under `rule`, if any.
    public func decide(_ votes: AnnouncementVotes) -> AnnouncementMatch? {
        guard let standings = votes.standings(), rule.accepts(standings, heard: votes.heard) else { return nil }
        let entry = entries[standings.leader]
        let score = min(1, Double(standings.votes) / Double(max(votes.heard, 1)))
        return AnnouncementMatch(id: entry.id, label: entry.label, name: entry.name, score: score, votes: standings.votes)
    }

    /// The learned announcement these landmarks (of one stretch of audio) come from, if any.
    public func match(_ landmarks: [Landmark]) -> AnnouncementMatch? {
        var votes = makeVotes()
        for landmark in landmarks { lookUp(landmark, into: &votes) }
        return decide(votes)
    }

    /// The best candidate whatever the rule says, for diagnostics and the benchmark: the
    /// announcement with the most aligned votes, its votes, the runner-up's votes.
    public func candidates(_ landmarks: [Landmark]) -> (id: Int, votes: Int, runnerUp: Int, heard: Int)? {
        var votes = makeVotes()
        for landmark in landmarks { lookUp(landmark, into: &votes) }
        guard let standings = votes.standings() else { return nil }
        return (entries[standings.leader].id, standings.votes, standings.runnerUp, votes.heard)
    }
}
