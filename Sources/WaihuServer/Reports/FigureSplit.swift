import WaihuDomain

/// One figure split by the cases of a stored enum (not-ready time by reason, agents by
/// skill), with a slot for every case, so that a split of zeros equals an empty one and a
/// report row with nothing in it stays empty.
public struct FigureSplit<Case: StoredEnum & Hashable>: Sendable, Equatable {
    private var values = [Double](repeating: 0, count: Case.allCases.count)

    public init() {}

    public subscript(_ part: Case) -> Double {
        get { values[Self.slot(part)] }
        set { values[Self.slot(part)] = newValue }
    }

    private static func slot(_ part: Case) -> Int {
        Case.allCases.distance(from: Case.allCases.startIndex, to: Case.allCases.firstIndex(of: part)!)
    }
}
