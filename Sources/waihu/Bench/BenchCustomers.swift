import Foundation
import WaihuDialer

/// The simulated customers of `waihu bench campaign`: one SIPp UAS behind the trunk, whose
/// behaviour is written into each dialed number, so a run is reproducible from its seed and
/// the answer rate is exactly what the lead list holds (no SIPp randomness).
///
/// A number is `13` + ring digit + 5-digit index + talk digit + two outcome digits:
/// outcome 00–49 answers after 1.5 + 0.7 × ring s and hangs up after 20 + 4.44 × talk s
/// (uniform 20–60 s over the digits); 50–69 is busy (486); 70–99 rings until waihu's CANCEL.
enum BenchCustomers {
    struct Lead {
        var number: String
        var answers: Bool
    }

    /// `count` leads of which a fraction `answerRate` answers, drawn from `seed`.
    /// `firstIndex` keeps the numbers of a second list (the warm-up's) apart from the first's.
    static func leads(count: Int, answerRate: Double, seed: UInt64, firstIndex: Int = 0) -> [Lead] {
        var random = SeededGenerator(seed: seed)
        return (firstIndex..<(firstIndex + count)).map { index in
            let answers = random.nextUnit() < answerRate
            let outcome = answers ? Int.random(in: 0..<50, using: &random) : (random.nextUnit() < 0.4 ? 50 + Int.random(in: 0..<20, using: &random) : 70 + Int.random(in: 0..<30, using: &random))
            let number = "13\(Int.random(in: 0..<10, using: &random))" + String(format: "%05d", index) + "\(Int.random(in: 0..<10, using: &random))" + String(format: "%02d", outcome)
            return Lead(number: number, answers: answers)
        }
    }

    /// The lead file for `waihu leads import`, renewal dates a month ahead.
    static func csv(_ leads: [Lead]) -> String {
        let day = DateFormatter()
        day.dateFormat = "yyyy-MM-dd"
        day.timeZone = TimeZone(identifier: "Asia/Shanghai")
        var text = "姓名,联系电话,车牌号码,厂牌车型,保险到期日\n"
        text.reserveCapacity(leads.count * 64)
        for (index, lead) in leads.enumerated() {
            let renewal = day.string(from: Date().addingTimeInterval(Double(20 + index % 20) * 86_400))
            text += "客户\(index),\(lead.number),沪B\(String(format: "%05d", index % 100_000)),大众朗逸,\(renewal)\n"
        }
        return text
    }

    /// The SIPp scenario. A customer whose call waihu abandons gets waihu's BYE during the
    /// talk pause; SIPp's default behaviour answers it with 200 and ends that call.
    static let scenario = #"""
<?xml version="1.0" encoding="ISO-8859-1" ?>
<!DOCTYPE scenario SYSTEM "sipp.dtd">
<!-- waihu bench campaign: the dialed number says what the customer does (BenchCustomers.swift). -->
<scenario name="waihu bench customers">
  <recv request="INVITE" crlf="true" rrs="true">
    <action>
      <ereg regexp="^INVITE sip:[0-9]*([0-9])[0-9]{5}([0-9])([0-9]{2})@" search_in="msg" check_it="true" assign_to="whole,ring,talk,outcome"/>
      <ereg regexp=".*" search_in="hdr" header="From:" assign_to="remote_party"/>
      <ereg regexp=".*" search_in="hdr" header="To:" assign_to="local_party"/>
      <ereg regexp=".*" search_in="hdr" header="Via:" assign_to="inv_via"/>
      <ereg regexp=".*" search_in="hdr" header="CSeq:" assign_to="inv_cseq"/>
      <todouble assign_to="ringms" variable="ring"/>
      <multiply assign_to="ringms" value="700"/>
      <add assign_to="ringms" value="1500"/>
      <todouble assign_to="talkms" variable="talk"/>
      <multiply assign_to="talkms" value="4444"/>
      <add assign_to="talkms" value="20000"/>
      <todouble assign_to="code" variable="outcome"/>
      <test assign_to="answers" variable="code" compare="less_than" value="50"/>
      <test assign_to="silent" variable="code" compare="greater_than_equal" value="70"/>
    </action>
  </recv>
  <Reference variables="whole,remote_party"/>

  <send><![CDATA[
SIP/2.0 100 Trying
[last_Via:]
[last_From:]
[last_To:]
[last_Call-ID:]
[last_CSeq:]
Content-Length: 0

]]></send>

  <nop next="answer" test="answers"/>
  <nop next="silent" test="silent"/>

  <send retrans="500"><![CDATA[
SIP/2.0 486 Busy Here
[last_Via:]
[last_From:]
[last_To:];tag=[pid]busy[call_number]
[last_Call-ID:]
[last_CSeq:]
Content-Length: 0

]]></send>
  <recv request="ACK" crlf="true" next="end"/>

  <label id="answer"/>
  <send><![CDATA[
SIP/2.0 180 Ringing
[last_Via:]
[last_From:]
[last_To:];tag=[pid]cust[call_number]
[last_Call-ID:]
[last_CSeq:]
Contact: <sip:customer@[local_ip]:[local_port];transport=[transport]>
Content-Length: 0

]]></send>
  <pause variable="ringms"/>
  <send retrans="500"><![CDATA[
SIP/2.0 200 OK
[last_Via:]
[last_From:]
[last_To:];tag=[pid]cust[call_number]
[last_Call-ID:]
[last_CSeq:]
Contact: <sip:customer@[local_ip]:[local_port];transport=[transport]>
Content-Type: application/sdp
Content-Length: [len]

v=0
o=customer 1 1 IN IP[local_ip_type] [local_ip]
s=-
c=IN IP[media_ip_type] [media_ip]
t=0 0
m=audio [media_port] RTP/AVP 8 0
a=rtpmap:8 PCMA/8000
a=rtpmap:0 PCMU/8000
a=ptime:20
a=sendrecv

]]></send>
  <recv request="ACK" crlf="true"/>
  <pause variable="talkms"/>
  <send retrans="500"><![CDATA[
BYE [next_url] SIP/2.0
Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]
From:[$local_party];tag=[pid]cust[call_number]
To:[$remote_party]
[last_Call-ID:]
CSeq: 2 BYE
Contact: <sip:customer@[local_ip]:[local_port];transport=[transport]>
Max-Forwards: 70
Content-Length: 0

]]></send>
  <recv response="200" crlf="true" next="end"/>

  <label id="silent"/>
  <send><![CDATA[
SIP/2.0 180 Ringing
[last_Via:]
[last_From:]
[last_To:];tag=[pid]cust[call_number]
[last_Call-ID:]
[last_CSeq:]
Contact: <sip:customer@[local_ip]:[local_port];transport=[transport]>
Content-Length: 0

]]></send>
  <recv request="CANCEL" crlf="true"/>
  <send><![CDATA[
SIP/2.0 200 OK
[last_Via:]
[last_From:]
[last_To:];tag=[pid]cust[call_number]
[last_Call-ID:]
[last_CSeq:]
Content-Length: 0

]]></send>
  <send retrans="500"><![CDATA[
SIP/2.0 487 Request Terminated
Via:[$inv_via]
[last_From:]
[last_To:];tag=[pid]cust[call_number]
[last_Call-ID:]
CSeq:[$inv_cseq]
Content-Length: 0

]]></send>
  <recv request="ACK" crlf="true"/>

  <label id="end"/>
</scenario>
"""#
}
