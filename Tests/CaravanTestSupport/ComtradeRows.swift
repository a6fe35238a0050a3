/// Comtrade API v1 records written as CSV or TSV rows, with the 47 fields of the real API.
public enum ComtradeRows {
    public static let header = [
        "typeCode", "freqCode", "refPeriodId", "refYear", "refMonth", "period", "reporterCode", "reporterISO", "reporterDesc",
        "flowCode", "flowDesc", "partnerCode", "partnerISO", "partnerDesc", "partner2Code", "partner2ISO", "partner2Desc",
        "classificationCode", "classificationSearchCode", "isOriginalClassification", "cmdCode", "cmdDesc", "aggrLevel", "isLeaf",
        "customsCode", "customsDesc", "mosCode", "motCode", "motDesc", "qtyUnitCode", "qtyUnitAbbr", "qty", "isQtyEstimated",
        "altQtyUnitCode", "altQtyUnitAbbr", "altQty", "isAltQtyEstimated", "netWgt", "isNetWgtEstimated", "grossWgt",
        "isGrossWgtEstimated", "cifvalue", "fobvalue", "primaryValue", "legacyEstimationFlag", "isReported", "isAggregate",
    ]

    /// One record; fields not given take a totals row's values.
    public static func row(_ fields: [String: String]) -> [String] {
        let defaults: [String: String] = [
            "typeCode": "C", "freqCode": "A", "refYear": "2023", "refMonth": "52", "period": "2023", "reporterCode": "398",
            "reporterISO": "KAZ", "reporterDesc": "Kazakhstan", "flowCode": "X", "partnerCode": "364", "partnerISO": "IRN",
            "partnerDesc": "Iran", "partner2Code": "0", "partner2ISO": "W00", "classificationCode": "H6", "cmdCode": "TOTAL",
            "aggrLevel": "0", "customsCode": "C00", "mosCode": "0", "motCode": "0", "qtyUnitCode": "-1", "primaryValue": "100",
        ]
        return header.map { fields[$0] ?? defaults[$0] ?? "" }
    }

    /// A file of records joined by `separator`.
    public static func file(_ rows: [[String: String]], separator: String = ",") -> String {
        ([header] + rows.map(row)).map { $0.joined(separator: separator) }.joined(separator: "\n") + "\n"
    }
}
