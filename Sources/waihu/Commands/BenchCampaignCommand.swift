import ArgumentParser
import Foundation
import Vapor
import WaihuDomain
import WaihuServer

extension BenchCommand {
    /// `waihu bench campaign`: a predictive campaign in a real `waihu serve` with simulated agents
    /// and customers on loopback (docs/campaigns.md, "Benchmark").
    struct CampaignRun: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "campaign",
            abstract: "A predictive campaign in waihu serve: baresip agents, SIPp customers; occupancy, abandon rate, the wait between calls and its long tail's causes, CPU and memory.",
            discussion: "--warm MINUTES first works a campaign on the same lists for that long, then measures a new one from its first minute. The exit status is 0 when the aims hold: issue 8's for a cold run, issue 18's for a warm one."
        )

        @ArgumentParser.Option(help: "Agents (baresip phones 8001…).") var agents: Int = 20
        @ArgumentParser.Option(help: "Minutes measured.") var minutes: Double = 10
        @ArgumentParser.Option(help: "Minutes of a first campaign on the same lists and team before the measured one (0: a cold run).")
        var warm: Double = 0
        @ArgumentParser.Option(name: .customLong("answer-rate"), help: "Fraction of customers who answer.") var answerRate: Double = 0.25
        @ArgumentParser.Option(help: "Leads in the campaign.") var leads: Int = 20000
        @ArgumentParser.Option(help: "Seed of the lead list and of the agents' disposition times.") var seed: UInt64 = 1
        @ArgumentParser.Option(name: .customLong("abandon-cap"), help: "The campaign's abandon cap.") var abandonCap: Double = 0.03
        @ArgumentParser.Option(name: .customLong("rtp-ports"), help: "RTP port range of waihu serve, FIRST-LAST.") var rtpPorts: String = "30000-31999"
        @ArgumentParser.Flag(help: "Keep the temporary data folder (database, logs) and print its path.") var keep = false

        func validate() throws {
            guard (1...200).contains(agents) else { throw ValidationError("--agents must be 1 to 200") }
            guard minutes > 0 else { throw ValidationError("--minutes must be positive") }
            guard warm >= 0 else { throw ValidationError("--warm must be 0 (a cold run) or more minutes") }
            guard warm == 0 || leads <= 49_999 else { throw ValidationError("--leads must be at most 49999 with --warm (the warm-up gets a list as long)") }
            guard answerRate > 0, answerRate <= 1 else { throw ValidationError("--answer-rate must be above 0 and at most 1") }
            guard (1...99_999).contains(leads) else { throw ValidationError("--leads must be 1 to 99999") }
            guard (0...AbandonCap.maximumRate).contains(abandonCap) else { throw ValidationError("--abandon-cap must be 0 to \(AbandonCap.maximumRate)") }
            _ = try PortRangeOption(rtpPorts, option: "--rtp-ports")
        }

        func run() async throws {
            for program in ["/usr/bin/sipp", "/usr/bin/baresip"] where !FileManager.default.isExecutableFile(atPath: program) {
                throw ValidationError(BenchCampaignError.missingProgram(program).description)
            }
            let folder = NSTemporaryDirectory() + "waihu-bench-campaign-" + UUID().uuidString
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            defer {
                if keep { log("data, database and logs kept in \(folder)") } else { try? FileManager.default.removeItem(atPath: folder) }
            }
            let stage = BenchCampaignStage(folder: folder, agents: agents, seed: seed)
            defer { stage.stop() }
            do {
                let leadList = BenchCustomers.leads(count: leads, answerRate: answerRate, seed: seed)
                // The warm-up dials a list of its own from the same source: the measured campaign
                // starts on fresh leads, as a new campaign on a new batch would.
                let warmUpList = warm > 0
                    ? BenchCustomers.leads(count: min(leads, 99_999 - leads), answerRate: answerRate, seed: seed &+ 17, firstIndex: leads) : []
                log("setting up: \(agents) agents and phones, a trunk to the SIPp customers, \(leads) leads (\(leadList.filter(\.answers).count) will answer)"
                    + (warm > 0 ? ", \(warmUpList.count) more for the warm-up" : ""))
                try await stage.setUp(leads: leadList, warmUpLeads: warmUpList)
                try await stage.startPeers(rtpPorts: rtpPorts)
                let report = try await ServerAPIClient.with(baseURL: "http://127.0.0.1:\(stage.httpPort)") { client, app in
                    try await measure(stage: stage, client: &client, app: app)
                }
                print(report.text)
                if !report.aimsHold { throw ExitCode(1) }
            } catch let error as BenchCampaignError {
                throw ValidationError(error.description)
            } catch let error as ServerAPIClient.Failure {
                throw ValidationError(error.description)
            } catch let error as AdministrationError {
                throw userFacing(error)
            } catch let error as TelephonyAdministrationError {
                throw userFacing(error)
            }
        }

        private func measure(stage: BenchCampaignStage, client: inout ServerAPIClient, app: Application) async throws -> BenchCampaignReport {
            try await client.login(username: BenchCampaignStage.admin, password: BenchCampaignStage.adminPassword, on: app)
            if warm > 0 {
                // The same source, team and trunk worked for a while first (another batch); the
                // measured campaign is a new one that finds this one's calls as its history.
                let first = try await createCampaign(named: "压测预测外呼·预热", batch: BenchCampaignStage.warmUpBatch, client: client, app: app)
                _ = try await client.post("/campaigns/\(first)/start", [:], on: app)
                log("warming up: campaign \(first) for \(warm) min")
                _ = try await shift(on: first, minutes: warm, seedOffset: 1_000, measured: false, stage: stage, client: client, app: app)
            }
            let campaign = try await createCampaign(named: "压测预测外呼", batch: BenchCampaignStage.batch, client: client, app: app)
            _ = try await client.post("/campaigns/\(campaign)/start", [:], on: app)
            let run = try await shift(on: campaign, minutes: minutes, seedOffset: 0, measured: true, stage: stage, client: client, app: app)
            return BenchCampaignReport(
                agents: agents, minutes: run.window.upperBound.timeIntervalSince(run.window.lowerBound) / 60, answerRate: answerRate,
                warmMinutes: warm, placed: run.final.dialed, answered: run.final.answered, abandoned: run.final.abandoned,
                timelines: run.agents.map { .init(agent: $0.username, phone: $0.phoneExtension, intervals: $0.intervals) },
                window: run.window, dispositions: run.agents.reduce(0) { $0 + $1.dispositions }, cpuPercent: run.cpuPercent,
                peakResidentKiB: run.peakResidentKiB, loadAverage: ChildProcessUsage.loadAverage(), abandonCap: abandonCap,
                pacing: run.pacing)
        }

        private struct Shift {
            var agents: [BenchAgent]
            var window: ClosedRange<Date>
            var final: Progress
            var cpuPercent = 0.0
            var peakResidentKiB = 0
            var pacing: BenchPacingTrace?
        }

        /// The agents join `campaign` and work it for `minutes` from the moment the last one is
        /// ready; then it is stopped, the calls still up finish and get their dispositions, and
        /// the agents log out. A measured shift also reads waihu serve's CPU over the window and
        /// the campaign's pacing trace as the window closes.
        private func shift(on campaign: Int, minutes: Double, seedOffset: UInt64, measured: Bool, stage: BenchCampaignStage,
                           client: ServerAPIClient, app: Application) async throws -> Shift {
            let shift = BenchShift()
            defer { shift.end() }  // agents stop working whatever happens, so `worked` ends
            // Each agent logs in (its phone registered) and goes to work at once; the window
            // opens when the last one is ready.
            let base = client
            let seed = self.seed &+ seedOffset
            async let worked: [BenchAgent] = withTaskGroup(of: BenchAgent?.self) { group in
                for (index, account) in stage.agentAccounts.enumerated() {
                    group.addTask {
                        var agent = BenchAgent(username: account.username, phoneExtension: account.phoneExtension,
                                               client: ServerAPIClient(baseURL: base.baseURL), seed: seed &+ UInt64(index + 1) &* 7919)
                        do { try await agent.join(campaign: campaign, password: account.password, app: app) } catch {
                            shift.fail(error)
                            return nil
                        }
                        shift.joined()
                        await agent.work(shift: shift, app: app)
                        return agent
                    }
                }
                var done: [BenchAgent] = []
                for await agent in group { if let agent { done.append(agent) } }
                return done
            }
            while shift.joinedCount < agents && shift.failure == nil {
                try await Task.sleep(nanoseconds: 100_000_000)
            }
            if let failure = shift.failure {
                shift.end()
                _ = await worked
                throw failure
            }
            log("\(agents) agents ready; \(measured ? "measuring" : "working") \(minutes) min (load average \(ChildProcessUsage.loadAverage()))")
            let pid = stage.servePID
            guard let before = ChildProcessUsage.read(pid: pid) else { throw BenchCampaignError.campaign("cannot read /proc/\(pid)") }
            let windowStart = Date()
            let windowEnd = windowStart.addingTimeInterval(minutes * 60)
            var nextNote = windowStart.addingTimeInterval(60)
            while Date() < windowEnd {
                try await Task.sleep(nanoseconds: 500_000_000)
                if Date() >= nextNote {
                    nextNote = nextNote.addingTimeInterval(60)
                    if let progress = try? await progress(campaign, client: client, app: app) {
                        log("\(Int(Date().timeIntervalSince(windowStart))) s: \(progress.dialed) calls ended, \(progress.answered) answered, "
                            + "\(progress.abandoned) abandoned, \(progress.dialing) dialing now; waihu serve CPU "
                            + String(format: "%.0f %%", ChildProcessUsage.read(pid: pid)?.cpuPercent(since: before) ?? 0))
                    }
                }
            }
            shift.closeWindow()
            guard let after = ChildProcessUsage.read(pid: pid) else { throw BenchCampaignError.campaign("waihu serve is gone") }
            // Read before the stop: the trace goes with the campaign's runner.
            let pacing = measured ? try await pacingTrace(campaign, client: client, app: app) : nil
            _ = try await client.post("/campaigns/\(campaign)/stop", [:], on: app)
            // Calls up at the stop finish and get their dispositions, so every call is counted once.
            let settleEnd = Date().addingTimeInterval(120)
            var final = try await progress(campaign, client: client, app: app)
            while Date() < settleEnd && (final.dialing > 0 || final.wrapUp > 0) {
                try await Task.sleep(nanoseconds: 1_000_000_000)
                final = try await progress(campaign, client: client, app: app)
            }
            shift.end()
            let agentsAfter = await worked
            return Shift(agents: agentsAfter, window: windowStart...windowEnd, final: final, cpuPercent: after.cpuPercent(since: before),
                         peakResidentKiB: ChildProcessUsage.read(pid: pid)?.peakResidentKiB ?? after.peakResidentKiB, pacing: pacing)
        }

        private func pacingTrace(_ campaign: Int, client: ServerAPIClient, app: Application) async throws -> BenchPacingTrace {
            let data = try await client.get("/campaigns/\(campaign)/pacing", on: app)
            do { return try JSONDecoder().decode(BenchPacingTrace.self, from: data) } catch {
                throw BenchCampaignError.campaign("GET /campaigns/\(campaign)/pacing: \(error)")
            }
        }

        private func createCampaign(named name: String, batch: String, client: ServerAPIClient, app: Application) async throws -> Int {
            let plan: [String: Any] = [
                "mode": "predictive",
                "ring_timeout_seconds": 20,
                "wrap_up_seconds": 60,
                "abandon_cap": ["rate": abandonCap, "connect_grace": 2],
                "gate": ["window": ["opens_at_minute": 0, "closes_at_minute": 1440, "holidays": [] as [Any]],
                         "attempts": ["max_attempts_per_lead": 3, "max_attempts_per_day": 3]],
            ]
            let data = try await client.post("/campaigns", [
                "name": name, "plan": plan, "batches": [batch], "teams": [BenchCampaignStage.team],
                "trunk": BenchCampaignStage.trunk, "caller_id": "02161234567",
            ], on: app)
            guard let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any], let id = object["id"] as? Int else {
                throw BenchCampaignError.campaign(String(decoding: data, as: UTF8.self))
            }
            return id
        }

        private struct Progress {
            var dialed = 0, answered = 0, abandoned = 0, dialing = 0, wrapUp = 0
        }

        private func progress(_ campaign: Int, client: ServerAPIClient, app: Application) async throws -> Progress {
            let data = try await client.get("/campaigns/\(campaign)", on: app)
            let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] ?? [:]
            let progress = object["progress"] as? [String: Any] ?? [:]
            return Progress(dialed: progress["dialed_today"] as? Int ?? 0, answered: progress["answered_today"] as? Int ?? 0,
                            abandoned: progress["abandoned_today"] as? Int ?? 0, dialing: progress["dialing"] as? Int ?? 0,
                            wrapUp: progress["wrap_up"] as? Int ?? 0)
        }

        private func log(_ line: String) {
            FileHandle.standardError.write(Data(("[bench campaign] " + line + "\n").utf8))
        }
    }
}
