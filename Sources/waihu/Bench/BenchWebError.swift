/// Why `waihu bench web` could not run, in words for whoever runs it.
enum BenchWebError: Error, CustomStringConvertible {
    case setUp(String)
    case step(String)

    var description: String {
        switch self {
        case .setUp(let reason): return "the bench could not set up its call center: \(reason)"
        case .step(let reason): return "the bench could not go on: \(reason)"
        }
    }
}
