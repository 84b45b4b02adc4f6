/// SDP offer/answer (RFC 3264) for one audio stream with G.711 and RFC 4733 events.
public struct SDPNegotiator: Sendable {
    /// Our codecs in preference order, used when we make the offer.
    public var codecs: [SDPAudioCodec]
    /// The payload type we offer for telephone-event; when answering we use the offerer's.
    public var telephoneEventPayloadType: Int
    public var packetTimeMilliseconds: Int

    public init(codecs: [SDPAudioCodec] = [.pcma, .pcmu], telephoneEventPayloadType: Int = 101,
                packetTimeMilliseconds: Int = 20) {
        self.codecs = codecs
        self.telephoneEventPayloadType = telephoneEventPayloadType
        self.packetTimeMilliseconds = packetTimeMilliseconds
    }

    /// An offer for an outbound call leg, with our RTP address and port.
    public func makeOffer(address: String, port: Int, sessionID: UInt64) -> SessionDescription {
        var audio = MediaDescription(port: port, formats: codecs.map { String($0.staticPayloadType) } + [String(telephoneEventPayloadType)])
        for codec in codecs {
            audio.attributes.append(SDPAttribute("rtpmap", "\(codec.staticPayloadType) \(codec.rawValue)/8000"))
        }
        appendEventAndTiming(to: &audio, eventPayloadType: telephoneEventPayloadType, direction: .sendrecv)
        return SessionDescription(sessionID: sessionID, originAddress: address, connectionAddress: address, media: [audio])
    }

    /// Answers an offer: the first offered codec that we support wins (the offerer's
    /// preference, RFC 3264 §6.1); other m-lines are refused with port 0.
    public func answer(_ offer: SessionDescription, address: String, port: Int,
                       sessionID: UInt64) throws -> (answer: SessionDescription, media: NegotiatedMedia) {
        var chosen: NegotiatedMedia?
        var sections: [MediaDescription] = []
        var offeredAudio: [String] = []
        for (index, offered) in offer.media.enumerated() {
            let rejected = MediaDescription(media: offered.media, port: 0, proto: offered.proto, formats: offered.formats)
            guard chosen == nil, offered.media.lowercased() == "audio", offered.port != 0,
                  offered.proto.uppercased().hasPrefix("RTP/AVP") else {
                sections.append(rejected)
                continue
            }
            offeredAudio += offered.formats
            guard let pick = Self.firstCommonCodec(in: offered, supported: Set(codecs)) else {
                sections.append(rejected)
                continue
            }
            guard let remoteAddress = offer.connectionAddress(forMedia: index) else {
                throw SDPNegotiationError.missingConnectionAddress
            }
            let eventPT = Self.telephoneEventPayloadType(in: offered)
            let direction = offered.direction.answer
            var audio = MediaDescription(port: port, proto: offered.proto,
                                         formats: [String(pick.payloadType)] + (eventPT.map { [String($0)] } ?? []))
            audio.attributes.append(SDPAttribute("rtpmap", "\(pick.payloadType) \(pick.codec.rawValue)/8000"))
            appendEventAndTiming(to: &audio, eventPayloadType: eventPT, direction: direction)
            sections.append(audio)
            chosen = NegotiatedMedia(codec: pick.codec, payloadType: pick.payloadType, telephoneEventPayloadType: eventPT,
                                     remoteAddress: remoteAddress, remotePort: offered.port, direction: direction,
                                     packetTimeMilliseconds: offered.ptime ?? packetTimeMilliseconds)
        }
        guard let media = chosen else {
            if offeredAudio.isEmpty { throw SDPNegotiationError.noAudioStream }
            throw SDPNegotiationError.noCommonCodec(offered: offeredAudio)
        }
        let answer = SessionDescription(sessionID: sessionID, originAddress: address, connectionAddress: address, media: sections)
        return (answer, media)
    }

    /// Reads the answer to our own offer.
    public func accept(answer: SessionDescription) throws -> NegotiatedMedia {
        for (index, section) in answer.media.enumerated()
        where section.media.lowercased() == "audio" && section.port != 0 {
            guard let pick = Self.firstCommonCodec(in: section, supported: Set(codecs)) else {
                throw SDPNegotiationError.noCommonCodec(offered: section.formats)
            }
            guard let address = answer.connectionAddress(forMedia: index) else {
                throw SDPNegotiationError.missingConnectionAddress
            }
            return NegotiatedMedia(codec: pick.codec, payloadType: pick.payloadType,
                                   telephoneEventPayloadType: Self.telephoneEventPayloadType(in: section),
                                   remoteAddress: address, remotePort: section.port, direction: section.direction,
                                   packetTimeMilliseconds: section.ptime ?? packetTimeMilliseconds)
        }
        throw SDPNegotiationError.noAudioStream
    }

    /// Parses an SDP body and answers it, mapping parse failures to the 488 error.
    public func answer(body: [UInt8], address: String, port: Int,
                       sessionID: UInt64) throws -> (answer: SessionDescription, media: NegotiatedMedia) {
        let offer: SessionDescription
        do { offer = try SessionDescription(parsing: body) } catch let error as SDPParseError {
            throw SDPNegotiationError.invalid(error)
        }
        return try answer(offer, address: address, port: port, sessionID: sessionID)
    }

    private func appendEventAndTiming(to audio: inout MediaDescription, eventPayloadType: Int?, direction: SDPDirection) {
        if let eventPayloadType {
            audio.attributes.append(SDPAttribute("rtpmap", "\(eventPayloadType) telephone-event/8000"))
            audio.attributes.append(SDPAttribute("fmtp", "\(eventPayloadType) 0-16"))
        }
        audio.attributes.append(SDPAttribute("ptime", String(packetTimeMilliseconds)))
        audio.attributes.append(SDPAttribute(direction.rawValue))
    }

    /// The first format in the section's order that is a codec we support, by rtpmap
    /// name (dynamic or static) or, without rtpmap, by static payload type 0 / 8.
    static func firstCommonCodec(in section: MediaDescription, supported: Set<SDPAudioCodec>) -> (codec: SDPAudioCodec, payloadType: Int)? {
        let maps = section.rtpmaps
        for format in section.formats {
            guard let pt = Int(format) else { continue }
            let codec: SDPAudioCodec?
            if let map = maps[pt] {
                codec = map.clockRate == 8000 ? SDPAudioCodec(rawValue: map.encoding.uppercased()) : nil
            } else {
                codec = SDPAudioCodec.allCases.first { $0.staticPayloadType == pt }
            }
            if let codec, supported.contains(codec) { return (codec, pt) }
        }
        return nil
    }

    static func telephoneEventPayloadType(in section: MediaDescription) -> Int? {
        let maps = section.rtpmaps
        return section.formats.compactMap { Int($0) }.first { pt in
            maps[pt].map { $0.encoding.lowercased() == "telephone-event" && $0.clockRate == 8000 } ?? false
        }
    }
}
