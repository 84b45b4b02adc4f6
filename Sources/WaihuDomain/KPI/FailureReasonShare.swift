/// One line of the failure reason analysis (失败原因分析): a disposition code and its share
/// of all unsuccessful dispositions.
public struct FailureReasonShare: Equatable, Sendable {
    public var code: String
    public var category: DispositionCategory
    public var count: Int
    public var share: Ratio

    public init(code: String, category: DispositionCategory, count: Int, share: Ratio) {
        self.code = code
        self.category = category
        self.count = count
        self.share = share
    }
}
