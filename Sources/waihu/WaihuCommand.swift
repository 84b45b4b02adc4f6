import ArgumentParser
import WaihuServer

@main
struct WaihuCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "waihu",
        abstract: "waihu 外呼: an outbound call-center platform.",
        version: WaihuVersion.current,
        subcommands: [ServeCommand.self, UserCommand.self, TeamCommand.self, AuditCommand.self, SimulateCommand.self, CallCommand.self, BenchCommand.self,
                      TrunkCommand.self, PhoneCommand.self, EventsCommand.self, ReportCommand.self,
                      LeadsCommand.self, DncCommand.self, BatchCommand.self, SourceCommand.self, CampaignCommand.self,
                      AnnouncementsCommand.self, SettingsCommand.self]
    )
}
