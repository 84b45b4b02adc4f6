import Foundation

/// Hand-written messages shared by the tests. `crlf` turns readable `\n` text into the
/// wire form so the fixtures stay legible.
enum SIPTestMessages {
    static func crlf(_ text: String) -> [UInt8] {
        Array(text.replacingOccurrences(of: "\n", with: "\r\n").utf8)
    }

    /// An INVITE in the shape SIPp's uac scenario sends (long header names, SDP body).
    static let sippInvite = crlf("""
    INVITE sip:1001@127.0.0.1:5062 SIP/2.0
    Via: SIP/2.0/UDP 127.0.0.1:5080;branch=z9hG4bK-3171-1-0
    From: sipp <sip:13800138000@127.0.0.1:5080>;tag=3171SIPpTag001
    To: 1001 <sip:1001@127.0.0.1:5062>
    Call-ID: 1-3171@127.0.0.1
    CSeq: 1 INVITE
    Contact: sip:sipp@127.0.0.1:5080
    Max-Forwards: 70
    Subject: Performance Test
    Content-Type: application/sdp
    Content-Length:   149

    v=0
    o=user1 53655765 2353687637 IN IP4 127.0.0.1
    s=-
    c=IN IP4 127.0.0.1
    t=0 0
    m=audio 16200 RTP/AVP 8 0 101
    a=rtpmap:101 telephone-event/8000

    """)
}
