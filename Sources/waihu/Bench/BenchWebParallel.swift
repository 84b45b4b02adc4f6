/// Runs `body` for 0..<count with at most `width` running at once (as a web page that sends
/// N requests at a time would), and returns the results in index order.
enum BenchWebParallel {
    static func map<T: Sendable>(_ count: Int, width: Int, _ body: @escaping @Sendable (Int) async -> T) async -> [T] {
        await withTaskGroup(of: (Int, T).self) { group in
            var results = [T?](repeating: nil, count: count)
            var next = 0
            while next < min(max(width, 1), count) {
                let index = next
                group.addTask { (index, await body(index)) }
                next += 1
            }
            while let (index, result) = await group.next() {
                results[index] = result
                if next < count {
                    let index = next
                    group.addTask { (index, await body(index)) }
                    next += 1
                }
            }
            return results.map { $0! }
        }
    }
}
