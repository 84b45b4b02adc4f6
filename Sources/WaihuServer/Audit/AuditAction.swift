/// The privileged actions that are written to the audit log. Stored by raw value.
public enum AuditAction: String, Codable, CaseIterable, Sendable {
    case login
    case loginFailed = "login_failed"
    case loginThrottled = "login_throttled"
    case logout
    case userCreated = "user_created"
    case userChanged = "user_changed"
    case userDisabled = "user_disabled"
    case passwordReset = "password_reset"
    case teamCreated = "team_created"
    case teamChanged = "team_changed"
    case listExport = "list_export"
    case listExportRefused = "list_export_refused"
    case recordingAccess = "recording_access"
    case reportDownload = "report_download"
    case adminBootstrap = "admin_bootstrap"
    case trunkCreated = "trunk_created"
    case trunkChanged = "trunk_changed"
    case trunkRemoved = "trunk_removed"
    case phoneCreated = "phone_created"
    case phoneChanged = "phone_changed"
    case phoneRemoved = "phone_removed"
    case testCall = "test_call"
    case listImport = "list_import"
    case doNotCallChanged = "dnc_changed"
    case leadChanged = "lead_changed"
}
