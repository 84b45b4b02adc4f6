import XCTest
@testable import WaihuDomain

final class ColumnMappingTests: XCTestCase {
    func testUsualHeadersAreRecognized() throws {
        let mapping = try ColumnMapping(headers: ["姓名", "联系电话", "车牌号码", "厂牌车型", "保险到期日", "初登日期", "备注"])
        XCTAssertEqual(mapping.fields, [.name, .phone, .plate, .carModel, .expiryDate, .firstRegistrationDate, .extra("备注")])
    }

    func testHeadersInsurersAlsoUse() throws {
        let mapping = try ColumnMapping(headers: [
            "客户名称", "手机号", "号牌号码", "品牌型号", "商业险到期日", "交强险到期日", "初次登记日期", "车架号", "发动机号",
        ])
        XCTAssertEqual(mapping.fields, [
            .name, .phone, .plate, .carModel, .expiryDate, .compulsoryExpiryDate, .firstRegistrationDate, .vin, .engineNumber,
        ])
        for (header, field) in [("客户姓名", LeadField.name), ("联系人", .name), ("车牌号", .plate), ("车牌", .plate),
                                ("车型", .carModel), ("到期日", .expiryDate), ("保险止期", .expiryDate),
                                ("初登日", .firstRegistrationDate)] {
            XCTAssertEqual(try ColumnMapping(headers: ["手机号", header]).fields, [.phone, field], header)
        }
        for header in ["联系电话", "电话", "手机", "手机号码", "联系方式", "Phone"] {
            XCTAssertEqual(try ColumnMapping(headers: ["姓名", header]).fields, [.name, .phone], header)
        }
    }

    func testHeaderSpellingVariants() throws {
        let mapping = try ColumnMapping(headers: [" 姓 名 ", "联系电话（必填）", "*车牌号码", "ＶＩＮ", "保险到期日(商业险)"])
        XCTAssertEqual(mapping.fields, [.name, .phone, .plate, .vin, .expiryDate])
    }

    func testASecondColumnForTheSameFieldIsKeptAsExtra() throws {
        let mapping = try ColumnMapping(headers: ["手机", "电话", "", "姓名"])
        XCTAssertEqual(mapping.fields, [.phone, .extra("电话"), .extra("第3列"), .name])
        XCTAssertEqual(mapping.column(for: .phone), 0)
        XCTAssertEqual(mapping.column(for: .name), 3)
        XCTAssertNil(mapping.column(for: .plate))
    }

    func testOverridesWinOverRecognizedHeaders() throws {
        let overrides = try ["客户手机=phone", "电话 = ignore", "车主=extra", "车辆=car_model"].map(ColumnOverride.init(parsing:))
        let mapping = try ColumnMapping(headers: ["电话", "客户手机", "车主", "车辆", "客户"], overrides: overrides)
        XCTAssertEqual(mapping.fields, [nil, .phone, .extra("车主"), .carModel, .name])
    }

    func testOverrideFieldsCanBeWrittenSeveralWays() throws {
        XCTAssertEqual(try ColumnOverride(parsing: "X=carModel").target, .field(.carModel))
        XCTAssertEqual(try ColumnOverride(parsing: "X=CAR_MODEL").target, .field(.carModel))
        XCTAssertEqual(try ColumnOverride(parsing: "X=手机号").target, .field(.phone))
        XCTAssertEqual(try ColumnOverride(parsing: "X=skip").target, .ignore)
        XCTAssertEqual(try ColumnOverride(parsing: "a=b=phone").header, "a=b")
    }

    func testBadOverridesAreExplained() {
        XCTAssertThrowsError(try ColumnOverride(parsing: "手机 phone")) { error in
            XCTAssertEqual(error as? ColumnMappingError, .malformedOverride("手机 phone"))
        }
        XCTAssertThrowsError(try ColumnOverride(parsing: "=phone")) { error in
            XCTAssertEqual(error as? ColumnMappingError, .malformedOverride("=phone"))
        }
        XCTAssertThrowsError(try ColumnOverride(parsing: "手机=fone")) { error in
            XCTAssertEqual(error as? ColumnMappingError, .unknownField("fone"))
            XCTAssertTrue((error as? ColumnMappingError)?.message.contains("car_model") ?? false)
        }
        XCTAssertThrowsError(try ColumnMapping(headers: ["电话"], overrides: [ColumnOverride(header: "手机", target: .field(.phone))])) { error in
            XCTAssertEqual(error as? ColumnMappingError, .headerNotFound("手机", headers: ["电话"]))
        }
        XCTAssertThrowsError(try ColumnMapping(headers: ["a", "b"], overrides: [
            ColumnOverride(header: "a", target: .field(.phone)), ColumnOverride(header: "b", target: .field(.phone)),
        ])) { error in
            XCTAssertEqual(error as? ColumnMappingError, .fieldMappedTwice(.phone))
        }
    }

    func testAListWithoutAPhoneColumnIsRefused() {
        XCTAssertThrowsError(try ColumnMapping(headers: ["姓名", "车牌号码"])) { error in
            XCTAssertEqual(error as? ColumnMappingError, .noPhoneColumn(headers: ["姓名", "车牌号码"]))
            XCTAssertTrue((error as? ColumnMappingError)?.message.contains("--map") ?? false)
        }
        XCTAssertThrowsError(try ColumnMapping(headers: ["手机"], overrides: [ColumnOverride(header: "手机", target: .ignore)]))
    }
}
