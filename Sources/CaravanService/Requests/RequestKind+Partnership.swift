import CaravanCore
import CaravanImport

extension RequestKind {
    /// `scorecard` and its parts, `/api/v1/scorecard` and its parts.
    public static let judged = RequestKind("judged", [.partnership, .asOf])

    /// `report`, and every dashboard page: a partnership judged, in a language.
    public static let report = RequestKind(
        "report", [.partnership, .asOf, RequestField(name: "lang", summary: "The page's language: fa, ru or en.")])

    /// `scenario`, `/api/v1/scenario`, the `/scenario` page.
    public static let scenario = RequestKind(
        "scenario",
        [
            RequestField(name: "partnership", summary: RequestField.partnership.summary, example: "iran-kazakhstan"),
            RequestField(name: "delay", repeatable: true, summary: "A project finished later: PROJECT=YEARS.", example: "aktau-kuryk-expansion=2y"),
            RequestField(name: "cancel", repeatable: true, summary: "A project never built: its id."),
            RequestField(
                name: "add", repeatable: true,
                summary: "A figure added to a network element from now: ELEMENT:capacity_mt=5 (or hours, usd_per_t, dwell_hours)."),
        ])

    /// `changes`, `/api/v1/changes`.
    public static let changes = RequestKind(
        "changes",
        [
            RequestField(name: "partnership", summary: "Only this partnership's changes.", example: "iran-kazakhstan"),
            RequestField(
                name: "since", summary: "Only changes since this date (YYYY-MM-DD, from its first instant) or ISO 8601 time.", example: "2026-01-01"),
        ])

    /// `watch add`, `POST /api/v1/watches`.
    public static let watch = RequestKind(
        "watch",
        [
            RequestField(
                name: "url", required: true,
                summary:
                    "The http or https address each change is posted to: a public one (a loopback, private or link-local address is refused, unless the server runs with --allow-private-watches).",
                example: "https://example.org/hook"),
            RequestField(name: "partnership", summary: "Only this partnership's changes (default: every partnership's).", example: "iran-kazakhstan"),
        ])

    /// `watch remove`, `DELETE /api/v1/watches/{id}`.
    public static let unwatch = RequestKind(
        "unwatch", [RequestField(name: "id", value: .integer, required: true, summary: "The watch's id.", example: "1")])

    /// `POST /api/v1/imports`: a file sent as the body.
    public static let upload = RequestKind(
        "upload",
        [
            RequestField(
                name: "name", required: true, summary: "The file's name, recorded with every figure it holds.", example: "comtrade-2024.csv"),
            RequestField(
                name: "format", value: .choice(ImportFormat.allCases.map(\.rawValue)),
                summary: "The file's format (default: detected from its first bytes)."),
        ])

    /// `PUT /api/v1/dossiers/{partnership}`: a dossier sent as the body.
    public static let dossier = RequestKind(
        "dossier",
        [RequestField(name: "partnership", required: true, summary: "The partnership's id, as in the dossier.", example: "iran-kazakhstan")])
}

extension RequestKind {
    /// `check ARTICLE`, `POST /api/v1/check`, the `/check` page: an article, sent as the body or a file.
    public static let check = RequestKind(
        "check",
        [
            RequestField(
                name: "partnership",
                summary: "The partnership whose pair fills a side a sentence leaves out (default: the one whose economies the article names most).",
                example: "iran-kazakhstan"),
            RequestField(
                name: "published",
                summary: "The day the article appeared (YYYY-MM-DD), against which \"last year\" is read (default: the page's own).",
                example: "2025-12-11"),
            RequestField(
                name: "source", summary: "Who published it: its own figures are set aside, never what confirms it (default: the page's own).",
                example: "Tehran Times"),
            RequestField(name: "url", summary: "Where it was published (default: the page's own)."),
            RequestField(
                name: "markup", value: .choice(["text", "markdown", "html"]),
                summary: "How the article is marked up (default: by the file's name, else HTML when it starts with a tag)."),
            RequestField(
                name: "calendar", value: .choice(CalendarSystem.allCases.map(\.rawValue)),
                summary:
                    "The calendar the source counts \"this year\" and \"last year\" in: solar-hijri for an Iranian agency writing in English (default: the article's language's)."
            ),
            .asOf,
        ])
}
