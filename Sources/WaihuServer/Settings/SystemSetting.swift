/// A setting of the whole center (系统设置) that only an admin changes, stored in
/// `system_settings` and audited (`setting_changed`): a switch for what is off until the
/// center decides otherwise.
public enum SystemSetting: String, CaseIterable, Sendable {
    /// 号码检测: whether campaigns may run in `cleanse` mode. Off by default: a number check
    /// rings each phone briefly and hangs up, so the customer may find a missed call from the
    /// center's number.
    case cleanseEnabled = "cleanse_enabled"

    /// The value before any admin set one.
    public var defaultValue: Bool {
        switch self {
        case .cleanseEnabled: return false
        }
    }

    public var chineseName: String {
        switch self {
        case .cleanseEnabled: return "允许号码检测"
        }
    }

    public var englishName: String {
        switch self {
        case .cleanseEnabled: return "Allow number check campaigns"
        }
    }

    /// What turning it on means, for the admin who does.
    public var explanation: String {
        switch self {
        case .cleanseEnabled:
            return "Campaigns may run in mode cleanse (号码检测): each number is rung briefly, without agents, to find "
                + "vacant, suspended and switched-off numbers; the callee's phone may log a missed call (被叫手机可能留下未接来电)."
        }
    }

    /// A switch's value as typed: true/false, on/off, yes/no, 1/0.
    static func parseSwitch(_ text: String) -> Bool? {
        switch text.trimmingCharacters(in: .whitespaces).lowercased() {
        case "true", "on", "yes", "1": return true
        case "false", "off", "no", "0": return false
        default: return nil
        }
    }
}
