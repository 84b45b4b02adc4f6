import Foundation
import XCTest
@testable import WaihuSIP

final class DigestTests: XCTestCase {
    /// RFC 2617 §3.5 example.
    func testRFC2617MD5Vector() throws {
        let challenge = try DigestChallenge(parsing: """
        Digest realm="testrealm@host.com", qop="auth,auth-int", nonce="dcd98b7102dd2f0e8b11d0f600bfb0c093", opaque="5ccc069c403ebaf9f0171e9517f40e41"
        """)
        XCTAssertEqual(challenge.algorithm, .md5)
        XCTAssertEqual(challenge.qop, ["auth", "auth-int"])
        let credentials = DigestCredentials(username: "Mufasa", password: "Circle Of Life")
        let auth = credentials.authorization(for: challenge, method: "GET", uri: "/dir/index.html",
                                             cnonce: "0a4f113b", nonceCount: 1)
        XCTAssertEqual(auth.response, "6629fae49393a05397450978507c4ef1")
        XCTAssertEqual(auth.nonceCount, "00000001")
        XCTAssertEqual(auth.qop, "auth")
        XCTAssertEqual(auth.opaque, "5ccc069c403ebaf9f0171e9517f40e41")
    }

    /// RFC 7616 §3.9.1 example, both algorithms.
    func testRFC7616Vectors() throws {
        let credentials = DigestCredentials(username: "Mufasa", password: "Circle of Life")
        let nonce = "7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v"
        let cnonce = "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ"
        let sha = DigestChallenge(realm: "http-auth@example.org", nonce: nonce, algorithm: .sha256,
                                  opaque: "FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS")
        XCTAssertEqual(credentials.authorization(for: sha, method: "GET", uri: "/dir/index.html", cnonce: cnonce).response,
                       "753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1")
        var md5 = sha
        md5.algorithm = .md5
        XCTAssertEqual(credentials.authorization(for: md5, method: "GET", uri: "/dir/index.html", cnonce: cnonce).response,
                       "8ca523f5e9506fed4657c9700eebdbec")
    }

    func testNoQopUsesRFC2069Form() {
        let challenge = DigestChallenge(realm: "r", nonce: "n", qop: [])
        let auth = DigestCredentials(username: "u", password: "p").authorization(for: challenge, method: "REGISTER", uri: "sip:h")
        let ha1 = DigestAlgorithm.md5.hexHash("u:r:p")
        let ha2 = DigestAlgorithm.md5.hexHash("REGISTER:sip:h")
        XCTAssertEqual(auth.response, DigestAlgorithm.md5.hexHash("\(ha1):n:\(ha2)"))
        XCTAssertNil(auth.qop)
        XCTAssertNil(auth.cnonce)
        XCTAssertFalse(auth.description.contains("nc="))
    }

    func testHeaderRoundTripsAndErrors() throws {
        let challenge = DigestChallenge(realm: "waihu \"cn\"", nonce: "abc,def", algorithm: .sha256, opaque: "o", stale: true)
        XCTAssertEqual(try DigestChallenge(parsing: challenge.description), challenge)
        let auth = DigestCredentials(username: "1001", password: "pw").authorization(for: challenge, method: "INVITE", uri: "sip:x@y", cnonce: "c1")
        XCTAssertEqual(try DigestAuthorization(parsing: auth.description), auth)
        XCTAssertThrowsError(try DigestChallenge(parsing: "Basic realm=\"x\"")) { error in
            XCTAssertEqual(error as? DigestError, .notDigest)
        }
        XCTAssertThrowsError(try DigestChallenge(parsing: "Digest realm=\"x\", nonce=\"n\", algorithm=SHA-512-256")) { error in
            XCTAssertEqual(error as? DigestError, .unsupportedAlgorithm("SHA-512-256"))
        }
        XCTAssertThrowsError(try DigestChallenge(parsing: "Digest nonce=\"n\""))
    }

    func testClientPrefersSHA256AndRetriesWithNewCSeqAndBranch() throws {
        let register = TransactionFixtures.request(.register, cseq: 1)
        var unauthorized = SIPResponse(replyingTo: register, statusCode: 401, toTag: "x")
        unauthorized.headers.add("WWW-Authenticate", "Digest realm=\"trunk\", nonce=\"n1\", algorithm=MD5, qop=\"auth\"")
        unauthorized.headers.add("WWW-Authenticate", "Digest realm=\"trunk\", nonce=\"n2\", algorithm=SHA-256, qop=\"auth\"")
        let retry = try DigestCredentials(username: "waihu", password: "pw").authorize(register, after: unauthorized)
        let auth = try DigestAuthorization(parsing: try XCTUnwrap(retry.headers["Authorization"]))
        XCTAssertEqual(auth.algorithm, .sha256)
        XCTAssertEqual(auth.nonce, "n2")
        XCTAssertEqual(auth.uri, "sip:13800138000@trunk.example.cn")
        XCTAssertEqual(retry.cseq, CSeq(2, .register))
        XCTAssertNotEqual(retry.topVia?.branch, register.topVia?.branch)
        XCTAssertEqual(retry.vias.count, 1)

        var proxyChallenge = SIPResponse(replyingTo: register, statusCode: 407)
        proxyChallenge.headers.add("Proxy-Authenticate", "Digest realm=\"p\", nonce=\"n3\"")
        let proxied = try DigestCredentials(username: "w", password: "p").authorize(register, after: proxyChallenge)
        XCTAssertNotNil(proxied.headers["Proxy-Authorization"])
        XCTAssertThrowsError(try DigestCredentials(username: "w", password: "p")
            .authorize(register, after: SIPResponse(replyingTo: register, statusCode: 401)))
    }

    func testServerVerifiesIssuedNoncesAndExpiresThem() {
        let issuedAt = Date(timeIntervalSince1970: 1_800_000_000)
        let server = DigestAuthenticator(realm: "waihu", secret: Array("s3cret".utf8), algorithm: .sha256, nonceLifetime: 300)
        let challenge = server.challenge(now: issuedAt)
        XCTAssertEqual(challenge.algorithm, .sha256)
        let phone = DigestCredentials(username: "8001", password: "agentpw")
        let auth = phone.authorization(for: challenge, method: "REGISTER", uri: "sip:waihu.local", cnonce: "abc")

        XCTAssertEqual(server.verify(auth, method: "REGISTER", password: "agentpw", now: issuedAt.addingTimeInterval(10)), .valid)
        XCTAssertEqual(server.verify(auth, method: "REGISTER", password: "wrong", now: issuedAt), .wrongCredentials)
        XCTAssertEqual(server.verify(auth, method: "INVITE", password: "agentpw", now: issuedAt), .wrongCredentials)
        XCTAssertEqual(server.verify(auth, method: "REGISTER", password: "agentpw", now: issuedAt.addingTimeInterval(301)), .staleNonce)

        var forged = auth
        forged.nonce = "6b49d200.00000000000000000000000000000000"
        XCTAssertEqual(server.verify(forged, method: "REGISTER", password: "agentpw", now: issuedAt), .invalidNonce)
        let otherServer = DigestAuthenticator(realm: "waihu", secret: Array("other".utf8))
        XCTAssertEqual(otherServer.verify(auth, method: "REGISTER", password: "agentpw", now: issuedAt), .invalidNonce)
    }
}
