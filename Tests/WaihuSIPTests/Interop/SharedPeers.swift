import Foundation

/// The peer recipes in the project's `shared/peers/`, which sits beside the checkout
/// (`../shared`) on developer machines and in CI.
enum SharedPeers {
    static func path(_ name: String) -> String {
        var root = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { root.deleteLastPathComponent() }
        let beside = root.deletingLastPathComponent().appendingPathComponent("shared/peers/\(name)").path
        return FileManager.default.fileExists(atPath: beside) ? beside : "/work/shared/peers/\(name)"
    }
}
