import XCTest
@testable import WaihuMedia

final class RTPPortAllocatorTests: XCTestCase {
    func testEvenPortsRoundRobinAndExhaustion() {
        var ports = RTPPortAllocator(range: 16001...16008)
        XCTAssertEqual(ports.capacity, 4)
        XCTAssertEqual(ports.allocate(), 16002)
        XCTAssertEqual(ports.allocate(), 16004)
        ports.release(16002)
        XCTAssertEqual(ports.allocate(), 16006, "a released port is not reused at once")
        XCTAssertEqual(ports.allocate(), 16008)
        XCTAssertEqual(ports.allocate(), 16002, "wraps around to the freed port")
        XCTAssertNil(ports.allocate())
        XCTAssertEqual(ports.allocatedCount, 4)
    }
}
