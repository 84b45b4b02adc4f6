import Foundation
import WaihuMedia

/// The engine's current set of learned announcements, replaced whole when a list manager
/// teaches or removes one; read once per call, so a lock held for a pointer copy is enough.
final class AnnouncementShelf: @unchecked Sendable {
    private let lock = NSLock()
    private var current = AnnouncementIndex([])

    var index: AnnouncementIndex {
        get { lock.withLock { current } }
        set { lock.withLock { current = newValue } }
    }
}
