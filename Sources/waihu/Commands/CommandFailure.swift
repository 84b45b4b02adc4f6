/// A command that ran and was refused (a file that cannot be imported, a name already taken):
/// printed as `Error: …` alone and exit status 1. `ValidationError` stays for wrong arguments,
/// which ArgumentParser answers with the usage text and status 64.
struct CommandFailure: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) {
        self.description = description
    }
}
