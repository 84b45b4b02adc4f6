import AsyncHTTPClient
import Foundation
import NIOCore
import NIOFoundationCompat

extension TestServer {
    /// POSTs `file` (and `fields`) as multipart/form-data, as the pages' upload forms send it.
    func uploadMultipart(_ path: String, token: String, file: Data, fileName: String, contentType: String,
                         fields: [String: String]) async throws -> APIClient.Reply {
        let boundary = "waihu-\(UUID().uuidString)"
        var body = Data()
        func part(_ header: String, _ content: Data) {
            body.append(Data("--\(boundary)\r\n\(header)\r\n\r\n".utf8))
            body.append(content)
            body.append(Data("\r\n".utf8))
        }
        for (name, value) in fields.sorted(by: { $0.key < $1.key }) {
            part("Content-Disposition: form-data; name=\"\(name)\"", Data(value.utf8))
        }
        part("Content-Disposition: form-data; name=\"file\"; filename=\"\(fileName)\"\r\nContent-Type: \(contentType)", file)
        body.append(Data("--\(boundary)--\r\n".utf8))
        var request = HTTPClientRequest(url: baseURL + path)
        request.method = .POST
        request.headers.add(name: "Authorization", value: "Bearer \(token)")
        request.headers.add(name: "Content-Type", value: "multipart/form-data; boundary=\(boundary)")
        request.body = .bytes(ByteBuffer(data: body))
        let response = try await client.execute(request, timeout: .seconds(30))
        let bytes = try await response.body.collect(upTo: 16 << 20)
        return APIClient.Reply(status: Int(response.status.code), headers: response.headers, body: Data(buffer: bytes))
    }
}
