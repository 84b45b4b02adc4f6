import WaihuDomain

/// `waihu simulate pacing`: runs one shift with the chosen pacer and, on the same seed, progressive dialling.
public enum PacingSimulator {
    /// Validates `parameters` (throwing `PacingParameterError`) and simulates one shift.
    public static func run(_ parameters: PacingSimulationParameters) throws -> ShiftResult {
        try parameters.validate()
        let pacer = try makePacer(parameters, history: warmUpHistory(parameters))
        let main = simulate(parameters, pacer: pacer, mode: parameters.mode)
        var progressive: ShiftMetrics?
        if parameters.compareWithProgressive {
            progressive = parameters.mode == .progressive
                ? main : simulate(parameters, pacer: ProgressivePacer(), mode: .progressive)
        }
        return ShiftResult(parameters: parameters, pacer: main, progressive: progressive)
    }

    /// The production pacer for the parameters' mode, configured as a campaign would configure it.
    public static func makePacer(_ parameters: PacingSimulationParameters, history: PacingHistory = PacingHistory()) throws -> any DialPacer {
        switch parameters.mode {
        case .preview: return PreviewPacer()
        case .progressive: return ProgressivePacer()
        case .fixedRatio:
            do { return try FixedRatioPacer(ratio: parameters.fixedRatio) } catch {
                throw PacingParameterError.ratioOutOfRange(parameters.fixedRatio)
            }
        case .predictive:
            let cap: AbandonCap
            do { cap = try AbandonCap(rate: parameters.cap, connectGrace: parameters.connectGrace) } catch {
                throw PacingParameterError.capAboveLegalLimit(parameters.cap)
            }
            return PredictivePacer(configuration: PredictivePacerConfiguration(
                cap: cap, machineFalsePositiveRate: parameters.machineFalsePositiveRate, priors: history.priors(hour: 0),
                initialThreshold: parameters.initialThreshold))
        case .broadcast, .cleanse:
            throw PacingParameterError.unsupportedMode(parameters.mode.rawValue)
        }
    }

    /// With `warmMinutes`: the history of an earlier campaign on the same floor and lists (its own
    /// seed), run cold; its abandon ledger stays its own, as a new campaign's would.
    static func warmUpHistory(_ parameters: PacingSimulationParameters) throws -> PacingHistory {
        guard parameters.warmMinutes > 0, parameters.mode == .predictive else { return PacingHistory() }
        var earlier = parameters
        earlier.hours = parameters.warmMinutes / 60
        earlier.seed = parameters.seed &+ 0x5EED_0000
        earlier.warmMinutes = 0
        var simulation = ShiftSimulation(parameters: earlier, pacer: try makePacer(earlier), mode: .predictive, recordsHistory: true)
        _ = simulation.run()
        var history = simulation.history
        history.ledger = AbandonLedger()
        return history
    }

    static func simulate(_ parameters: PacingSimulationParameters, pacer: any DialPacer, mode: DialMode) -> ShiftMetrics {
        var simulation = ShiftSimulation(parameters: parameters, pacer: pacer, mode: mode)
        return simulation.run()
    }
}
