import Vapor

/// `GET /api/v1/vocabulary`: the server's lists of stored values with their names (audit
/// actions, dialing modes, disposition categories, not-ready reasons, roles, campaign
/// statuses), for every logged-in user: the pages build their menus from it.
struct VocabularyController {
    func register(on api: RoutesBuilder) {
        api.guarded(.authenticated).get("vocabulary") { _ in Vocabulary.current }
    }
}
