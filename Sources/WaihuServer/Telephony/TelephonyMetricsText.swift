import WaihuDialer

/// `TelephonyCounters` as Prometheus text. The engine keeps plain numbers on its own
/// event loop; they are read when /metrics is scraped rather than pushed through
/// swift-metrics on every datagram.
enum TelephonyMetricsText {
    static func render(_ counters: TelephonyCounters, phonesRegistered: Int) -> String {
        var lines: [String] = []
        func metric(_ name: String, _ type: String, _ help: String, _ samples: [(String, Int)]) {
            lines.append("# HELP \(name) \(help)")
            lines.append("# TYPE \(name) \(type)")
            for (labels, value) in samples { lines.append("\(name)\(labels) \(value)") }
        }
        metric("waihu_sip_malformed_total", "counter", "SIP datagrams that did not parse: answered 400/505 or dropped.",
               [("{action=\"answered\"}", counters.malformedAnswered), ("{action=\"dropped\"}", counters.malformedDropped)])
        metric("waihu_sip_forbidden_total", "counter", "Out-of-dialog SIP requests refused 403.", [("", counters.forbidden)])
        metric("waihu_sip_unknown_dialog_total", "counter", "In-dialog SIP requests for no known call (481).",
               [("", counters.unknownDialog)])
        metric("waihu_sip_registrations_total", "counter", "Phone REGISTER attempts by result.",
               [("{result=\"accepted\"}", counters.registrationsAccepted), ("{result=\"failed\"}", counters.registrationFailures),
                ("{result=\"throttled\"}", counters.registrationsThrottled)])
        metric("waihu_phones_registered", "gauge", "Phones registered now.", [("", phonesRegistered)])
        metric("waihu_calls_placed_total", "counter", "Call legs placed (customer and agent).", [("", counters.callsPlaced)])
        metric("waihu_calls_ended_total", "counter", "Call legs ended.", [("", counters.callsEnded)])
        metric("waihu_calls_active", "gauge", "Call legs up or ringing now.", [("", counters.activeCalls)])
        metric("waihu_rtp_ports_in_use", "gauge", "RTP ports held by call legs.", [("", counters.rtpPortsInUse)])
        metric("waihu_sip_transactions", "gauge", "SIP transactions in progress.", [("", counters.sipTransactions)])
        return lines.joined(separator: "\n") + "\n"
    }
}
