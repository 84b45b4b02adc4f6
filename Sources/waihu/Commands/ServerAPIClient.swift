import Foundation
import Vapor

/// JSON over HTTP to a running `waihu serve`, for commands that need what only the
/// server holds (the phones registered to its engine). Kept apart from the command
/// types: Vapor's `Option` would shadow ArgumentParser's.
struct ServerAPIClient {
    let baseURL: String
    var token: String?

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// Runs `body` with a client on a throwaway Vapor application (its HTTP client),
    /// with a read timeout long enough for a whole test call.
    static func with<T>(baseURL: String, _ body: (inout ServerAPIClient, Application) async throws -> T) async throws -> T {
        let app = try await Application.make(Environment(name: "production", arguments: ["waihu"]))
        app.logger.logLevel = .warning
        app.http.client.configuration.timeout = .init(connect: .seconds(10), read: .seconds(3600))
        var client = ServerAPIClient(baseURL: baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL)
        do {
            let result = try await body(&client, app)
            try await app.asyncShutdown()
            return result
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
    }

    /// POSTs a JSON object and returns the reply's bytes; a non-2xx reply is an error with the server's reason.
    func post(_ path: String, _ object: [String: Any], on app: Application) async throws -> Data {
        let data = try JSONSerialization.data(withJSONObject: object)
        var headers = HTTPHeaders()
        headers.contentType = .json
        if let token { headers.bearerAuthorization = BearerAuthorization(token: token) }
        let response: ClientResponse
        do {
            response = try await app.client.post(URI(string: baseURL + "/api/v1" + path), headers: headers) { request in
                request.body = ByteBuffer(bytes: data)
            }
        } catch {
            throw Failure(description: "cannot reach waihu at \(baseURL): \(error)")
        }
        return try Self.check(response)
    }

    func get(_ path: String, on app: Application) async throws -> Data {
        var headers = HTTPHeaders()
        if let token { headers.bearerAuthorization = BearerAuthorization(token: token) }
        let response: ClientResponse
        do { response = try await app.client.get(URI(string: baseURL + "/api/v1" + path), headers: headers) } catch {
            throw Failure(description: "cannot reach waihu at \(baseURL): \(error)")
        }
        return try Self.check(response)
    }

    /// Logs in and keeps the token for the following requests.
    mutating func login(username: String, password: String, on app: Application) async throws {
        let data = try await post("/auth/login", ["username": username, "password": password], on: app)
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any], let token = object["token"] as? String else {
            throw Failure(description: "login: the server's reply held no token")
        }
        self.token = token
    }

    private static func check(_ response: ClientResponse) throws -> Data {
        let data = response.body.map { Data($0.readableBytesView) } ?? Data()
        guard (200..<300).contains(response.status.code) else {
            let reason = (try? JSONSerialization.jsonObject(with: data) as? [String: Any])?["reason"] as? String
            throw Failure(description: "server answered \(response.status.code): \(reason ?? String(decoding: data, as: UTF8.self))")
        }
        return data
    }
}
