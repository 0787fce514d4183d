import GRDB
import HelpdeskCore

/// The schema as a numbered list of migrations. Append; never edit a step that has shipped.
public enum Schema {
    public static let migrations: [Migration] = [
        Migration("1-initial", apply: createInitialSchema),
        Migration("2-audit-log", apply: createAuditLog),
        Migration("3-unread-markers", apply: createUnreadMarkers),
        Migration("4-counters-and-report-indexes", apply: createCountersAndReportIndexes),
        Migration("5-credential-version", apply: addCredentialVersion),
        Migration("6-sla-clock-times", apply: addClockTimes),
        Migration("7-normalised-emails", apply: EmailNormalisation.migrate),
        Migration("8-history-reasons", apply: addHistoryReasons),
        Migration("9-ticket-submitters", apply: addSubmitters),
        Migration("10-user-time-zones", apply: addUserTimeZones),
        Migration("11-search-vocabulary", apply: createSearchVocabulary),
        Migration("12-substrings-of-spaceless-scripts", apply: indexSpacelessScriptsByPairs),
        Migration("13-search-by-requester-name", apply: indexUserNames),
        Migration("14-ssh-keys", apply: createSSHKeys),
        Migration("15-api-sessions", apply: createAPISessions),
        Migration("16-origin-lockouts", apply: createOriginLockouts),
        Migration("17-assignee-due-index", apply: indexAssigneesByDue),
        Migration("18-linked-key-credentials", apply: addLinkedKeyCredentials),
    ]

    /// An agent's tickets in the due order, closed ones too, for the first branch of an agent's
    /// page (`TicketListSQL.addScope`): the page walks it and stops after a page, where
    /// `tickets_assignee` (status first) or the partial `tickets_active_assignee` (active only) would
    /// make it gather and sort all of them (74,000 at a million: 142 ms to under 1 ms).
    /// A key a customer linked from a guest session keeps the credential version it was linked
    /// under (`SSHKey.isCurrent`); NULL for keys admins add.
    private static func addLinkedKeyCredentials(_ db: Database) throws {
        try db.execute(sql: "ALTER TABLE ssh_keys ADD COLUMN linked_credential_version INTEGER")
    }

    private static func indexAssigneesByDue(_ db: Database) throws {
        try db.execute(sql: "CREATE INDEX tickets_assignee_due ON tickets(assignee_id, sla_next_due, id)")
    }

    /// SSH public keys, each mapped to one user (`SSHKeyStorage`). The key is stored re-serialised
    /// (type and base64 of its wire encoding), unique, with its fingerprint, unique too. Ids are
    /// AUTOINCREMENT, never reused: an `authorized_keys` line names its key by id (`--key-id N`), so
    /// a stale line of a removed key must never name a later key of someone else.
    private static func createSSHKeys(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE ssh_keys (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                user_id INTEGER NOT NULL REFERENCES users(id),
                key_type TEXT NOT NULL,
                key_base64 TEXT NOT NULL UNIQUE,
                fingerprint TEXT NOT NULL UNIQUE,
                created_at TEXT NOT NULL,
                last_used_at TEXT
            );
            CREATE INDEX ssh_keys_user ON ssh_keys(user_id, id);
            """)
    }

    /// Failed logins and locks of an account for one origin other than the machine itself
    /// (`LoginOrigin.lockoutKey`: an API client's address, an SSH guest's key), beside the account's
    /// own `login_failures` and `users.locked_until`. Rows that can no longer count are dropped by
    /// the logins' own transactions, through the indexes on time.
    private static func createOriginLockouts(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE origin_login_failures (
                user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
                origin TEXT NOT NULL,
                at TEXT NOT NULL
            );
            CREATE INDEX origin_login_failures_by_origin ON origin_login_failures(user_id, origin, at);
            CREATE INDEX origin_login_failures_by_time ON origin_login_failures(at);
            CREATE TABLE origin_lockouts (
                user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
                origin TEXT NOT NULL,
                locked_until TEXT NOT NULL,
                PRIMARY KEY (user_id, origin)
            ) WITHOUT ROWID;
            CREATE INDEX origin_lockouts_by_end ON origin_lockouts(locked_until);
            """)
    }

    /// The HTTP API's sessions (`sid` in access tokens) and their refresh tokens, stored only as
    /// SHA-256 digests; a used token stays (with `used_at` and the digest that `replaced_by` it) so
    /// that its reuse can be recognised.
    private static func createAPISessions(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE api_sessions (
                id TEXT PRIMARY KEY,
                user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
                credential_version INTEGER NOT NULL,
                created_at TEXT NOT NULL,
                last_used_at TEXT NOT NULL,
                revoked_at TEXT
            );
            CREATE INDEX api_sessions_by_user ON api_sessions(user_id);
            CREATE TABLE api_refresh_tokens (
                digest BLOB PRIMARY KEY,
                session_id TEXT NOT NULL REFERENCES api_sessions(id) ON DELETE CASCADE,
                created_at TEXT NOT NULL,
                used_at TEXT,
                replaced_by BLOB
            );
            CREATE INDEX api_refresh_tokens_by_session ON api_refresh_tokens(session_id);
            """)
    }

    /// Users' names in an FTS5 index (`user_fts`, through `helpdesk_search_text` like the others),
    /// so that a search finds the tickets of the requesters whose names hold its words.
    private static func indexUserNames(_ db: Database) throws {
        let f = SearchText.functionName
        try db.execute(sql: """
            CREATE VIRTUAL TABLE user_fts USING fts5(
                name, content = 'users', content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 2');
            CREATE TRIGGER users_fts_insert AFTER INSERT ON users BEGIN
                INSERT INTO user_fts(rowid, name) VALUES (new.id, \(f)(new.name));
            END;
            CREATE TRIGGER users_fts_delete AFTER DELETE ON users BEGIN
                INSERT INTO user_fts(user_fts, rowid, name) VALUES ('delete', old.id, \(f)(old.name));
            END;
            CREATE TRIGGER users_fts_update AFTER UPDATE OF name ON users BEGIN
                INSERT INTO user_fts(user_fts, rowid, name) VALUES ('delete', old.id, \(f)(old.name));
                INSERT INTO user_fts(rowid, name) VALUES (new.id, \(f)(new.name));
            END;
            INSERT INTO user_fts(rowid, name) SELECT id, \(f)(name) FROM users;
            """)
    }

    /// The search indexes are given text through `helpdesk_search_text` (`SearchText`): a run of a
    /// script written without spaces as its overlapping letter pairs, so that any substring of two
    /// or more letters finds it. The triggers are written anew to index through it, and the rows
    /// whose text it changes (those holding such a script, and only those) are indexed again: the
    /// old entries deleted with the raw text they were made from, the new inserted.
    private static func indexSpacelessScriptsByPairs(_ db: Database) throws {
        let f = SearchText.functionName
        try db.execute(sql: """
            DROP TRIGGER tickets_fts_insert;
            DROP TRIGGER tickets_fts_delete;
            DROP TRIGGER tickets_fts_update;
            DROP TRIGGER comments_fts_insert;
            DROP TRIGGER comments_fts_delete;
            CREATE TRIGGER tickets_fts_insert AFTER INSERT ON tickets BEGIN
                INSERT INTO ticket_fts(rowid, subject, description) VALUES (new.id, \(f)(new.subject), \(f)(new.description));
            END;
            CREATE TRIGGER tickets_fts_delete AFTER DELETE ON tickets BEGIN
                INSERT INTO ticket_fts(ticket_fts, rowid, subject, description)
                    VALUES ('delete', old.id, \(f)(old.subject), \(f)(old.description));
            END;
            CREATE TRIGGER tickets_fts_update AFTER UPDATE OF subject, description ON tickets BEGIN
                INSERT INTO ticket_fts(ticket_fts, rowid, subject, description)
                    VALUES ('delete', old.id, \(f)(old.subject), \(f)(old.description));
                INSERT INTO ticket_fts(rowid, subject, description) VALUES (new.id, \(f)(new.subject), \(f)(new.description));
            END;
            CREATE TRIGGER comments_fts_insert AFTER INSERT ON comments BEGIN
                INSERT INTO comment_fts(rowid, body) VALUES (new.id, \(f)(new.body));
            END;
            CREATE TRIGGER comments_fts_delete AFTER DELETE ON comments BEGIN
                INSERT INTO comment_fts(comment_fts, rowid, body) VALUES ('delete', old.id, \(f)(old.body));
            END;

            CREATE TEMP TABLE spaceless_tickets AS
                SELECT id FROM tickets WHERE \(f)(subject) != subject OR \(f)(description) != description;
            INSERT INTO ticket_fts(ticket_fts, rowid, subject, description)
                SELECT 'delete', id, subject, description FROM tickets WHERE id IN spaceless_tickets;
            INSERT INTO ticket_fts(rowid, subject, description)
                SELECT id, \(f)(subject), \(f)(description) FROM tickets WHERE id IN spaceless_tickets;
            DROP TABLE spaceless_tickets;
            CREATE TEMP TABLE spaceless_comments AS SELECT id FROM comments WHERE \(f)(body) != body;
            INSERT INTO comment_fts(comment_fts, rowid, body)
                SELECT 'delete', id, body FROM comments WHERE id IN spaceless_comments;
            INSERT INTO comment_fts(rowid, body) SELECT id, \(f)(body) FROM comments WHERE id IN spaceless_comments;
            DROP TABLE spaceless_comments;
            """)
    }

    /// The words each search index holds, in order (FTS5's `fts5vocab`, which stores nothing of its
    /// own): a prefix is looked up here and searched as the few words it begins (`SearchMatch`).
    private static func createSearchVocabulary(_ db: Database) throws {
        try db.execute(sql: """
            CREATE VIRTUAL TABLE ticket_fts_terms USING fts5vocab(ticket_fts, row);
            CREATE VIRTUAL TABLE comment_fts_terms USING fts5vocab(comment_fts, row);
            """)
    }

    /// Each user's own time zone for the times shown to them (an IANA name; null for the `TZ`
    /// variable's, or UTC).
    private static func addUserTimeZones(_ db: Database) throws {
        try db.execute(sql: "ALTER TABLE users ADD COLUMN time_zone TEXT")
    }

    /// Who filed each ticket (the requester, or staff on a customer's behalf), so that an agent sees
    /// what they filed. Existing tickets take the actor of their `created` history row, which is who
    /// filed them (the requester if that row is missing).
    private static func addSubmitters(_ db: Database) throws {
        try db.execute(sql: """
            ALTER TABLE tickets ADD COLUMN submitter_id INTEGER REFERENCES users(id);
            UPDATE tickets SET submitter_id = COALESCE(
                (SELECT h.actor_id FROM history h WHERE h.ticket_id = tickets.id AND h.action = 'created' ORDER BY h.id LIMIT 1),
                requester_id);
            CREATE INDEX tickets_submitter ON tickets(submitter_id, created_at);
            """)
    }

    /// Why a change followed from another action (a requester's reply reopening a ticket), so that
    /// history says so; null for the changes made as asked, and for every row written before.
    private static func addHistoryReasons(_ db: Database) throws {
        try db.execute(sql: "ALTER TABLE history ADD COLUMN reason TEXT")
    }

    /// Each finished clock's running time (seconds from creation, waiting and time before a reopen
    /// excluded), computed by the core's `SLAPolicy` and stored when the clock stops, so that the
    /// SLA and agents reports average what the clocks measured rather than calendar time. The
    /// report indexes are rebuilt to cover the new columns; existing tickets are filled in by the
    /// core's own rule, one ticket at a time.
    private static func addClockTimes(_ db: Database) throws {
        try db.execute(sql: """
            ALTER TABLE tickets ADD COLUMN sla_first_response_seconds REAL;
            ALTER TABLE tickets ADD COLUMN sla_resolution_seconds REAL;
            DROP INDEX tickets_created_report;
            DROP INDEX tickets_finished_report;
            CREATE INDEX tickets_created_report ON tickets(created_at, deleted_at, assignee_id, sla_first_response_met,
                sla_resolution_met, first_response_at, sla_first_response_seconds, sla_resolution_seconds);
            CREATE INDEX tickets_finished_report ON tickets(COALESCE(resolved_at, closed_at), deleted_at, assignee_id,
                sla_resolution_met, sla_resolution_seconds, resolved_at, closed_at);
            """)
        let rows = try Row.fetchCursor(
            db, sql: "SELECT * FROM tickets WHERE first_response_at IS NOT NULL OR resolved_at IS NOT NULL OR closed_at IS NOT NULL")
        var changed: [(Ticket, Ticket)] = []
        while let row = try rows.next() {
            let old = try TicketTable.ticket(from: row)
            var new = old
            SLAPolicy.refresh(&new)
            if new != old { changed.append((old, new)) }
        }
        for (old, new) in changed { try TicketTable.update(from: old, to: new, db) }
    }

    /// A per-user counter bumped on a password reset, a deactivation or reactivation and a role
    /// change, so that a credential issued before (an API token, an SSH session) can be recognised as
    /// stale by comparing versions.
    private static func addCredentialVersion(_ db: Database) throws {
        try db.execute(sql: "ALTER TABLE users ADD COLUMN credential_version INTEGER NOT NULL DEFAULT 1")
    }

    /// What a million tickets need to stay instant (helpdesk-bench measures each):
    /// - `ticket_tally` counts tickets per (trash, status, assignee, priority, category), kept by
    ///   triggers in the writing transaction, so view counts and dashboard tiles add up a few
    ///   thousand rows instead of counting a million;
    /// - `ticket_days` counts live tickets created and finished (resolved, or closed without passing
    ///   resolved) per UTC day and assignee, kept the same way, for the volume chart;
    /// - partial indexes over the active tickets only (tens of thousands, not a million): running
    ///   clocks for breach counts and the breaching view, and the orders the active queues are read
    ///   in, so a page of them is a short walk instead of a sort;
    /// - covering indexes for the reports: per creation time, and per finishing time (resolved, or
    ///   closed without passing resolved).
    private static func createCountersAndReportIndexes(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE ticket_tally (
                deleted INTEGER NOT NULL,
                status TEXT NOT NULL,
                assignee_id INTEGER NOT NULL,
                priority TEXT NOT NULL,
                category TEXT NOT NULL,
                n INTEGER NOT NULL,
                PRIMARY KEY (deleted, status, assignee_id, priority, category)
            ) WITHOUT ROWID;
            INSERT INTO ticket_tally (deleted, status, assignee_id, priority, category, n)
                SELECT deleted_at IS NOT NULL, status, COALESCE(assignee_id, 0), priority, category, COUNT(*)
                FROM tickets GROUP BY 1, 2, 3, 4, 5;
            CREATE TRIGGER tickets_tally_insert AFTER INSERT ON tickets BEGIN
                INSERT INTO ticket_tally (deleted, status, assignee_id, priority, category, n)
                    VALUES (new.deleted_at IS NOT NULL, new.status, COALESCE(new.assignee_id, 0), new.priority, new.category, 1)
                    ON CONFLICT DO UPDATE SET n = n + 1;
            END;
            CREATE TRIGGER tickets_tally_delete AFTER DELETE ON tickets BEGIN
                UPDATE ticket_tally SET n = n - 1
                    WHERE deleted = (old.deleted_at IS NOT NULL) AND status = old.status
                    AND assignee_id = COALESCE(old.assignee_id, 0) AND priority = old.priority AND category = old.category;
            END;
            CREATE TRIGGER tickets_tally_update AFTER UPDATE OF deleted_at, status, assignee_id, priority, category ON tickets BEGIN
                UPDATE ticket_tally SET n = n - 1
                    WHERE deleted = (old.deleted_at IS NOT NULL) AND status = old.status
                    AND assignee_id = COALESCE(old.assignee_id, 0) AND priority = old.priority AND category = old.category;
                INSERT INTO ticket_tally (deleted, status, assignee_id, priority, category, n)
                    VALUES (new.deleted_at IS NOT NULL, new.status, COALESCE(new.assignee_id, 0), new.priority, new.category, 1)
                    ON CONFLICT DO UPDATE SET n = n + 1;
            END;

            CREATE TABLE ticket_days (
                day TEXT NOT NULL,
                assignee_id INTEGER NOT NULL,
                created INTEGER NOT NULL DEFAULT 0,
                finished INTEGER NOT NULL DEFAULT 0,
                PRIMARY KEY (day, assignee_id)
            ) WITHOUT ROWID;
            INSERT INTO ticket_days (day, assignee_id, created)
                SELECT substr(created_at, 1, 10), COALESCE(assignee_id, 0), COUNT(*) FROM tickets
                WHERE deleted_at IS NULL GROUP BY 1, 2;
            INSERT INTO ticket_days (day, assignee_id, finished)
                SELECT substr(COALESCE(resolved_at, closed_at), 1, 10), COALESCE(assignee_id, 0), COUNT(*) FROM tickets
                WHERE deleted_at IS NULL AND COALESCE(resolved_at, closed_at) IS NOT NULL GROUP BY 1, 2
                ON CONFLICT DO UPDATE SET finished = excluded.finished;
            CREATE TRIGGER tickets_days_insert AFTER INSERT ON tickets WHEN new.deleted_at IS NULL BEGIN
                INSERT INTO ticket_days (day, assignee_id, created) VALUES (substr(new.created_at, 1, 10), COALESCE(new.assignee_id, 0), 1)
                    ON CONFLICT DO UPDATE SET created = created + 1;
                INSERT INTO ticket_days (day, assignee_id, finished)
                    SELECT substr(COALESCE(new.resolved_at, new.closed_at), 1, 10), COALESCE(new.assignee_id, 0), 1
                    WHERE COALESCE(new.resolved_at, new.closed_at) IS NOT NULL
                    ON CONFLICT DO UPDATE SET finished = finished + 1;
            END;
            CREATE TRIGGER tickets_days_delete AFTER DELETE ON tickets WHEN old.deleted_at IS NULL BEGIN
                UPDATE ticket_days SET created = created - 1
                    WHERE day = substr(old.created_at, 1, 10) AND assignee_id = COALESCE(old.assignee_id, 0);
                UPDATE ticket_days SET finished = finished - 1
                    WHERE day = substr(COALESCE(old.resolved_at, old.closed_at), 1, 10) AND assignee_id = COALESCE(old.assignee_id, 0);
            END;
            CREATE TRIGGER tickets_days_update AFTER UPDATE OF created_at, resolved_at, closed_at, deleted_at, assignee_id ON tickets BEGIN
                UPDATE ticket_days SET created = created - 1
                    WHERE old.deleted_at IS NULL AND day = substr(old.created_at, 1, 10) AND assignee_id = COALESCE(old.assignee_id, 0);
                UPDATE ticket_days SET finished = finished - 1
                    WHERE old.deleted_at IS NULL AND day = substr(COALESCE(old.resolved_at, old.closed_at), 1, 10)
                    AND assignee_id = COALESCE(old.assignee_id, 0);
                INSERT INTO ticket_days (day, assignee_id, created)
                    SELECT substr(new.created_at, 1, 10), COALESCE(new.assignee_id, 0), 1 WHERE new.deleted_at IS NULL
                    ON CONFLICT DO UPDATE SET created = created + 1;
                INSERT INTO ticket_days (day, assignee_id, finished)
                    SELECT substr(COALESCE(new.resolved_at, new.closed_at), 1, 10), COALESCE(new.assignee_id, 0), 1
                    WHERE new.deleted_at IS NULL AND COALESCE(new.resolved_at, new.closed_at) IS NOT NULL
                    ON CONFLICT DO UPDATE SET finished = finished + 1;
            END;

            CREATE INDEX tickets_running_clocks ON tickets(sla_next_risk, sla_next_due, assignee_id, requester_id)
                WHERE deleted_at IS NULL AND status NOT IN ('resolved', 'closed');
            CREATE INDEX tickets_active_due ON tickets(sla_next_due, id, status, sla_next_risk)
                WHERE deleted_at IS NULL AND status NOT IN ('resolved', 'closed');
            CREATE INDEX tickets_active_priority ON tickets(priority_rank, sla_next_due, id, status)
                WHERE deleted_at IS NULL AND status NOT IN ('resolved', 'closed');
            CREATE INDEX tickets_active_assignee ON tickets(assignee_id, sla_next_due, id, status, sla_next_risk)
                WHERE deleted_at IS NULL AND status NOT IN ('resolved', 'closed');
            CREATE INDEX tickets_active_assignee_risk ON tickets(assignee_id, sla_next_risk)
                WHERE deleted_at IS NULL AND status NOT IN ('resolved', 'closed');
            CREATE INDEX tickets_created_report ON tickets(created_at, deleted_at, assignee_id, sla_first_response_met,
                sla_resolution_met, first_response_at, resolved_at, closed_at);
            CREATE INDEX tickets_finished_report ON tickets(COALESCE(resolved_at, closed_at), deleted_at, assignee_id,
                sla_resolution_met, created_at, resolved_at, closed_at);
            """)
    }

    /// When staff last replied publicly, and when each user last looked at each ticket: together they
    /// say whether a reply is unread.
    private static func createUnreadMarkers(_ db: Database) throws {
        try db.execute(sql: """
            ALTER TABLE tickets ADD COLUMN last_staff_reply_at TEXT;
            UPDATE tickets SET last_staff_reply_at = (
                SELECT MAX(c.created_at) FROM comments c JOIN users u ON u.id = c.author_id
                WHERE c.ticket_id = tickets.id AND c.is_internal = 0 AND u.role != 'customer' AND u.id != tickets.requester_id);
            CREATE TABLE ticket_reads (
                user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
                ticket_id INTEGER NOT NULL REFERENCES tickets(id) ON DELETE CASCADE,
                seen_at TEXT NOT NULL,
                PRIMARY KEY (user_id, ticket_id)
            ) WITHOUT ROWID;
            """)
    }

    /// Admin actions, kept apart from tickets (no foreign key to them) so that a purge cannot erase
    /// the record of itself.
    private static func createAuditLog(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE audit_log (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                at TEXT NOT NULL,
                actor_email TEXT NOT NULL,
                action TEXT NOT NULL,
                target TEXT NOT NULL,
                detail TEXT
            );
            CREATE INDEX audit_log_at ON audit_log(at);
            """)
    }

    private static func createInitialSchema(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE users (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                email TEXT NOT NULL UNIQUE,
                name TEXT NOT NULL,
                role TEXT NOT NULL CHECK (role IN ('customer', 'agent', 'admin')),
                is_active INTEGER NOT NULL DEFAULT 1,
                password_hash TEXT,
                created_at TEXT NOT NULL,
                last_assigned_at TEXT,
                locked_until TEXT
            );
            CREATE INDEX users_role ON users(role, is_active);

            CREATE TABLE login_failures (
                user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
                at TEXT NOT NULL
            );
            CREATE INDEX login_failures_user ON login_failures(user_id, at);

            CREATE TABLE ticket_sequences (
                day TEXT PRIMARY KEY,
                last INTEGER NOT NULL
            ) WITHOUT ROWID;

            CREATE TABLE tickets (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                number TEXT NOT NULL UNIQUE,
                subject TEXT NOT NULL,
                description TEXT NOT NULL,
                status TEXT NOT NULL
                    CHECK (status IN ('open', 'assigned', 'in_progress', 'waiting', 'resolved', 'closed', 'reopened')),
                priority TEXT NOT NULL CHECK (priority IN ('low', 'medium', 'high', 'urgent')),
                priority_rank INTEGER NOT NULL,
                category TEXT NOT NULL CHECK (category IN ('technical', 'billing', 'general', 'feature_request')),
                requester_id INTEGER NOT NULL REFERENCES users(id),
                customer_email TEXT NOT NULL,
                assignee_id INTEGER REFERENCES users(id),
                created_at TEXT NOT NULL,
                updated_at TEXT NOT NULL,
                first_response_at TEXT,
                resolved_at TEXT,
                closed_at TEXT,
                deleted_at TEXT,
                version INTEGER NOT NULL,
                sla_first_response_due TEXT NOT NULL,
                sla_resolution_due TEXT NOT NULL,
                sla_first_response_paused REAL NOT NULL DEFAULT 0,
                sla_resolution_paused REAL NOT NULL DEFAULT 0,
                sla_paused_at TEXT,
                sla_first_response_met INTEGER,
                sla_resolution_met INTEGER,
                sla_next_due TEXT NOT NULL,
                sla_next_risk TEXT NOT NULL
            );
            CREATE INDEX tickets_due ON tickets(sla_next_due, id);
            CREATE INDEX tickets_created ON tickets(created_at, id);
            CREATE INDEX tickets_updated ON tickets(updated_at, id);
            CREATE INDEX tickets_priority ON tickets(priority_rank, sla_next_due, id);
            CREATE INDEX tickets_status_due ON tickets(status, sla_next_due, id);
            CREATE INDEX tickets_assignee ON tickets(assignee_id, status, sla_next_due);
            CREATE INDEX tickets_requester ON tickets(requester_id, created_at);
            CREATE INDEX tickets_resolved ON tickets(resolved_at) WHERE resolved_at IS NOT NULL;
            CREATE INDEX tickets_closed ON tickets(closed_at) WHERE closed_at IS NOT NULL;
            CREATE INDEX tickets_deleted ON tickets(deleted_at) WHERE deleted_at IS NOT NULL;

            CREATE TABLE comments (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                ticket_id INTEGER NOT NULL REFERENCES tickets(id) ON DELETE CASCADE,
                author_id INTEGER NOT NULL REFERENCES users(id),
                body TEXT NOT NULL,
                is_internal INTEGER NOT NULL,
                created_at TEXT NOT NULL
            );
            CREATE INDEX comments_ticket ON comments(ticket_id, id);

            CREATE TABLE history (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                ticket_id INTEGER NOT NULL REFERENCES tickets(id) ON DELETE CASCADE,
                actor_id INTEGER NOT NULL REFERENCES users(id),
                at TEXT NOT NULL,
                action TEXT NOT NULL,
                field TEXT,
                old_value TEXT,
                new_value TEXT,
                is_internal INTEGER NOT NULL DEFAULT 0
            );
            CREATE INDEX history_ticket ON history(ticket_id, id);

            CREATE TABLE settings (
                key TEXT PRIMARY KEY,
                value TEXT NOT NULL
            ) WITHOUT ROWID;

            CREATE VIRTUAL TABLE ticket_fts USING fts5(
                subject, description, content = 'tickets', content_rowid = 'id',
                tokenize = 'unicode61 remove_diacritics 2');
            CREATE TRIGGER tickets_fts_insert AFTER INSERT ON tickets BEGIN
                INSERT INTO ticket_fts(rowid, subject, description) VALUES (new.id, new.subject, new.description);
            END;
            CREATE TRIGGER tickets_fts_delete AFTER DELETE ON tickets BEGIN
                INSERT INTO ticket_fts(ticket_fts, rowid, subject, description)
                    VALUES ('delete', old.id, old.subject, old.description);
            END;
            CREATE TRIGGER tickets_fts_update AFTER UPDATE OF subject, description ON tickets BEGIN
                INSERT INTO ticket_fts(ticket_fts, rowid, subject, description)
                    VALUES ('delete', old.id, old.subject, old.description);
                INSERT INTO ticket_fts(rowid, subject, description) VALUES (new.id, new.subject, new.description);
            END;

            CREATE VIRTUAL TABLE comment_fts USING fts5(
                body, content = 'comments', content_rowid = 'id',
                tokenize = 'unicode61 remove_diacritics 2');
            CREATE TRIGGER comments_fts_insert AFTER INSERT ON comments BEGIN
                INSERT INTO comment_fts(rowid, body) VALUES (new.id, new.body);
            END;
            CREATE TRIGGER comments_fts_delete AFTER DELETE ON comments BEGIN
                INSERT INTO comment_fts(comment_fts, rowid, body) VALUES ('delete', old.id, old.body);
            END;
            """)
    }
}
