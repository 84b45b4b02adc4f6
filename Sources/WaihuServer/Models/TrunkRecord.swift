import Fluent
import Vapor

/// A SIP trunk 线路: the carrier's signalling address and waihu's account there. The
/// password is kept in clear because digest authentication needs it; it never leaves
/// the server (the API and the list commands do not show it).
public final class TrunkRecord: Model, @unchecked Sendable {
    public static let schema = "trunks"

    @ID(key: .id) public var id: UUID?
    @Field(key: "name") public var name: String
    @Field(key: "host") public var host: String
    @Field(key: "port") public var port: Int
    @OptionalField(key: "username") public var username: String?
    @OptionalField(key: "password") public var password: String?
    /// 主叫号码 presented on calls through this trunk.
    @Field(key: "caller_id") public var callerID: String
    @Field(key: "max_concurrent") public var maxConcurrent: Int
    @Field(key: "max_cps") public var maxPerSecond: Int
    /// Seconds of ringing before CANCEL.
    @Field(key: "ring_timeout") public var ringTimeout: Int
    @Field(key: "enabled") public var enabled: Bool
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) public var updatedAt: Date?

    public init() {}

    public init(name: String, host: String, port: Int, username: String?, password: String?, callerID: String,
                maxConcurrent: Int, maxPerSecond: Int, ringTimeout: Int, enabled: Bool) {
        self.name = name
        self.host = host
        self.port = port
        self.username = username
        self.password = password
        self.callerID = callerID
        self.maxConcurrent = maxConcurrent
        self.maxPerSecond = maxPerSecond
        self.ringTimeout = ringTimeout
        self.enabled = enabled
    }
}
