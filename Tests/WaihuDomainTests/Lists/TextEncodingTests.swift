import XCTest
@testable import WaihuDomain

final class TextEncodingTests: XCTestCase {
    /// "张三" in GBK, as Python's "张三".encode("gbk") gives it.
    private let zhangSanGBK: [UInt8] = [0xD5, 0xC5, 0xC8, 0xFD]
    /// "姓名,联系电话\r\n张三,13800138000\r\n" in GBK.
    private let listGBK: [UInt8] = [
        0xD0, 0xD5, 0xC3, 0xFB, 0x2C, 0xC1, 0xAA, 0xCF, 0xB5, 0xB5, 0xE7, 0xBB, 0xB0, 0x0D, 0x0A,
        0xD5, 0xC5, 0xC8, 0xFD, 0x2C, 0x31, 0x33, 0x38, 0x30, 0x30, 0x31, 0x33, 0x38, 0x30, 0x30, 0x30, 0x0D, 0x0A,
    ]
    /// U+20000 𠀀, a four-byte GB18030 sequence.
    private let fourByteGB18030: [UInt8] = [0x95, 0x32, 0x82, 0x36]

    func testEncodingNames() {
        XCTAssertEqual(TextEncoding(name: "UTF-8"), .utf8)
        XCTAssertEqual(TextEncoding(name: "utf8"), .utf8)
        XCTAssertEqual(TextEncoding(name: "GBK"), .gb18030)
        XCTAssertEqual(TextEncoding(name: "gb2312"), .gb18030)
        XCTAssertEqual(TextEncoding(name: "GB18030"), .gb18030)
        XCTAssertNil(TextEncoding(name: "latin1"))
    }

    func testDetection() throws {
        XCTAssertEqual(try TextEncodingDetector.detect([0xEF, 0xBB, 0xBF, 0x61], isComplete: true), .utf8)
        XCTAssertEqual(try TextEncodingDetector.detect(Array("姓名,电话".utf8), isComplete: true), .utf8)
        XCTAssertEqual(try TextEncodingDetector.detect(Array("name,phone".utf8), isComplete: true), .utf8)
        XCTAssertEqual(try TextEncodingDetector.detect(listGBK, isComplete: true), .gb18030)
        XCTAssertEqual(try TextEncodingDetector.detect(zhangSanGBK, isComplete: false), .gb18030)
        // "张" cut after two of its three bytes: fine in the middle of a file, not at its end.
        XCTAssertEqual(try TextEncodingDetector.detect([0x61, 0xE5, 0xBC], isComplete: false), .utf8)
        XCTAssertEqual(try TextEncodingDetector.detect([0x61, 0xE5, 0xBC], isComplete: true), .gb18030)
        XCTAssertThrowsError(try TextEncodingDetector.detect([0xFF, 0xFE, 0x61, 0x00], isComplete: true)) { error in
            XCTAssertEqual(error as? TextEncodingError, .utf16NotSupported)
        }
    }

    func testStrictUTF8() {
        XCTAssertTrue(TextEncodingDetector.isValidUTF8(Array("a张𠀀".utf8), allowTruncatedEnd: false))
        XCTAssertFalse(TextEncodingDetector.isValidUTF8([0xC0, 0x80], allowTruncatedEnd: false), "overlong")
        XCTAssertFalse(TextEncodingDetector.isValidUTF8([0xED, 0xA0, 0x80], allowTruncatedEnd: false), "surrogate")
        XCTAssertFalse(TextEncodingDetector.isValidUTF8([0xF4, 0x90, 0x80, 0x80], allowTruncatedEnd: false), "above U+10FFFF")
        XCTAssertFalse(TextEncodingDetector.isValidUTF8([0x80], allowTruncatedEnd: true), "lone continuation")
    }

    func testGB18030DecoderReadsGBK() throws {
        let decoder = try GB18030Decoder()
        let utf8 = decoder.decode(zhangSanGBK) + decoder.finish()
        XCTAssertEqual(String(decoding: utf8, as: UTF8.self), "张三")
    }

    func testGB18030DecoderJoinsCharactersSplitAcrossChunks() throws {
        let decoder = try GB18030Decoder()
        var utf8: [UInt8] = []
        for byte in listGBK + fourByteGB18030 {
            utf8 += decoder.decode([byte])
        }
        utf8 += decoder.finish()
        XCTAssertEqual(String(decoding: utf8, as: UTF8.self), "姓名,联系电话\r\n张三,13800138000\r\n𠀀")
    }

    func testGB18030DecoderReplacesBadBytes() throws {
        let decoder = try GB18030Decoder()
        let middle = decoder.decode([0x61, 0xFF, 0x62])
        XCTAssertEqual(String(decoding: middle, as: UTF8.self), "a\u{FFFD}b")
        let cut = decoder.decode([0x63, 0xD5])
        XCTAssertEqual(String(decoding: cut, as: UTF8.self), "c")
        XCTAssertEqual(String(decoding: decoder.finish(), as: UTF8.self), "\u{FFFD}")
    }

    func testStreamPassesASCIIThroughAndDetectsGBKLaterInTheFile() throws {
        var stream = try TextDecodingStream(sampleSize: 8)
        let header = Array("name,phone\r\n".utf8)
        XCTAssertEqual(try stream.feed(header), header)
        XCTAssertNil(stream.encoding)
        var output = try stream.feed(Array(zhangSanGBK.prefix(3)))
        XCTAssertEqual(output, [], "too little to decide: held back")
        output += try stream.feed(Array(zhangSanGBK.suffix(1)) + Array(",13800138000\r\n".utf8))
        output += try stream.finish()
        XCTAssertEqual(stream.encoding, .gb18030)
        XCTAssertEqual(String(decoding: output, as: UTF8.self), "张三,13800138000\r\n")
    }

    func testStreamDecidesAShortFileAtItsEnd() throws {
        var stream = try TextDecodingStream()
        var output = try stream.feed(listGBK)
        output += try stream.finish()
        XCTAssertEqual(String(decoding: output, as: UTF8.self), "姓名,联系电话\r\n张三,13800138000\r\n")

        var utf8Stream = try TextDecodingStream()
        let text = Array("姓名\n张三\n".utf8)
        XCTAssertEqual(try utf8Stream.feed(text) + utf8Stream.finish(), text)
        XCTAssertEqual(utf8Stream.encoding, .utf8)
    }

    func testForcedEncodingIsUsed() throws {
        var stream = try TextDecodingStream(forcedEncoding: .gb18030)
        XCTAssertEqual(String(decoding: try stream.feed(zhangSanGBK), as: UTF8.self), "张三")
        var utf8 = try TextDecodingStream(forcedEncoding: .utf8)
        XCTAssertEqual(try utf8.feed(zhangSanGBK), zhangSanGBK, "forced UTF-8 passes bytes through")
    }

    func testUTF16IsRefused() throws {
        var stream = try TextDecodingStream()
        XCTAssertThrowsError(try stream.feed([0xFF, 0xFE, 0x61, 0x00])) { error in
            XCTAssertEqual(error as? TextEncodingError, .utf16NotSupported)
        }
    }
}
