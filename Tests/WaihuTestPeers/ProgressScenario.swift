import Foundation

/// Fills the SIPp templates in `Scenarios/` for one `CustomerBehaviour`: the status lines,
/// the Reason header, the SDP and the media actions. SIPp reads neither a status line nor an
/// `rtp_stream` file name from `-set`, so each behaviour gets its own scenario file.
enum ProgressScenario {
    static let templates = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Scenarios")

    /// The scenario text; audio and pcap files it plays are written to `directory`.
    static func render(_ behaviour: CustomerBehaviour, in directory: URL) throws -> String {
        var values: [String: String] = [:]
        let media = Media(behaviour: behaviour, directory: directory)

        switch behaviour.progress {
        case .ringing:
            values["PROGRESS_STATUS"] = "180 Ringing"
            values["PROGRESS_BODY"] = "Content-Length: 0"
            values["START_MEDIA"] = ""
        case .sessionProgressWithoutSDP:
            values["PROGRESS_STATUS"] = "183 Session Progress"
            values["PROGRESS_BODY"] = "Content-Length: 0"
            values["START_MEDIA"] = ""
        case let .earlyMedia(sound):
            values["PROGRESS_STATUS"] = "183 Session Progress"
            values["PROGRESS_BODY"] = "Content-Type: application/sdp\nContent-Length: [len]\n\n" + sdp(behaviour)
            values["START_MEDIA"] = try sound.map { try media.start($0, forMS: behaviour.progressMS, name: "early") } ?? ""
        }
        values["PROGRESS_MS"] = "\(max(1, behaviour.progressMS))"
        values["STOP_MEDIA"] = try media.stop()

        let template: String
        switch behaviour.ending {
        case let .reject(status, q850):
            template = "uas_early_media.xml"
            values["FINAL_STATUS"] = "\(status) \(reasonPhrase(status))"
            values["REASON_HEADER"] = q850.map { #"Reason: Q.850;cause=\#($0);text="\#(q850Text($0))""# } ?? ""
        case let .answer(sound, talkMS):
            template = "uas_answer_announcement.xml"
            values["SDP"] = sdp(behaviour)
            values["TALK_MS"] = "\(max(1, talkMS))"
            values["START_ANSWER_MEDIA"] = try sound.map { try media.start($0, forMS: talkMS, name: "answer") } ?? ""
        }
        let text = try String(contentsOf: templates.appendingPathComponent(template), encoding: .utf8)
        return fill(text, values)
    }

    /// Replaces each `__NAME__`; a line holding only a placeholder whose value is empty goes
    /// away (an empty line inside a SIP message would end its headers).
    static func fill(_ template: String, _ values: [String: String]) -> String {
        var lines: [String] = []
        for line in template.components(separatedBy: "\n") {
            var filled = line
            for (name, value) in values { filled = filled.replacingOccurrences(of: "__\(name)__", with: value) }
            if filled.trimmingCharacters(in: .whitespaces).isEmpty && !line.trimmingCharacters(in: .whitespaces).isEmpty { continue }
            lines.append(filled)
        }
        return lines.joined(separator: "\n")
    }

    /// The customer's SDP answer: the codec it picked from waihu's offer, and RFC 4733 events.
    static func sdp(_ behaviour: CustomerBehaviour) -> String {
        let codec = behaviour.codec
        let connection = behaviour.sdpMediaAddress.map { "IP4 \($0)" } ?? "IP[media_ip_type] [media_ip]"
        return """
        v=0
        o=customer 1 1 IN IP[local_ip_type] [local_ip]
        s=-
        c=IN \(connection)
        t=0 0
        m=audio [media_port] RTP/AVP \(codec.payloadType) 101
        a=rtpmap:\(codec.payloadType) \(codec.rtpmap)
        a=rtpmap:101 telephone-event/8000
        a=fmtp:101 0-15
        a=ptime:20
        a=sendrecv
        """
    }

    /// The SIPp actions that send a sound: `rtp_stream` of the G.711 file, or a pcap replay
    /// when packets are lost, jittered or carry a type `rtp_stream` does not know.
    struct Media {
        let behaviour: CustomerBehaviour
        let directory: URL

        func start(_ sound: ProgressAudio.Sound, forMS: Int, name: String) throws -> String {
            let payloadType = behaviour.wirePayloadType ?? behaviour.codec.payloadType
            if behaviour.streamsFile {
                let file = try ProgressAudio.clip(sound, codec: behaviour.codec).path
                // A stream paused at the end of the early media stays paused for the next file.
                return #"<nop><action><exec rtp_stream="\#(file),1,\#(payloadType)"/><exec rtp_stream="resume"/></action></nop>"#
            }
            let frames = try ProgressAudio.frames(sound, codec: behaviour.codec).prefix(max(1, forMS / 20))
            let pcap = directory.appendingPathComponent("\(name).pcap")
            try RTPPcapWriter.write(payloads: Array(frames), payloadType: payloadType, loss: behaviour.loss,
                                    jitterMS: behaviour.jitterMS, to: pcap)
            return #"<nop><action><exec play_pcap_audio="\#(pcap.path)"/></action></nop>"#
        }

        /// Ends the early media before the final response or the answer.
        func stop() throws -> String {
            guard case .earlyMedia(.some) = behaviour.progress else { return "" }
            if behaviour.streamsFile { return #"<nop><action><exec rtp_stream="pause"/></action></nop>"# }
            // A new pcap replay ends the one playing: an empty pcap is a stop.
            let empty = directory.appendingPathComponent("stop.pcap")
            try RTPPcapWriter.write(payloads: [], payloadType: 8, to: empty)
            return #"<nop><action><exec play_pcap_audio="\#(empty.path)"/></action></nop>"#
        }
    }

    static func reasonPhrase(_ status: Int) -> String {
        switch status {
        case 403: "Forbidden"
        case 404: "Not Found"
        case 408: "Request Timeout"
        case 410: "Gone"
        case 480: "Temporarily Unavailable"
        case 484: "Address Incomplete"
        case 486: "Busy Here"
        case 487: "Request Terminated"
        case 500: "Server Internal Error"
        case 502: "Bad Gateway"
        case 503: "Service Unavailable"
        case 600: "Busy Everywhere"
        case 603: "Decline"
        case 604: "Does Not Exist Anywhere"
        default: "Failure"
        }
    }

    /// ITU-T Q.850 cause names, for the `text=` of the Reason header.
    static func q850Text(_ cause: Int) -> String {
        switch cause {
        case 1: "Unallocated (unassigned) number"
        case 3: "No route to destination"
        case 16: "Normal call clearing"
        case 17: "User busy"
        case 18: "No user responding"
        case 19: "No answer from user (user alerted)"
        case 20: "Subscriber absent"
        case 21: "Call rejected"
        case 22: "Number changed"
        case 27: "Destination out of order"
        case 28: "Invalid number format (address incomplete)"
        case 31: "Normal, unspecified"
        case 34: "No circuit/channel available"
        case 38: "Network out of order"
        case 41: "Temporary failure"
        case 42: "Switching equipment congestion"
        case 55: "Incoming calls barred within CUG"
        default: "Unspecified"
        }
    }
}
