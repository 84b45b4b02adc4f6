/// Why a system setting could not be read or changed, in words an admin acts on.
public enum SystemSettingError: Error, Equatable, CustomStringConvertible {
    case unknown(String)
    case notASwitch(setting: String, value: String)
    /// A campaign in mode cleanse while the setting that allows it is off.
    case cleanseDisabled

    public var description: String {
        switch self {
        case .unknown(let key):
            return "no setting named '\(key)'; settings: \(SystemSetting.allCases.map(\.rawValue).joined(separator: ", "))"
        case .notASwitch(let setting, let value):
            return "\(setting): '\(value)' is not true or false"
        case .cleanseDisabled:
            return "mode cleanse (号码检测) is off: an admin allows it with the system setting \(SystemSetting.cleanseEnabled.rawValue) "
                + "(waihu settings set \(SystemSetting.cleanseEnabled.rawValue) true, or 系统设置 on the 线路与分机 page); "
                + "a number check may leave a missed call on each phone it rings"
        }
    }
}
