import Foundation

/// Hostile and odd SIP datagrams, after the kinds of RFC 4475 (SIP torture tests),
/// written for waihu's tests. Hosts are loopback only: `VIA` is the port the flood
/// comes from (where replies to a well-formed message may legitimately go) and `TRAP`
/// a port that must never receive anything, named in every other header and in the
/// Via of messages that must be rejected.
enum TortureCorpus {
    /// Messages RFC 4475 calls valid, though unusual (§3.1.1).
    static let valid: [String] = [
        // Whitespace, folding, compact and mixed-case header names (wsinv).
        """
        INVITE sip:vivekg@127.0.0.1:TRAP;unknownparam SIP/2.0
        TO :
         sip:vivekg@127.0.0.1:TRAP ;   tag    = 1918181833n
        from   : "J Rosenberg \\\\\\""       <sip:jdrosen@127.0.0.1:TRAP>
          ;
          tag = 98asjd8
        MaX-fOrWaRdS: 0068
        Call-ID: wsinv.ndaksdj@127.0.0.1
        Content-Length   : 0
        cseq: 0009
          INVITE
        Via  : SIP  /   2.0
         /UDP
            127.0.0.1:VIA;branch=z9hG4bKkdjuw
        s :
        NewFangledHeader:   newfangled value
         continued newfangled value
        UnknownHeaderWithUnusualValue: ;;,,;;,;
        m:<sip:vivekg@127.0.0.1:TRAP>

        """,
        // A method name made of every token character (intmeth).
        """
        !interesting-Method0123456789_*+`.%indeed'~ sip:1_unusual.URI~(to-be!sure)&isn't+it$/crazy?,/;;*:&it+has=1,weird!*pas$wo~d_too.(doesn't-it)@127.0.0.1:TRAP SIP/2.0
        Via: SIP/2.0/UDP 127.0.0.1:VIA;branch=z9hG4bK-.!%66*_+`'~
        To: "BEL:\\\u{07} NUL:\\\u{01} DEL:\\\u{7F}" <sip:1_unusual.URI~(to-be!sure)&isn't+it$/crazy?,/;;*@127.0.0.1:TRAP>
        From: token1~` token2'+_ token3*%!.- <sip:mundane@127.0.0.1:TRAP>;fromParam''~+*_!.-%="работающий";tag=_token~1'+`*%!-.
        Call-ID: intmeth.word%ZK-!.*_+'@word`~)(><:\\/"][?}{
        CSeq: 139122385 !interesting-Method0123456789_*+`.%indeed'~
        Max-Forwards: 255
        extensionHeader-!.%*+_`'~: 大停電
        Content-Length: 0

        """,
        // Escaped characters in the Request-URI and a %00 in the user part (esc01, escnull).
        """
        INVITE sip:sips%3Auser%40example.com@127.0.0.1:TRAP;transport=udp SIP/2.0
        To: sip:%75se%72@127.0.0.1:TRAP
        From: <sip:I%20have%20spaces@127.0.0.1:TRAP>;tag=938
        Max-Forwards: 87
        i: esc01.239409asdfakjkn23onasd0-3234
        CSeq: 234234 INVITE
        Via: SIP/2.0/UDP 127.0.0.1:VIA;branch=z9hG4bKnasd8
        C: application/sdp
        Contact: <sip:cal%6Cer@127.0.0.1:TRAP;%6C%72;n%61me=v%61lue%25%34%31>
        Content-Length: 0

        """,
        """
        REGISTER sip:127.0.0.1 SIP/2.0
        To: sip:null-%00-null@127.0.0.1
        From: sip:null-%00-null@127.0.0.1;tag=839923423
        Max-Forwards: 70
        Call-ID: escnull.39203ndfvkjdasfkq3w4otrq0adsf0
        CSeq: 3923239 REGISTER
        Via: SIP/2.0/UDP 127.0.0.1:VIA;branch=z9hG4bKaaaa
        Contact: <sip:%00@127.0.0.1:TRAP>
        Contact: <sip:%00%00@127.0.0.1:TRAP>
        L:0

        """,
        // No space between display name and <, unknown transports (lwsdisp, transports).
        """
        OPTIONS sip:user@127.0.0.1 SIP/2.0
        To: sip:user@127.0.0.1
        From: caller<sip:caller@127.0.0.1:TRAP>;tag=323
        Max-Forwards: 70
        Call-ID: lwsdisp.1234abcd@funky.example.com
        CSeq: 60 OPTIONS
        Via: SIP/2.0/UDP 127.0.0.1:VIA;branch=z9hG4bKkdjuw
        Via: SIP/2.0/SCTP 127.0.0.1:TRAP;branch=z9hG4bKkdjuw2
        Via: SIP/2.0/TLS 127.0.0.1:TRAP;branch=z9hG4bKkdjuw3
        Via: SIP/2.0/UNKNOWN 127.0.0.1:TRAP;branch=z9hG4bKkdjuw4
        l: 0

        """,
        // Two requests in one datagram: only the first counts (dblreq).
        """
        REGISTER sip:127.0.0.1 SIP/2.0
        To: sip:j.user@127.0.0.1
        From: sip:j.user@127.0.0.1;tag=43251j3j324
        Max-Forwards: 8
        I: dblreq.0ha0isndaksdj99sdfafnl3lk233412
        Contact: sip:j.user@127.0.0.1:TRAP
        l: 0
        CSeq: 8 REGISTER
        Via: SIP/2.0/UDP 127.0.0.1:VIA;branch=z9hG4bKbaa

        INVITE sip:joe@127.0.0.1:TRAP SIP/2.0
        t: sip:joe@127.0.0.1:TRAP
        From: sip:caller@127.0.0.1:TRAP;tag=141334
        Max-Forwards: 8
        Call-ID: dblreq.0ha0isnda977644900765@127.0.0.1
        CSeq: 8 INVITE
        Via: SIP/2.0/UDP 127.0.0.1:TRAP;branch=z9hG4bKdbl2
        Content-Length: 0

        """,
        // A multipart body (mpart01) and a request for an unknown URI scheme (unkscm).
        """
        MESSAGE sip:kumiko@127.0.0.1 SIP/2.0
        Via: SIP/2.0/UDP 127.0.0.1:VIA;branch=z9hG4bK-mpart
        Max-Forwards: 70
        From: "Mr. Watson" <sip:watson@127.0.0.1:TRAP>;tag=888
        To: "Ms. Kumiko" <sip:kumiko@127.0.0.1>
        Call-ID: mpart01.4Fde34wkd11wsGFDs3@127.0.0.1
        CSeq: 14 MESSAGE
        Content-Type: multipart/mixed;boundary=7a9cbec02ceef655
        Content-Length: 69

        --7a9cbec02ceef655
        Content-Type: text/plain

        hello
        --7a9cbec02ceef655--
        """,
        """
        OPTIONS nobodyKnowsThisScheme:totallyopaquecontent SIP/2.0
        To: sip:user@127.0.0.1
        From: sip:caller@127.0.0.1:TRAP;tag=384
        Max-Forwards: 3
        Call-ID: unkscm.nasdfasser0q239nwsdfasdkl34
        CSeq: 3923423 OPTIONS
        Via: SIP/2.0/UDP 127.0.0.1:VIA;branch=z9hG4bKkdjuw4s
        Content-Length: 0

        """,
    ]

    /// Messages RFC 4475 calls invalid (§3.1.2, §3.3). Their Via names `TRAP`: a 400 goes
    /// to the datagram's source, never there.
    static let invalid: [String] = [
        // Content-Length larger than the message (clerr).
        """
        INVITE sip:user@127.0.0.1:TRAP SIP/2.0
        Max-Forwards: 80
        To: sip:j.user@127.0.0.1:TRAP
        From: sip:caller@127.0.0.1:TRAP;tag=93942939o2
        Contact: <sip:caller@127.0.0.1:TRAP>
        Call-ID: clerr.0ha0isndaksdjweiafasdk3
        CSeq: 8 INVITE
        Via: SIP/2.0/UDP 127.0.0.1:TRAP;branch=z9hG4bK-39234-23523
        Content-Type: application/sdp
        Content-Length: 9999

        v=0
        """,
        // Negative Content-Length (ncl).
        """
        INVITE sip:user@127.0.0.1:TRAP SIP/2.0
        Max-Forwards: 254
        To: sip:j.user@127.0.0.1:TRAP
        From: sip:caller@127.0.0.1:TRAP;tag=32394234
        Call-ID: ncl.0ha0isndaksdj2193423r542w35
        CSeq: 0 INVITE
        Via: SIP/2.0/UDP 127.0.0.1:TRAP;branch=z9hG4bKkdjuw
        Contact: <sip:caller@127.0.0.1:TRAP>
        Content-Length: -999

        """,
        // Scalar fields far too large (scalar02).
        """
        REGISTER sip:127.0.0.1 SIP/2.0
        Via: SIP/2.0/UDP 127.0.0.1:TRAP;branch=z9hG4bKsxsaaa
        Max-Forwards: 300
        From: sip:user@127.0.0.1:TRAP;tag=239232jh3
        To: sip:user@127.0.0.1:TRAP
        Call-ID: scalar02.23o0pd9vanlq3wnrlnewofjas9ui32
        CSeq: 36893488147419103232 REGISTER
        Contact: <sip:user@127.0.0.1:TRAP>;expires=280297596632815
        Content-Length: 0

        """,
        // Unterminated quoted display name (quotbal).
        """
        INVITE sip:user@127.0.0.1:TRAP SIP/2.0
        To: "Mr. J. User <sip:j.user@127.0.0.1:TRAP>
        From: sip:caller@127.0.0.1:TRAP;tag=93334
        Max-Forwards: 10
        Call-ID: quotbal.aksdj
        Contact: <sip:caller@127.0.0.1:TRAP>
        CSeq: 8 INVITE
        Via: SIP/2.0/UDP 127.0.0.1:TRAP;branch=z9hG4bKkdjuw
        Content-Length: 0

        """,
        // Request-URI in angle brackets, and with embedded spaces (ltgtruri, lwsruri).
        """
        INVITE <sip:user@127.0.0.1:TRAP> SIP/2.0
        To: sip:user@127.0.0.1:TRAP
        From: sip:caller@127.0.0.1:TRAP;tag=39291
        Max-Forwards: 23
        Call-ID: ltgtruri.1@127.0.0.1
        CSeq: 1 INVITE
        Via: SIP/2.0/UDP 127.0.0.1:TRAP;branch=z9hG4bKlt
        Content-Length: 0

        """,
        """
        INVITE sip:user@127.0.0.1:TRAP; lr SIP/2.0
        To: sip:user@127.0.0.1:TRAP;tag=3xfe-9921883-z9f
        From: sip:caller@127.0.0.1:TRAP;tag=231413434
        Max-Forwards: 5
        Call-ID: lwsruri.asdfasdoeoi2323-asdfwrn23-asd834rk423
        CSeq: 2130706432 INVITE
        Via: SIP/2.0/UDP 127.0.0.1:TRAP;branch=z9hG4bKkdjuw2395
        Content-Length: 0

        """,
        // Unknown protocol version (badvers) and CSeq method mismatch (mismatch01).
        """
        OPTIONS sip:t.watson@127.0.0.1 SIP/7.0
        Via:     SIP/7.0/UDP 127.0.0.1:TRAP;branch=z9hG4bKkdjuw
        Max-Forwards:     70
        From:    A. Bell <sip:a.g.bell@127.0.0.1:TRAP>;tag=qweoiqpe
        To:      T. Watson <sip:t.watson@127.0.0.1>
        Call-ID: badvers.31417@127.0.0.1
        CSeq:    1 OPTIONS
        l: 0

        """,
        """
        OPTIONS sip:user@127.0.0.1 SIP/2.0
        To: sip:j.user@127.0.0.1
        From: sip:caller@127.0.0.1:TRAP;tag=34525
        Max-Forwards: 6
        Call-ID: mismatch01.dj0234sxdfl3
        CSeq: 8 INVITE
        Via: SIP/2.0/UDP 127.0.0.1:TRAP;branch=z9hG4bKkdjuw
        l: 0

        """,
        // Overlarge status code (bigcode) and missing mandatory headers (insuf).
        """
        SIP/2.0 4294967301 better not break the receiver
        Via: SIP/2.0/UDP 127.0.0.1:TRAP;branch=z9hG4bK39hx
        Call-ID: bigcode.asdof3uj203asdnf3429uasdhfas3ehjasdfas9i
        CSeq: 353494 INVITE
        From: <sip:user@127.0.0.1:TRAP>;tag=39ansfi3
        To: <sip:user@127.0.0.1:TRAP>;tag=902jndnke3
        Content-Length: 0

        """,
        """
        INVITE sip:user@127.0.0.1:TRAP SIP/2.0
        CSeq: 193942 INVITE
        Via: SIP/2.0/UDP 127.0.0.1:TRAP;branch=z9hG4bKinsuf
        Content-Type: application/sdp
        l: 0

        """,
        // Invalid UTF-8 in a header (not from RFC 4475, but the same spirit); U+FFFD
        // stands for the bytes FF FE, which `datagram` puts in.
        "OPTIONS sip:user@127.0.0.1 SIP/2.0\nVia: SIP/2.0/UDP 127.0.0.1:TRAP;branch=z9hG4bKutf\nFrom: <sip:a@127.0.0.1:TRAP>;tag=1\nTo: \u{FFFD}<sip:b@127.0.0.1>\nCall-ID: utf8\nCSeq: 1 OPTIONS\n\n",
    ]

    /// The datagram for a corpus entry: CRLF line ends, ports filled in.
    static func datagram(_ text: String, viaPort: Int, trapPort: Int) -> [UInt8] {
        let filled = text.replacingOccurrences(of: "127.0.0.1:VIA", with: "127.0.0.1:\(viaPort)")
            .replacingOccurrences(of: "127.0.0.1:TRAP", with: "127.0.0.1:\(trapPort)")
            .replacingOccurrences(of: "\n", with: "\r\n")
        var bytes: [UInt8] = []
        for scalar in filled.unicodeScalars {
            if scalar == "\u{FFFD}" { bytes += [0xFF, 0xFE] } else { bytes += Array(String(scalar).utf8) }
        }
        return bytes
    }
}
