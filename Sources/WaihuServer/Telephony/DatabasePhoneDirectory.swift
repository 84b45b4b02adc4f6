import Fluent
import Vapor
import WaihuDialer

/// The engine's phone passwords, read from the phones table at each REGISTER, so a
/// phone added or removed from the admin page counts at once without a restart.
struct DatabasePhoneDirectory: PhoneDirectory {
    let application: Application

    func password(forExtension phoneExtension: String) async -> String? {
        try? await PhoneRecord.query(on: application.db).filter(\.$phoneExtension == phoneExtension).first()?.password
    }
}
