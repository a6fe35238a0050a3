/// The shapes the API answers with: the JSON the CLI writes with `--format json`.
enum Schemas {
    static let string: JSONValue = ["type": "string"]
    static let integer: JSONValue = ["type": "integer"]
    static let number: JSONValue = ["type": "number"]
    static let boolean: JSONValue = ["type": "boolean"]
    static let optionalString: JSONValue = ["type": ["string", "null"]]
    static let optionalNumber: JSONValue = ["type": ["number", "null"]]
    static let optionalInteger: JSONValue = ["type": ["integer", "null"]]
    static let anyObject: JSONValue = ["type": "object"]
    static let figureStatus: JSONValue = ["type": "string", "enum": ["outturn", "lower-bound", "upper-bound", "plan", "forecast"]]
    static let precedence: JSONValue = ["type": "string", "enum": ["official", "reconciled", "names-compiler", "dated", "undated"]]

    static func object(_ properties: [String: JSONValue], required: [String] = [], _ description: String? = nil) -> JSONValue {
        var schema: JSONValue = ["type": "object", "properties": .object(properties)]
        if !required.isEmpty { schema = schema.merging(["required": .array(required.map { .string($0) })]) }
        if let description { schema = schema.merging(["description": .string(description)]) }
        return schema
    }

    static func array(_ items: JSONValue) -> JSONValue { ["type": "array", "items": items] }
    static func ref(_ name: String) -> JSONValue { ["$ref": .string("#/components/schemas/\(name)")] }
    static func list(_ key: String, of item: JSONValue, _ description: String) -> JSONValue {
        object([key: array(item)], required: [key], description)
    }

    static let all: [String: JSONValue] = [
        "Error": object(
            ["error": object(["code": string, "message": string], required: ["code", "message"])], required: ["error"],
            "A refusal: a stable code and a message that names the parameter, file, line or field at fault."),
        "Health": object(["status": string, "store": ["type": "string", "enum": ["sqlite", "postgres"]]], required: ["status"]),
        "OpenAPI": object(["openapi": string, "info": anyObject, "paths": anyObject, "components": anyObject], required: ["openapi", "paths"]),
        "Citation": object(
            [
                "reporter": string, "partner": string, "flow": string, "period": string, "value_usd": number, "share": optionalNumber,
                "kind": string, "provider": string, "title": optionalString, "url": optionalString, "published": optionalString,
                "recorded_at": string, "file": string, "line": optionalInteger, "note": optionalString, "valuation": optionalString,
                "compiler": optionalString, "status": figureStatus, "edition": optionalString,
                "precedence": precedence,
            ], required: ["provider", "recorded_at", "file", "precedence"],
            "Where a figure comes from: its publisher, its file and line, its vintage, and where it stands among figures for the same period."),
        "PeriodValue": object(
            [
                "period": string, "value_usd": number, "quantity_t": optionalNumber, "partial": boolean, "estimate": boolean,
                "change_pct": optionalNumber, "change_vs": string, "covered": string, "sources": array(ref("Citation")),
                "alternatives": array(ref("Citation")), "components": array(ref("Citation")),
            ], required: ["period", "value_usd", "sources"],
            "alternatives: other figures for the same days; components: exports and imports adding up to a turnover not used."),
        "TradeQuery": object(["reporter": string, "partner": string, "flow": string, "commodity": string]),
        "TradeSeries": object(
            ["grain": string, "query": ref("TradeQuery"), "series": array(ref("PeriodValue")), "not_outturns": array(ref("Citation"))],
            required: ["query", "series"], "not_outturns: the pair's bounds, plans and forecasts of the flow, never in a value."),
        "GapSide": object(
            [
                "economy": string, "flow": string, "commodity": string, "period": string, "value_usd": number, "official": boolean,
                "compiler": optionalString, "sources": array(ref("Citation")), "also_published": array(ref("Citation")),
            ], required: ["economy", "flow", "commodity", "period", "value_usd", "official", "sources"]),
        "GapStep": object(
            [
                "kind": [
                    "type": "string", "enum": ["calendar", "coverage", "valuation", "partial-period", "re-exports", "partner-attribution"],
                ],
                "amount_usd": optionalNumber, "method": string, "sources": array(ref("Citation")),
                "direction": object(["exporter": string, "importer": string], required: ["exporter", "importer"]),
            ], required: ["kind", "method"], "direction: whose goods, for a step of a turnover told by direction."),
        "GapDirection": object(
            [
                "flow": string, "exporter": string, "importer": string, "a": ref("GapSide"), "b": ref("GapSide"),
                "steps": array(ref("GapStep")), "not_quantified": array(ref("GapStep")), "residual_usd": number,
            ], required: ["flow", "exporter", "importer", "a", "b", "steps", "not_quantified", "residual_usd"],
            "One direction of a turnover, reconciled on its own: a.value_usd + Σ steps[].amount_usd + residual_usd = b.value_usd."),
        "TradeGap": object(
            [
                "question": object(["a": string, "b": string, "period": string, "flow": string, "commodity": string]),
                "a": ref("GapSide"), "b": ref("GapSide"), "directions": array(ref("GapDirection")), "directions_missing": optionalString,
                "steps": array(ref("GapStep")), "not_quantified": array(ref("GapStep")), "residual_usd": optionalNumber,
            ], required: ["question", "directions", "steps", "not_quantified"],
            "a.value_usd + Σ steps[].amount_usd + residual_usd = b.value_usd, to the dollar, and so in each direction; a side without a "
                + "figure is absent. Asked with a and b swapped, every amount and the residual change sign and nothing else."),
        "TradeComparison": object(
            [
                "query": ref("TradeQuery"), "period": string, "versus": string, "current": ref("PeriodValue"), "base": ref("PeriodValue"),
                "change_usd": optionalNumber, "change_pct": optionalNumber,
            ],
            required: ["query", "period", "versus"]),
        "MirrorComparison": object(
            ["commodity": string, "flows": array(anyObject)], required: ["commodity", "flows"],
            "Each flow of one commodity as both sides report it, the gap and the best estimate."),
        "RouteAnswer": object(
            [
                "network": string,
                "routes": array(
                    object(
                        [
                            "nodes": array(string), "links": array(string), "hours": number, "usd_per_t": number, "km": number,
                            "km_incomplete": boolean, "legs": array(anyObject),
                        ], required: ["nodes", "links", "hours", "usd_per_t"])),
            ], required: ["routes"]),
        "CapacityAnalysis": object(
            [
                "from": string, "to": string, "max_mt": optionalNumber, "bottleneck": array(string),
                "paths": array(object(["mt": number, "nodes": array(string)])),
            ], required: ["from", "to", "bottleneck"], "max_mt is null when nothing on the way limits the flow."),
        "FlowReport": list("flows", of: anyObject, "Each reported flow against its element's capacity, with its source."),
        "Scorecard": object(
            [
                "as_of": string, "partnership": anyObject,
                "tests": object(["trade": anyObject, "projects": anyObject, "corridor": anyObject], required: ["trade", "projects", "corridor"]),
                "claims": array(anyObject), "agreements": array(anyObject), "sources": array(anyObject),
                "missing_elements": array(object(["path": string, "element": string], required: ["path", "element"])),
            ], required: ["as_of", "partnership", "tests", "missing_elements"]),
        "Scenario": object(
            [
                "partnership": string, "changes": array(string),
                "baseline": ref("ScenarioOutcome"), "scenario": ref("ScenarioOutcome"), "unchanged": optionalString,
            ], required: ["partnership", "changes", "baseline", "scenario"],
            "A what-if beside the dossier as it stands: nothing stored changes. unchanged says why nothing moved, when nothing did."),
        "ScenarioOutcome": object(
            [
                "trade": anyObject, "projects": anyObject, "corridor": anyObject, "targets": array(anyObject),
                "capacity_by_year": array(
                    object(
                        ["year": integer, "max_mt": optionalNumber, "bottleneck": array(string), "projects_applied": array(string)],
                        required: ["year", "bottleneck", "projects_applied"])),
            ], required: ["trade", "projects", "corridor", "targets", "capacity_by_year"]),
        "Targets": list("targets", of: anyObject, "Each target with its progress, the growth it needs and the year it is reached."),
        "Claims": list("claims", of: anyObject, "Each claim with its verdict: consistent, inconsistent, contested or unverifiable."),
        "Projects": list("projects", of: anyObject, "Each project with its funding against budget and milestones against plan."),
        "Agreements": list("agreements", of: anyObject, "Each agreement and how far it has come."),
        "ProductShare": object(
            [
                "code": string, "name": optionalString, "value_usd": number, "share_pct": number, "versus_usd": optionalNumber,
                "change_usd": optionalNumber, "change_pct": optionalNumber, "quantity_t": optionalNumber, "unit_value_usd_per_t": optionalNumber,
                "count": optionalInteger, "sources": array(ref("Citation")),
            ], required: ["code", "value_usd", "share_pct", "sources"]),
        "ProductComposition": object(
            [
                "query": ref("TradeQuery"), "period": string, "versus": string, "level": string, "total_usd": number,
                "versus_total_usd": optionalNumber, "products": array(ref("ProductShare")), "other": ref("ProductShare"),
                "concentration": array(object(["period": string, "products": integer, "hhi": number, "products_for_80_pct": integer])),
                "gainers": array(ref("ProductShare")), "losers": array(ref("ProductShare")),
            ], required: ["query", "period", "level", "total_usd", "products", "concentration"]),
        "TariffCoverage": object(
            [
                "reporter": string, "partner": string, "regime": string, "schedule_date": string,
                "lines": object(
                    [
                        "total": integer, "with_rate": integer, "liberalized": integer, "liberalized_pct": optionalNumber, "mfn_free": integer,
                        "mean_margin_pct": optionalNumber,
                    ], required: ["total", "with_rate", "liberalized"]),
                "trade": anyObject, "sources": array(anyObject),
            ], required: ["reporter", "partner", "regime", "schedule_date", "lines", "sources"],
            "trade is absent when the store has no imports of the pair at the subheading level."),
        "CheckedStatement": object(
            [
                "id": string, "kind": ["type": "string", "enum": ["figure", "target", "growth", "count"]], "quote": string,
                "span": array(integer), "span_utf16": array(integer), "reporter": optionalString, "partner": optionalString,
                "flow": optionalString, "commodity": optionalString, "period": optionalString, "value_usd": optionalNumber,
                "bound": ["type": "string", "enum": ["above", "below", "about", "exact"]], "year": optionalInteger, "pct": optionalNumber,
                "versus": optionalString, "what": optionalString,
                "value": optionalNumber,
                "verdict": [
                    "type": "string",
                    "enum": [
                        "consistent", "inconsistent", "contested", "unverifiable", "met", "on_track", "at_risk", "off_track", "no_data", "unpinned",
                    ],
                ],
                "reason": string, "expected": optionalString, "computed": optionalNumber, "basis": array(anyObject), "set_aside": array(anyObject),
            ], required: ["id", "kind", "quote", "span", "verdict", "reason", "basis"],
            "span: offsets in Unicode scalars of the text as read, end excluded; span_utf16 the same in UTF-16 units, for JavaScript. unpinned: the text leaves its pair, period or year open."
        ),
        "ArticleCheck": object(
            [
                "article": object(
                    [
                        "published": optionalString, "language": string, "source": optionalString, "url": optionalString, "partnership": string,
                        "format": string,
                    ], required: ["language", "partnership"]),
                "found": array(ref("CheckedStatement")),
            ], required: ["article", "found"]),
        "ImportBatch": object(
            ["id": integer, "file": string, "format": string, "sha256": string, "recorded_at": string, "observations": integer],
            required: ["id", "file", "format", "recorded_at"]),
        "ImportList": list("imports", of: ref("ImportBatch"), "The imported files, oldest first."),
        "ImportAnswer": object(
            [
                "status": ["type": "string", "enum": ["stored", "already_imported", "restored"]], "file": string, "format": string,
                "rows_read": integer, "notes": array(string), "changes": array(ref("Change")),
                "rows_stored": integer, "derived": integer, "skipped": ["type": "object", "additionalProperties": integer], "rejected": integer,
                "flagged": ["type": "object", "additionalProperties": integer],
                "batch": ref("ImportBatch"),
            ], required: ["status", "file", "batch"]),
        "Change": object(
            [
                "event": integer, "partnership": string, "kind": ["type": "string", "enum": ["test", "target", "claim"]], "id": string,
                "from": optionalString, "to": optionalString,
                "cause": object(
                    [
                        "kind": ["type": "string", "enum": ["import", "judged-again"]], "batch": integer, "file": string, "format": string,
                        "vintage": string,
                    ], required: ["kind"]),
                "at": string,
            ], required: ["event", "partnership", "kind", "id", "from", "to", "cause", "at"],
            "A status that changed: from null when first judged, to null when no longer judged. cause names the import, or says the scorecard was judged again with nothing new stored."
        ),
        "ChangeList": list("changes", of: ref("Change"), "The changes, oldest first."),
        "Watch": object(
            [
                "id": integer, "url": string, "partnership": optionalString, "secret": string, "created_at": string,
                "removed_at": optionalString, "owed": integer, "last_error": optionalString,
            ], required: ["id", "url", "created_at"],
            "An address told of changes; its secret only in the answer that made it. In the token's list: the deliveries it is still owed, and why the newest that failed failed (refused: not a public address; failed: no answer; failed: HTTP 4xx or 5xx; failed: HTTP 3xx, not followed)."
        ),
        "WatchList": list("watches", of: ref("Watch"), "The token's active watches, oldest first, without their secrets."),
    ]
}
