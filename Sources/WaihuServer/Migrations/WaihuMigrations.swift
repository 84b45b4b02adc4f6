import Fluent

/// Every schema change, in order. The same list runs on SQLite and PostgreSQL.
public enum WaihuMigrations {
    public static var all: [any Migration] {
        [
            CreateTeams(),
            CreateUsers(),
            CreateSessionTokens(),
            CreateAuditEntries(),
            CreateTrunks(),
            CreatePhones(),
            CreateEventTables(),
            CreateLeadTables(),
            CreateCampaignTables(),
            CreateEventRollups(),
            AddCampaignLeadCallbacks(),
            StoreCallOutcomesOnCampaignLeads(),
            SnakeCaseCampaignPlans(),
            HolidaysAsCalendarDays(),
            CreateAnnouncements(),
            AddCallCauses(),
            CreateCallProgressAudio(),
            CreateSystemSettings(),
        ]
    }
}
