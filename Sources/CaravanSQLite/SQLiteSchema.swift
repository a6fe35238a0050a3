import CaravanStore
import GRDB

/// The ledger's tables, one migration at a time, in SQL that PostgreSQL also runs.
enum SQLiteSchema {
    /// Every migration of `SchemaMigration`, in its order, under its name.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        for migration in SchemaMigration.allCases {
            migrator.registerMigration(migration.rawValue) { db in try db.execute(sql: sql(migration)) }
        }
        return migrator
    }

    /// A migration's statements, run in one transaction.
    static func sql(_ migration: SchemaMigration) -> String {
        switch migration {
        case .ledger:
            """
            CREATE TABLE import_batch (
                id INTEGER PRIMARY KEY,
                file_name TEXT NOT NULL,
                format TEXT NOT NULL,
                content_sha256 TEXT UNIQUE,
                recorded_at TEXT NOT NULL,
                observations INTEGER NOT NULL DEFAULT 0
            );
            CREATE TABLE source (
                id INTEGER PRIMARY KEY,
                import_id INTEGER NOT NULL REFERENCES import_batch(id),
                kind TEXT NOT NULL,
                provider TEXT NOT NULL,
                title TEXT,
                url TEXT,
                published TEXT
            );
            CREATE INDEX source_import ON source(import_id);
            CREATE TABLE observation (
                reporter TEXT NOT NULL,
                partner TEXT NOT NULL,
                flow TEXT NOT NULL,
                commodity TEXT NOT NULL,
                period TEXT NOT NULL,
                source_id INTEGER NOT NULL REFERENCES source(id),
                value_usd DOUBLE PRECISION NOT NULL,
                quantity_t DOUBLE PRECISION,
                valuation TEXT,
                note TEXT,
                line INTEGER,
                PRIMARY KEY (reporter, partner, flow, commodity, period, source_id)
            ) WITHOUT ROWID;

            """
        case .corridor:
            """
            CREATE TABLE network (
                id INTEGER PRIMARY KEY,
                import_id INTEGER NOT NULL REFERENCES import_batch(id),
                name TEXT NOT NULL,
                document TEXT NOT NULL
            );
            CREATE INDEX network_name ON network(name);
            CREATE TABLE freight_flow (
                element TEXT NOT NULL,
                period TEXT NOT NULL,
                direction TEXT NOT NULL,
                source_id INTEGER NOT NULL REFERENCES source(id),
                tonnes DOUBLE PRECISION NOT NULL,
                note TEXT,
                line INTEGER,
                PRIMARY KEY (element, period, direction, source_id)
            );
            """
        case .documents:
            """
            CREATE TABLE document (
                id INTEGER PRIMARY KEY,
                import_id INTEGER NOT NULL REFERENCES import_batch(id),
                kind TEXT NOT NULL,
                name TEXT NOT NULL,
                body TEXT NOT NULL
            );
            CREATE INDEX document_kind_name ON document(kind, name);
            INSERT INTO document (import_id, kind, name, body) SELECT import_id, 'network', name, document FROM network ORDER BY id;
            DROP TABLE network;
            """
        case .accessTokens:
            """
            CREATE TABLE access_token (
                id INTEGER PRIMARY KEY,
                name TEXT NOT NULL,
                secret_sha256 TEXT NOT NULL UNIQUE,
                created_at TEXT NOT NULL,
                revoked_at TEXT
            );
            CREATE UNIQUE INDEX access_token_active_name ON access_token(name) WHERE revoked_at IS NULL;
            """
        case .tariffs:
            """
            CREATE TABLE tariff_line (
                reporter TEXT NOT NULL,
                regime TEXT NOT NULL,
                hs_code TEXT NOT NULL,
                effective_from TEXT NOT NULL,
                source_id INTEGER NOT NULL REFERENCES source(id),
                mfn_rate_pct DOUBLE PRECISION NOT NULL,
                preferential_rate_pct DOUBLE PRECISION,
                line INTEGER,
                PRIMARY KEY (reporter, regime, hs_code, effective_from, source_id)
            );
            """
        case .figureStatus:
            // Whose statistics a quoted figure is, and whether it is an outturn; NULL status reads as an outturn.
            "ALTER TABLE source ADD COLUMN compiler TEXT; ALTER TABLE source ADD COLUMN status TEXT;"
        case .hsEdition:
            // The HS edition a source's product codes belong to, so that HS 2017 codes can be read in HS 2022.
            "ALTER TABLE source ADD COLUMN edition TEXT;"
        case .changes:
            // Each partnership's statuses as last judged, every change of them, and who is told.
            """
            CREATE TABLE judgement (
                partnership TEXT PRIMARY KEY,
                through_batch INTEGER,
                judged_at TEXT NOT NULL
            );
            CREATE TABLE judged_status (
                partnership TEXT NOT NULL,
                kind TEXT NOT NULL,
                subject TEXT NOT NULL,
                status TEXT NOT NULL,
                PRIMARY KEY (partnership, kind, subject)
            );
            CREATE TABLE status_change (
                id INTEGER PRIMARY KEY,
                partnership TEXT NOT NULL,
                kind TEXT NOT NULL,
                subject TEXT NOT NULL,
                from_status TEXT,
                to_status TEXT,
                cause_batch INTEGER REFERENCES import_batch(id),
                changed_at TEXT NOT NULL
            );
            CREATE INDEX status_change_partnership ON status_change(partnership, id);
            CREATE TABLE watch (
                id INTEGER PRIMARY KEY,
                url TEXT NOT NULL,
                partnership TEXT,
                secret TEXT NOT NULL,
                created_at TEXT NOT NULL,
                removed_at TEXT
            );
            CREATE TABLE delivery (
                id INTEGER PRIMARY KEY,
                watch_id INTEGER NOT NULL REFERENCES watch(id),
                change_id INTEGER NOT NULL REFERENCES status_change(id),
                attempts INTEGER NOT NULL DEFAULT 0,
                due_at TEXT,
                lease_until TEXT,
                delivered_at TEXT,
                last_error TEXT,
                UNIQUE (watch_id, change_id)
            );
            CREATE INDEX delivery_due ON delivery(due_at);
            """
        case .relativeFigures:
            // Growth rates and multiples stated against a base period: evidence beside the amounts.
            """
            CREATE TABLE relative_figure (
                reporter TEXT NOT NULL,
                partner TEXT NOT NULL,
                flow TEXT NOT NULL,
                commodity TEXT NOT NULL,
                period TEXT NOT NULL,
                versus TEXT NOT NULL,
                source_id INTEGER NOT NULL REFERENCES source(id),
                ratio DOUBLE PRECISION NOT NULL,
                stated TEXT NOT NULL,
                note TEXT,
                line INTEGER,
                PRIMARY KEY (reporter, partner, flow, commodity, period, versus, source_id)
            );
            """
        case .watchOwner:
            // Which token added a watch: a token sees and removes its own, and has a limit of them.
            """
            ALTER TABLE watch ADD COLUMN token_id INTEGER REFERENCES access_token(id);
            CREATE INDEX watch_token ON watch(token_id, id);
            """
        case .keptAnswers:
            // Answers worked out once for every process that asks again, while nothing they read is stored anew.
            """
            CREATE TABLE kept_answer (
                question TEXT PRIMARY KEY,
                program TEXT NOT NULL,
                day INTEGER NOT NULL,
                through_batch BIGINT NOT NULL,
                reads TEXT NOT NULL,
                answer TEXT NOT NULL
            );
            CREATE INDEX document_import ON document(import_id);
            ALTER TABLE judgement ADD COLUMN reads TEXT;
            """
        }
    }
}
