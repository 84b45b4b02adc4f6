import Metrics
import NIOConcurrencyHelpers
import Prometheus

/// The process's Prometheus registry. swift-metrics can be bootstrapped once per
/// process, so every Application in it (tests start several) shares this one.
public enum WaihuMetrics {
    public static let registry = PrometheusCollectorRegistry()

    private static let bootstrapped = NIOLockedValueBox(false)

    static func bootstrap() {
        bootstrapped.withLockedValue { done in
            guard !done else { return }
            MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: registry))
            done = true
        }
    }

    static func login(result: String) {
        Counter(label: "waihu_logins_total", dimensions: [("result", result)]).increment()
    }

    /// A request answered 503 because the server was too busy (`OverloadMiddleware`).
    static func overloaded(reason: String) {
        Counter(label: "waihu_overloaded_requests_total", dimensions: [("reason", reason)]).increment()
    }
}
