import XCTest
@testable import WaihuDialer

final class RandomSamplingTests: XCTestCase {
    func testSameSeedSameSequence() {
        var a = SeededGenerator(seed: 42), b = SeededGenerator(seed: 42), c = SeededGenerator(seed: 43)
        let xs = (0..<5).map { _ in a.next() }
        XCTAssertEqual(xs, (0..<5).map { _ in b.next() })
        XCTAssertNotEqual(xs, (0..<5).map { _ in c.next() })
    }

    func testUnitIntervalAndMoments() {
        var g = SeededGenerator(seed: 7)
        let n = 40_000
        var units: [Double] = [], logn: [Double] = [], gam: [Double] = []
        for _ in 0..<n {
            units.append(g.nextUnit())
            logn.append(g.nextLognormal(mean: 180, sd: 150))
            gam.append(g.nextGamma(mean: 20, sd: 10))
        }
        func mean(_ x: [Double]) -> Double { x.reduce(0, +) / Double(x.count) }
        func sd(_ x: [Double]) -> Double { let m = mean(x); return (x.reduce(0) { $0 + ($1 - m) * ($1 - m) } / Double(x.count)).squareRoot() }
        XCTAssertTrue(units.allSatisfy { $0 >= 0 && $0 < 1 })
        XCTAssertEqual(mean(units), 0.5, accuracy: 0.01)
        // Standard errors: 150/√40000 = 0.75 s and 10/√40000 = 0.05 s; tolerances are about 4 of them.
        XCTAssertEqual(mean(logn), 180, accuracy: 3)
        XCTAssertEqual(sd(logn), 150, accuracy: 12)
        XCTAssertEqual(mean(gam), 20, accuracy: 0.2)
        XCTAssertEqual(sd(gam), 10, accuracy: 0.3)
        XCTAssertTrue(gam.allSatisfy { $0 > 0 })
    }

    func testEventQueueOrdersByTimeThenInsertion() {
        var q = EventQueue<String>()
        q.schedule("c", at: 3)
        q.schedule("a1", at: 1)
        q.schedule("b", at: 2)
        q.schedule("a2", at: 1)
        q.schedule("z", at: 0.5)
        var out: [String] = []
        while let e = q.pop() { out.append(e.event) }
        XCTAssertEqual(out, ["z", "a1", "a2", "b", "c"])
    }
}
