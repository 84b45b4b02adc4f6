/// The offset histogram of one search: for each (announcement, time offset) pair, how many
/// of the heard landmarks were found in that announcement at that offset. A real match
/// piles its votes on one offset (the time between the start of the recording and the
/// start of the call's audio); chance hits scatter over thousands of offsets.
///
/// Open addressing in fixed arrays, made on the first vote (an idle or silent call never
/// makes them). When `capacity` pairs are stored, new pairs are dropped (the existing ones
/// still count): by then the analyser has heard far more than a match needs.
public struct AnnouncementVotes: Sendable {
    static let slots = 4096
    /// Three quarters of the slots: beyond that, probing gets long.
    public static let capacity = 3072

    private let announcementCount: Int
    private var keys: [UInt64] = []
    private var counts: [UInt16] = []
    /// Per announcement: the most votes on one offset ±1 column, and when that last grew.
    private var best: [UInt16] = []
    private var grewAt: [Int32] = []
    /// The latest time a vote came from (the column of the newest landmark's second peak).
    public private(set) var now = 0
    /// The two announcements with the most aligned votes, kept as votes come (a count only
    /// grows, so the top two change only when one of them is passed).
    private var first = -1
    private var second = -1
    public private(set) var storedPairs = 0
    /// Landmarks looked up so far (the score's denominator).
    public private(set) var heard = 0

    private static let empty = UInt64.max

    public init(announcementCount: Int) {
        self.announcementCount = announcementCount
    }

    /// One heard landmark was looked up (whether or not it was found).
    public mutating func countHeard() {
        heard += 1
    }

    /// A landmark completed at column `at` was found in `announcement` (its index in the
    /// index) at `offset` columns.
    public mutating func vote(announcement: Int, offset: Int, at time: Int) {
        if keys.isEmpty {
            keys = [UInt64](repeating: Self.empty, count: Self.slots)
            counts = [UInt16](repeating: 0, count: Self.slots)
            best = [UInt16](repeating: 0, count: announcementCount)
            grewAt = [Int32](repeating: 0, count: announcementCount)
        }
        now = max(now, time)
        let key = Self.key(announcement, offset)
        var slot = Self.slot(key)
        while keys[slot] != key {
            if keys[slot] == Self.empty {
                guard storedPairs < Self.capacity else { return }
                keys[slot] = key
                storedPairs += 1
                break
            }
            slot = (slot + 1) & (Self.slots - 1)
        }
        if counts[slot] < UInt16.max { counts[slot] += 1 }
        // Frame loss and jitter can move a landmark by one column: count the neighbours too.
        let around = Int(counts[slot]) + count(announcement, offset - 1) + count(announcement, offset + 1)
        if around > Int(best[announcement]) {
            best[announcement] = UInt16(min(around, Int(UInt16.max)))
            grewAt[announcement] = Int32(truncatingIfNeeded: time)
            if announcement == first { return }
            if first < 0 || best[announcement] > best[first] {
                second = first
                first = announcement
            } else if announcement != second, second < 0 || best[announcement] > best[second] {
                second = announcement
            }
        }
    }

    /// Where the search stands: the announcement with the most aligned votes and the best
    /// of the others.
    public struct Standings: Sendable, Equatable {
        /// Index of the leading announcement.
        public var leader: Int
        public var votes: Int
        /// The most aligned votes of any other announcement (0 if none).
        public var runnerUp: Int
        /// Columns since the runner-up last gained a vote (0 if there is none).
        public var runnerUpIdle: Int
        /// Columns since the leader last gained one.
        public var leaderIdle: Int

        public init(leader: Int, votes: Int, runnerUp: Int, runnerUpIdle: Int, leaderIdle: Int) {
            self.leader = leader
            self.votes = votes
            self.runnerUp = runnerUp
            self.runnerUpIdle = runnerUpIdle
            self.leaderIdle = leaderIdle
        }
    }

    public func standings() -> Standings? {
        guard first >= 0 else { return nil }
        return Standings(leader: first, votes: Int(best[first]), runnerUp: second >= 0 ? Int(best[second]) : 0,
                         runnerUpIdle: second >= 0 ? now - Int(grewAt[second]) : 0, leaderIdle: now - Int(grewAt[first]))
    }

    private func count(_ announcement: Int, _ offset: Int) -> Int {
        let key = Self.key(announcement, offset)
        var slot = Self.slot(key)
        while keys[slot] != Self.empty {
            if keys[slot] == key { return Int(counts[slot]) }
            slot = (slot + 1) & (Self.slots - 1)
        }
        return 0
    }

    @inline(__always)
    private static func key(_ announcement: Int, _ offset: Int) -> UInt64 {
        UInt64(announcement) << 32 | UInt64(UInt32(truncatingIfNeeded: offset))
    }

    @inline(__always)
    private static func slot(_ key: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 52)
    }
}
