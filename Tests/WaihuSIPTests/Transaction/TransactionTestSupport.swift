@testable import WaihuSIP

enum TransactionFixtures {
    static func request(_ method: SIPMethod, branch: String = "z9hG4bKt1", cseq: UInt32 = 1) -> SIPRequest {
        var headers = SIPHeaders()
        headers.add("Via", "SIP/2.0/UDP 10.0.0.1:5060;branch=\(branch);rport")
        headers.add("Max-Forwards", "70")
        headers.add("From", "<sip:waihu@10.0.0.1>;tag=from1")
        headers.add("To", "<sip:13800138000@trunk.example.cn>")
        headers.add("Call-ID", "call-1@10.0.0.1")
        headers.add("CSeq", "\(cseq) \(method)")
        headers.add("Route", "<sip:proxy.example.cn;lr>")
        return SIPRequest(method: method, uri: try! SIPURI(parsing: "sip:13800138000@trunk.example.cn"), headers: headers)
    }

    static func response(_ code: Int, to request: SIPRequest, toTag: String? = "to1") -> SIPResponse {
        SIPResponse(replyingTo: request, statusCode: code, toTag: toTag)
    }

    /// The timers a list of actions starts, in order, for schedule assertions.
    static func started(_ actions: [SIPTransactionAction]) -> [SIPTimer: Duration] {
        var result: [SIPTimer: Duration] = [:]
        for case .startTimer(let timer, let duration) in actions { result[timer] = duration }
        return result
    }

    static func sentRequests(_ actions: [SIPTransactionAction]) -> [SIPRequest] {
        actions.compactMap { if case .sendRequest(let request) = $0 { return request } else { return nil } }
    }

    static func sentResponses(_ actions: [SIPTransactionAction]) -> [SIPResponse] {
        actions.compactMap { if case .sendResponse(let response) = $0 { return response } else { return nil } }
    }
}
