import CaravanDossier
import CaravanPresentation
import CaravanService
import Foundation

/// `/api/v1/scorecard` and the dossier's parts: what `caravan scorecard|targets|claims|projects|agreements` answer.
enum DossierEndpoints {
    static let judged = Parameter.query(.judged)
    static let refusals = [400: "A parameter is wrong.", 404: "No dossier, or none for that partnership, is stored."]

    static let all =
        [
            Endpoint(
                method: .get, path: "/api/v1/scorecard", operationID: "scorecard", tag: "dossier",
                summary: "Is the partnership delivering? Its three tests — trade, projects, corridor — and every claim checked.",
                parameters: judged, answer: "Scorecard", refusals: refusals
            ) { call in
                try Answer.json(try await scorecard(call))
            },
            part(TargetsPart.self, answer: "Targets"), part(ClaimsPart.self, answer: "Claims"), part(ProjectsPart.self, answer: "Projects"),
            part(AgreementsPart.self, answer: "Agreements"),
            Endpoint(
                method: .get, path: "/api/v1/scenario", operationID: "scenario", tag: "dossier",
                summary:
                    "What a delay, a cancellation or added capacity would do: the three tests, each target, the corridor's capacity and bottleneck year by year, beside the baseline. Nothing stored changes.",
                parameters: Parameter.query(.scenario),
                answer: "Scenario",
                refusals: [400: "A parameter is wrong: no change, or a project or element the dossier or network lacks.", 404: refusals[404]!]
            ) { call in
                try Answer.json(try await call.workspace.scenario(try await call.reader.scenario()))
            },
        ]

    static func scorecard(_ call: Call) async throws -> Scorecard {
        let request = try call.reader.judged()
        return try await call.workspace.scorecard(request.partnership, asOf: request.asOf)
    }

    private static func part<Part: DossierPart>(_ type: Part.Type, answer: String) -> Endpoint {
        Endpoint(
            method: .get, path: "/api/v1/\(Part.name)", operationID: Part.name, tag: "dossier", summary: Part.abstract, parameters: judged,
            answer: answer, refusals: refusals
        ) { call in
            try Answer.json(Part(try await scorecard(call)))
        }
    }
}
