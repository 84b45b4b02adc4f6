/// Mixes several lead lists in one campaign by ratio (名单配比), e.g. 3 new leads for each renewal.
///
/// Smooth weighted round robin: every pick credits each list with its weight and takes the list
/// with the most credit, so a 3:1 mix dials A A B A rather than A A A B and stays close to the
/// ratio over any short stretch. Lists that have run dry are skipped without losing their turn order.
public struct ListMix: Sendable, Equatable {
    public private(set) var weights: [String: Int]
    private var credit: [String: Int] = [:]

    public init(weights: [String: Int]) throws {
        for (list, weight) in weights where weight < 0 {
            throw ListMixError.negativeWeight(listID: list, weight: weight)
        }
        guard weights.values.contains(where: { $0 > 0 }) else { throw ListMixError.noPositiveWeight }
        self.weights = weights
    }

    /// The list to take the next lead from, among those that still have leads (`available`).
    public mutating func next(available: Set<String>) -> String? {
        let live = weights.keys.filter { available.contains($0) && weights[$0, default: 0] > 0 }.sorted()
        guard !live.isEmpty else { return nil }
        var total = 0
        var best: String?
        for list in live {
            let w = weights[list]!
            total += w
            credit[list, default: 0] += w
            if best == nil || credit[list]! > credit[best!]! { best = list }
        }
        credit[best!]! -= total
        return best
    }
}

public enum ListMixError: Error, Equatable, CustomStringConvertible {
    case negativeWeight(listID: String, weight: Int)
    case noPositiveWeight

    public var description: String {
        switch self {
        case let .negativeWeight(list, weight):
            return "List \(list) has a negative mix weight (\(weight)); weights must be 0 or more."
        case .noPositiveWeight:
            return "At least one list needs a mix weight above 0."
        }
    }
}
