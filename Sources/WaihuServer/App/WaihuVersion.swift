/// The version waihu reports in `waihu --version`, `/healthz` and the UI footer.
public enum WaihuVersion {
    public static let current = "0.1.0"
}
