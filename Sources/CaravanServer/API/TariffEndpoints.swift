import CaravanCore
import CaravanService

/// `/api/v1/tariffs/coverage`: what `caravan tariffs coverage` answers.
enum TariffEndpoints {
    static let all = [
        Endpoint(
            method: .get, path: "/api/v1/tariffs/coverage", operationID: "tariffCoverage", tag: "tariffs",
            summary:
                "The share of tariff lines a reporter liberalized for a partner, and the share of the partner's trade in those lines, with the preference margins.",
            parameters: Parameter.query(.coverage),
            answer: "TariffCoverage",
            refusals: [400: "A parameter is wrong, or the reporter has several regimes and none was named.", 404: "No schedule is stored."]
        ) { call in
            let request = try call.reader.coverage()
            let coverage = try await call.workspace.tariffCoverage(
                reporter: request.reporter, partner: request.partner, regime: request.regime, period: request.period, asOf: request.asOf)
            return try Answer.json(coverage)
        }
    ]
}
