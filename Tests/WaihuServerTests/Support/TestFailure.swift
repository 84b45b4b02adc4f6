/// Something a test waits for did not happen (the server gave no port, the stream ended, the
/// browser gave no session, `waihu serve` never printed its line). Thrown so the test fails
/// with what went wrong: only a tool that is not installed may skip a test.
struct TestFailure: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) {
        self.description = description
    }
}
