import Foundation

/// `waihu bench pacing`: the predictive pacer against progressive dialling and the optimum-derived
/// targets, over many seeded shifts per point.
public enum PacingBenchmark {
    /// Busy occupancy the issue derives from an exact optimisation at a 3 % cap and 25 % answers.
    public static let referenceTargets: [Int: Double] = [10: 0.88, 20: 0.91, 50: 0.945]
    public static let targetTolerance = 0.015

    public static func run(agentCounts: [Int] = [5, 10, 20, 50], answerProbabilities: [Double] = [0.15, 0.25, 0.35],
                           shifts: Int = 30, hours: Double = 8, cap: Double = 0.03, baseSeed: UInt64 = 1,
                           parallel: Bool = true) throws -> PacingBenchmarkReport {
        guard (1...10_000).contains(shifts) else { throw PacingParameterError.shiftsOutOfRange(shifts) }
        var jobs: [PacingSimulationParameters] = []
        for agents in agentCounts {
            for answer in answerProbabilities {
                for shift in 0..<shifts {
                    var p = PacingSimulationParameters()
                    p.agents = agents
                    p.answerProbability = answer
                    p.hours = hours
                    p.cap = cap
                    p.seed = baseSeed &+ UInt64(shift)
                    p.mode = .predictive
                    try p.validate()
                    jobs.append(p)
                }
            }
        }
        let results = try runAll(jobs, parallel: parallel)
        var points: [PacingBenchmarkPoint] = []
        var index = 0
        for agents in agentCounts {
            for answer in answerProbabilities {
                let slice = Array(results[index..<(index + shifts)])
                index += shifts
                points.append(summarize(slice, agents: agents, answer: answer, cap: cap))
            }
        }
        return PacingBenchmarkReport(cap: cap, hours: hours, shiftsPerPoint: shifts, points: points)
    }

    private static func runAll(_ jobs: [PacingSimulationParameters], parallel: Bool) throws -> [ShiftResult] {
        guard parallel else { return try jobs.map { try PacingSimulator.run($0) } }
        let box = ResultBox(count: jobs.count)
        DispatchQueue.concurrentPerform(iterations: jobs.count) { i in
            box.set(i, Result { try PacingSimulator.run(jobs[i]) })
        }
        return try box.values.map { try $0!.get() }
    }

    static func summarize(_ shifts: [ShiftResult], agents: Int, answer: Double, cap: Double) -> PacingBenchmarkPoint {
        let n = Double(shifts.count)
        func mean(_ f: (ShiftMetrics) -> Double) -> Double { shifts.reduce(0) { $0 + f($1.pacer) } / n }
        let progressive = shifts.reduce(0) { $0 + ($1.progressive?.busyOccupancy ?? 0) } / n
        let overCap = shifts.filter { $0.pacer.abandonRate > cap + 1e-12 }.count
        let below = shifts.filter { $0.pacer.busyOccupancy < ($0.progressive?.busyOccupancy ?? 0) }.count
        let busy = mean(\.busyOccupancy)
        let target = abs(answer - 0.25) < 1e-9 && abs(cap - 0.03) < 1e-9 ? referenceTargets[agents] : nil
        return PacingBenchmarkPoint(
            agents: agents, answerProbability: answer, shifts: shifts.count,
            busyOccupancy: busy, talkOccupancy: mean(\.talkOccupancy), meanWait: mean(\.meanWait), p90Wait: mean(\.p90Wait),
            abandonRate: mean(\.abandonRate), maxShiftAbandonRate: shifts.map(\.pacer.abandonRate).max() ?? 0,
            contactsPerAgentHour: mean(\.contactsPerAgentHour), dialsPerContact: mean(\.dialsPerContact),
            progressiveBusyOccupancy: progressive, shiftsOverCap: overCap, shiftsBelowProgressive: below,
            targetBusyOccupancy: target,
            meetsOccupancyTarget: target.map { busy >= $0 - targetTolerance },
            meetsAbandonTarget: Double(overCap) < 0.05 * n,
            meetsProgressiveFloor: busy >= progressive)
    }
}

/// Collects results written from `concurrentPerform` workers, one slot each.
private final class ResultBox: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var values: [Result<ShiftResult, Error>?]
    init(count: Int) { values = Array(repeating: nil, count: count) }
    func set(_ i: Int, _ value: Result<ShiftResult, Error>) {
        lock.lock(); values[i] = value; lock.unlock()
    }
}
