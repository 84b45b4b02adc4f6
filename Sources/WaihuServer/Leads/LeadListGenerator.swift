import Foundation
import WaihuDomain

/// Makes realistic renewal lists for the import benchmark: Chinese names, plates of
/// several provinces, car models, expiry and first-registration dates in the formats
/// lists use, an extra column, about 6 % unusable phones and 8 % repeated numbers.
/// Deterministic for a seed, so runs compare.
public struct LeadListGenerator {
    public static let headers = ["客户姓名", "联系电话", "车牌号码", "厂牌车型", "保险到期日", "初登日期", "上年承保公司"]

    public var badPhoneRate = 0.06
    public var duplicateRate = 0.08
    /// Numbers are drawn from the `numberOffset…` range of a fixed permutation: two lists
    /// with overlapping ranges share customers.
    public var numberOffset: Int
    private var state: UInt64
    private var issued = 0

    public init(seed: UInt64, numberOffset: Int = 0) {
        state = seed &* 0x9E37_79B9_7F4A_7C15 | 1
        self.numberOffset = numberOffset
    }

    private mutating func next() -> UInt64 {
        state ^= state << 13
        state ^= state >> 7
        state ^= state << 17
        return state
    }

    private mutating func uniform() -> Double { Double(next() >> 11) / Double(1 << 53) }
    private mutating func pick<T>(_ items: [T]) -> T { items[Int(next() % UInt64(items.count))] }

    static let surnames = Array("王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾")
    static let given = Array("伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国志红")
    static let provinces = Array("沪京粤浙苏鲁川鄂湘闽")
    static let models = ["大众朗逸 1.5L", "丰田卡罗拉", "本田雅阁", "别克英朗", "日产轩逸", "比亚迪秦PLUS DM-i",
                         "特斯拉Model 3", "吉利帝豪", "长安CS75", "哈弗H6", "宝马3系", "奥迪A4L"]
    static let insurers = ["平安", "人保", "太平洋", "国寿财", "大地"]

    /// The mobile number of customer `index`: distinct for distinct indexes (an odd
    /// multiplier is a permutation modulo 10^8).
    static func mobile(_ index: Int) -> String {
        let body = (UInt64(index) &* 48_271 &+ 12_345) % 100_000_000
        let prefixes = ["138", "139", "186", "135", "150", "177"]
        let digits = String(body)
        return prefixes[index % prefixes.count] + String(repeating: "0", count: 8 - digits.count) + digits
    }

    /// One data row's cells.
    public mutating func row() -> [String] {
        let roll = uniform()
        var phone: String
        if roll < badPhoneRate {
            phone = pick(["1380013800", "12345678901", "021-1234567", "无", "", "138001380001"])
        } else if roll < badPhoneRate + duplicateRate, issued > 0 {
            phone = Self.mobile(numberOffset + Int(next() % UInt64(issued)))
        } else {
            phone = Self.mobile(numberOffset + issued)
            issued += 1
        }
        if roll > 0.9 { phone = "+86 " + phone.prefix(3) + "-" + phone.dropFirst(3).prefix(4) + "-" + phone.suffix(4) }
        let name = String(pick(Self.surnames)) + String(pick(Self.given)) + (uniform() < 0.5 ? String(pick(Self.given)) : "")
        let letters = Array("ABCDEFGHJK")
        let plate = String(pick(Self.provinces)) + String(pick(letters)) + (uniform() < 0.5 ? "-" : "") + String(format: "%05d", Int(next() % 100_000))
        let year = 2026 + Int(next() % 2), month = 1 + Int(next() % 12), day = 1 + Int(next() % 28)
        let expiry: String
        switch next() % 3 {
        case 0: expiry = String(format: "%04d-%02d-%02d", year, month, day)
        case 1: expiry = "\(year)/\(month)/\(day)"
        default: expiry = uniform() < 0.3 ? "" : "\(year)年\(month)月\(day)日"
        }
        let registered = String(format: "%04d%02d%02d", 2015 + Int(next() % 10), month, day)
        return [name, phone, plate, pick(Self.models), expiry, registered, pick(Self.insurers)]
    }

    /// Writes `rows` data rows after the header as UTF-8 CSV.
    public mutating func writeCSV(rows: Int, to url: URL) throws {
        FileManager.default.createFile(atPath: url.path, contents: nil)
        let handle = try FileHandle(forWritingTo: url)
        defer { try? handle.close() }
        var buffer = Data()
        buffer.append(contentsOf: Array((Self.headers.joined(separator: ",") + "\n").utf8))
        for _ in 0..<rows {
            buffer.append(contentsOf: Array((row().joined(separator: ",") + "\n").utf8))
            if buffer.count > 1 << 20 {
                try handle.write(contentsOf: buffer)
                buffer.removeAll(keepingCapacity: true)
            }
        }
        try handle.write(contentsOf: buffer)
    }

    /// Writes `rows` data rows after the header as an .xlsx workbook.
    public mutating func writeXLSX(rows: Int, to url: URL) throws {
        let writer = try XLSXWriter(url: url)
        try writer.addSheet(named: "续保名单")
        try writer.appendHeader(Self.headers)
        for _ in 0..<rows { try writer.appendRow(row().map { $0.isEmpty ? .empty : .text($0) }) }
        try writer.finish()
    }
}
