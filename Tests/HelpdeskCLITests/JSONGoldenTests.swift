// The exact `--json` stdout of every command that prints JSON, pinned byte for byte in Goldens/.
//
// One deterministic helpdesk is built through the real binary (pinned `--now` on every command):
// users of every role, tickets in every status reached through legal moves, replies and internal
// notes, an assignment, a priority change, deleted, restored and purged tickets, settings and the
// audit log. Each command's stdout is compared with Goldens/<name>.json; only the temporary
// directory (`$TMP`), cursor values (`<cursor>`) and a generated password (`<password>`) are masked.
// Masked values are checked by round trip instead: a cursor passed to --after/--before must give
// the expected neighbouring page, a generated password must log in.
//
// To regenerate the goldens after an intended change of the wire format:
//     HELPDESK_UPDATE_GOLDENS=1 swift test --filter JSONGolden
// then review `git diff Tests/HelpdeskCLITests/Goldens`. The normal run only compares.

import Foundation
import Testing

struct JSONGoldenTests {
    static let day1 = "2026-11-23T", day2 = "2026-11-24T", day3 = "2026-11-25T"
    /// When every read below happens: SLA clocks are read at this instant.
    static let readTime = "2026-11-26T12:00:00Z"

    @Test func everyJSONOutputMatchesItsGoldenByteForByte() throws {
        let cli = try CLI()
        let golden = Goldens(cli: cli)
        try users(golden)
        let tickets = try workflow(golden)
        try reads(golden, tickets)
        try paging(golden)
        try people(golden)
        try reports(golden)
        try errors(golden, tickets)
        try maintenance(golden)
        try sshKeys(golden)
        try golden.finish()
    }

    func users(_ golden: Goldens) throws {
        let at = Self.day1 + "08:00:00Z"
        try golden.check("init", ["init"], at: at)
        try golden.check(
            "user-add-first-admin", ["user", "add", "--email", "admin@x.test", "--name", "Ada Admin", "--role", "admin", "--password", "password1"],
            at: at)
        try golden.check(
            "user-add-agent", ["user", "add", "--email", "alice@x.test", "--name", "Alice Agent", "--role", "agent", "--password-stdin"],
            as: "admin@x.test", stdin: "password1\n", at: at)
        try golden.cli.json(
            ["user", "add", "--email", "bob@x.test", "--name", "Bob Agent", "--role", "agent", "--password", "password1"],
            as: "admin@x.test", now: at)
        try golden.check(
            "user-add-customer", ["user", "add", "--email", "erin@x.test", "--name", "Erin / Customer", "--role", "customer", "--password", "password1"],
            as: "admin@x.test", at: at)
        try golden.cli.json(
            ["user", "add", "--email", "frank@x.test", "--name", "Frank", "--role", "customer", "--password", "password1"],
            as: "admin@x.test", now: at)
        try golden.check(
            "register", ["register", "--email", "dan@x.test", "--name", "Dan Ødegård \"DJ\"", "--password-stdin"],
            stdin: "password1\n", at: Self.day1 + "08:05:00Z")
        try golden.check("login", ["login", "--email", "dan@x.test", "--password-stdin"], stdin: "password1\n", at: Self.day1 + "08:06:00Z")
    }

    /// Ticket numbers by the status they end in.
    struct Tickets {
        var open = "", assigned = "", inProgress = "", waiting = "", resolved = "", closed = "", reopened = ""
        var deleted = "", restored = "", purged = "", autoAssigned = ""
    }

    func create(_ golden: Goldens, _ subject: String, priority: String, as user: String = "dan@x.test", at: String) throws -> String {
        let ticket = try golden.cli.json(
            ["ticket", "create", "--subject", subject, "--description", "Steps to reproduce are below.", "--priority", priority],
            as: user, now: at)
        return try #require(ticket["number"] as? String)
    }

    func move(_ golden: Goldens, _ number: String, _ statuses: [String], as user: String, at: String) throws {
        for status in statuses { try golden.cli.json(["ticket", "status", number, status], as: user, now: at) }
    }

    func workflow(_ golden: Goldens) throws -> Tickets {
        let d1 = Self.day1, d2 = Self.day2, d3 = Self.day3
        var t = Tickets()
        let created = try golden.check(
            "ticket-create-customer",
            ["ticket", "create", "--subject", "Printer on fire / smoke", "--description", "Line one\nLine \"two\"\ttabbed, café ☕ <b>",
             "--priority", "low", "--category", "technical"],
            as: "dan@x.test", at: d1 + "09:00:00Z")
        t.open = try #require(created["number"] as? String)
        let onBehalf = try golden.check(
            "ticket-create-on-behalf",
            ["ticket", "create", "--subject", "Phoned in: refund", "--description", "Customer called about a refund.",
             "--category", "billing", "--customer-email", "erin@x.test"],
            as: "alice@x.test", at: d1 + "09:05:00Z")
        t.deleted = try #require(onBehalf["number"] as? String)
        t.assigned = try create(golden, "Invoice shows the wrong VAT", priority: "high", at: d1 + "09:10:00Z")
        t.inProgress = try create(golden, "App crashes on start", priority: "urgent", as: "erin@x.test", at: d1 + "09:20:00Z")
        t.waiting = try create(golden, "Sync stuck at 99 percent", priority: "medium", at: d1 + "09:30:00Z")
        t.resolved = try create(golden, "Export times out", priority: "high", as: "erin@x.test", at: d1 + "09:40:00Z")
        t.closed = try create(golden, "Change billing email", priority: "low", at: d1 + "09:50:00Z")
        t.reopened = try create(golden, "Two-factor codes arrive late", priority: "medium", at: d1 + "10:00:00Z")
        t.restored = try create(golden, "Duplicate of the VAT ticket", priority: "low", at: d1 + "10:10:00Z")
        t.purged = try create(golden, "Spam, spam, spam", priority: "low", at: d1 + "10:20:00Z")

        try golden.check("ticket-assign", ["ticket", "assign", t.assigned, "alice@x.test"], as: "admin@x.test", at: d1 + "11:00:00Z")
        try golden.check("ticket-priority", ["ticket", "priority", t.assigned, "urgent"], as: "alice@x.test", at: d1 + "11:05:00Z")
        try golden.check(
            "ticket-update", ["ticket", "update", t.open, "--subject", "Printer on fire", "--category", "general"],
            as: "dan@x.test", at: d1 + "11:10:00Z")

        try golden.cli.json(["ticket", "assign", t.inProgress, "bob@x.test"], as: "admin@x.test", now: d1 + "11:20:00Z")
        try golden.check("ticket-status-in-progress", ["ticket", "status", t.inProgress, "in_progress"], as: "bob@x.test", at: d1 + "11:30:00Z")

        try golden.cli.json(["ticket", "assign", t.waiting, "alice@x.test"], as: "admin@x.test", now: d1 + "11:40:00Z")
        try move(golden, t.waiting, ["in_progress"], as: "alice@x.test", at: d1 + "11:45:00Z")
        try golden.check(
            "ticket-comment-internal", ["ticket", "comment", t.waiting, "--body", "Same bug as last week's outage.", "--internal"],
            as: "alice@x.test", at: d1 + "11:50:00Z")
        try golden.check(
            "ticket-comment-staff", ["ticket", "comment", t.waiting, "--body", "Could you send the sync log?\nThanks!"],
            as: "alice@x.test", at: d1 + "11:55:00Z")
        try golden.check(
            "ticket-comment-customer", ["ticket", "comment", t.waiting, "--body", "Log attached: C:\\sync\\log.txt"],
            as: "dan@x.test", at: d1 + "11:58:00Z")
        try golden.check("ticket-status-waiting", ["ticket", "status", t.waiting, "waiting"], as: "alice@x.test", at: d1 + "12:00:00Z")

        try golden.cli.json(["ticket", "assign", t.resolved, "alice@x.test"], as: "admin@x.test", now: d1 + "12:00:00Z")
        try move(golden, t.resolved, ["in_progress"], as: "alice@x.test", at: d1 + "12:10:00Z")
        try golden.cli.json(["ticket", "comment", t.resolved, "--body", "Fixed on our side."], as: "alice@x.test", now: d1 + "12:20:00Z")
        try golden.check("ticket-status-resolved", ["ticket", "status", t.resolved, "resolved"], as: "alice@x.test", at: d2 + "09:00:00Z")

        try golden.cli.json(["ticket", "assign", t.closed, "bob@x.test"], as: "admin@x.test", now: d1 + "12:30:00Z")
        try move(golden, t.closed, ["in_progress", "resolved"], as: "bob@x.test", at: d2 + "10:00:00Z")
        try golden.check("ticket-status-closed", ["ticket", "status", t.closed, "closed"], as: "bob@x.test", at: d3 + "10:00:00Z")

        try golden.cli.json(["ticket", "assign", t.reopened, "alice@x.test"], as: "admin@x.test", now: d1 + "12:40:00Z")
        try move(golden, t.reopened, ["in_progress", "resolved"], as: "alice@x.test", at: d2 + "11:00:00Z")
        try golden.check("ticket-status-reopened", ["ticket", "status", t.reopened, "reopened"], as: "dan@x.test", at: d3 + "11:00:00Z")

        try golden.check("settings-auto-assign-on", ["settings", "auto-assign", "on"], as: "admin@x.test", at: d3 + "12:00:00Z")
        let auto = try golden.check(
            "ticket-create-auto-assigned", ["ticket", "create", "--subject", "Auto-assigned ticket", "--description", "Who gets this one?"],
            as: "erin@x.test", at: d3 + "12:05:00Z")
        t.autoAssigned = try #require(auto["number"] as? String)
        try golden.check("settings-auto-assign-off", ["settings", "auto-assign", "off"], as: "admin@x.test", at: d3 + "12:10:00Z")
        try golden.check("settings-ssh-guests-on", ["settings", "ssh-guests", "on"], as: "admin@x.test", at: d3 + "12:15:00Z")
        try golden.check("settings-ssh-guest-limit", ["settings", "ssh-guest-limit", "5"], as: "admin@x.test", at: d3 + "12:20:00Z")

        try golden.check("ticket-delete", ["ticket", "delete", t.deleted], as: "admin@x.test", at: d3 + "13:00:00Z")
        try golden.cli.json(["ticket", "delete", t.restored], as: "admin@x.test", now: d3 + "13:05:00Z")
        try golden.check("ticket-restore", ["ticket", "restore", t.restored], as: "admin@x.test", at: d3 + "13:10:00Z")
        try golden.check("ticket-assign-auto", ["ticket", "assign", t.restored, "--auto"], as: "admin@x.test", at: d3 + "13:12:00Z")
        try golden.cli.json(["ticket", "delete", t.purged], as: "admin@x.test", now: d3 + "13:15:00Z")
        try golden.check("ticket-purge", ["ticket", "purge", t.purged], as: "admin@x.test", at: d3 + "13:20:00Z")
        return t
    }

    func reads(_ golden: Goldens, _ t: Tickets) throws {
        let at = Self.readTime
        try golden.check("ticket-show-customer", ["ticket", "show", t.waiting], as: "dan@x.test", at: at)
        try golden.check("ticket-show-agent", ["ticket", "show", t.waiting], as: "alice@x.test", at: at)
        try golden.check("ticket-show-resolved", ["ticket", "show", t.resolved], as: "erin@x.test", at: at)
        // Issue 14: a ticket in the trash is not found for anyone, admins included (`ticket list --trash` lists it).
        try golden.check("error-not-found-trash", ["ticket", "show", t.deleted], as: "admin@x.test", at: at, status: 5)
        try golden.check("ticket-comments-customer", ["ticket", "comments", t.waiting], as: "dan@x.test", at: at)
        try golden.check("ticket-comments-agent", ["ticket", "comments", t.waiting], as: "alice@x.test", at: at)
        try golden.check("ticket-comments-none", ["ticket", "comments", t.open], as: "dan@x.test", at: at)
        try golden.check("ticket-history-customer", ["ticket", "history", t.waiting], as: "dan@x.test", at: at)
        try golden.check("ticket-history-agent", ["ticket", "history", t.waiting], as: "alice@x.test", at: at)
        try golden.check("ticket-history-admin-restored", ["ticket", "history", t.restored], as: "admin@x.test", at: at)
        try golden.check("ticket-list-customer", ["ticket", "list"], as: "dan@x.test", at: at)
        try golden.check("ticket-list-agent", ["ticket", "list"], as: "alice@x.test", at: at)
        try golden.check("ticket-list-admin", ["ticket", "list"], as: "admin@x.test", at: at)
        try golden.check("ticket-list-trash", ["ticket", "list", "--trash"], as: "admin@x.test", at: at)
        try golden.check(
            "ticket-list-filtered", ["ticket", "list", "--status", "in_progress", "--status", "waiting", "--sort", "priority"],
            as: "admin@x.test", at: at)
        try golden.check("ticket-list-empty", ["ticket", "list", "--search", "nothing-matches-this"], as: "alice@x.test", at: at)
        try golden.check("agents-list", ["agents", "list"], as: "admin@x.test", at: at)
        try golden.check("agents-tickets", ["agents", "tickets", "alice@x.test"], as: "admin@x.test", at: at)
        try golden.check("settings-show", ["settings", "show"], as: "alice@x.test", at: at)
    }

    /// Cursors are masked in the goldens and checked here by round trip: each page's cursor must lead
    /// to the page pinned next to it, forwards and backwards.
    func paging(_ golden: Goldens) throws {
        let at = Self.readTime, list = ["ticket", "list", "--sort", "created", "--limit", "4"]
        let first = try golden.check("ticket-list-page-1", list, as: "admin@x.test", at: at)
        let second = try golden.check(
            "ticket-list-page-2", list + ["--after", try Goldens.cursor(first, "next_cursor")], as: "admin@x.test", at: at)
        let third = try golden.check(
            "ticket-list-page-3", list + ["--after", try Goldens.cursor(second, "next_cursor")], as: "admin@x.test", at: at)
        #expect(third["next_cursor"] is NSNull, "the last page has no next cursor")
        try golden.check(
            "ticket-list-page-2", list + ["--before", try Goldens.cursor(third, "previous_cursor")], as: "admin@x.test", at: at)
        try golden.check(
            "ticket-list-page-1", list + ["--before", try Goldens.cursor(second, "previous_cursor")], as: "admin@x.test", at: at)
    }

    func people(_ golden: Goldens) throws {
        let at = Self.readTime
        try golden.check("user-list", ["user", "list"], as: "admin@x.test", at: at)
        try golden.check("user-list-agents", ["user", "list", "--role", "agent"], as: "admin@x.test", at: at)
        try golden.check("user-set-role", ["user", "set-role", "frank@x.test", "agent"], as: "admin@x.test", at: at)
        try golden.check("user-deactivate", ["user", "deactivate", "frank@x.test"], as: "admin@x.test", at: at)
        try golden.check("user-activate", ["user", "activate", "frank@x.test"], as: "admin@x.test", at: at)
        try golden.check(
            "user-reset-password", ["user", "reset-password", "erin@x.test", "--password-stdin"],
            as: "admin@x.test", stdin: "password2\n", at: at)
        let reset = try golden.check(
            "user-reset-password-generated", ["user", "reset-password", "frank@x.test", "--generate"],
            as: "admin@x.test", at: at, masking: ["password"])
        let generated = try #require(reset["password"] as? String)
        try golden.check(
            "login-generated-password", ["login", "--email", "frank@x.test", "--password-stdin"], stdin: generated + "\n", at: at)
    }

    func reports(_ golden: Goldens) throws {
        let at = Self.readTime
        try golden.check("report-dashboard", ["report", "dashboard"], as: "admin@x.test", at: at)
        try golden.check("report-dashboard-agent", ["report", "dashboard"], as: "alice@x.test", at: at)
        try golden.check("report-volume", ["report", "volume", "--from", "2026-11-22", "--to", "2026-11-26"], as: "admin@x.test", at: at)
        try golden.check("report-agents", ["report", "agents"], as: "admin@x.test", at: at)
        try golden.check("report-sla", ["report", "sla"], as: "admin@x.test", at: at)
        try golden.check("report-sla-empty", ["report", "sla", "--from", "2026-10-01", "--to", "2026-10-02"], as: "admin@x.test", at: at)
        try golden.check("audit", ["audit"], as: "admin@x.test", at: at)
    }

    func errors(_ golden: Goldens, _ t: Tickets) throws {
        let at = Self.readTime
        try golden.check(
            "error-validation", ["ticket", "create", "--subject", "Hi", "--description", "short", "--priority", "huge"],
            as: "dan@x.test", at: at, status: 2)
        try golden.check("error-validation-transition", ["ticket", "status", t.open, "resolved"], as: "admin@x.test", at: at, status: 2)
        try golden.check("error-not-found", ["ticket", "show", "TICK-20261123-0999"], as: "dan@x.test", at: at, status: 5)
        try golden.check("error-forbidden", ["ticket", "priority", t.open, "urgent"], as: "dan@x.test", at: at, status: 4)
        try golden.check(
            "error-conflict", ["ticket", "priority", t.assigned, "low", "--if-version", "1"], as: "admin@x.test", at: at, status: 6)
        try golden.check("error-unauthorized-no-user", ["ticket", "list"], at: at, status: 3)
        try golden.check(
            "error-unauthorized-login", ["login", "--email", "dan@x.test", "--password-stdin"], stdin: "wrong-password\n", at: at, status: 3)
        // Closed on day 3 at 10:00; eight days later its requester's reply is refused and stores nothing.
        try golden.check(
            "error-ticket-closed", ["ticket", "comment", t.closed, "--body", "Still broken"], as: "dan@x.test",
            at: "2026-12-03T10:00:01Z", status: 7)
        try golden.check("error-usage-unknown-option", ["ticket", "list", "--bogus"], as: "admin@x.test", at: at, status: 64)
        try golden.check("error-usage-missing-argument", ["ticket", "show"], as: "admin@x.test", at: at, status: 64)
    }

    func maintenance(_ golden: Goldens) throws {
        let at = Self.readTime
        try golden.check("check", ["check"], at: at)
        try golden.check("backup", ["backup", golden.cli.directory.appendingPathComponent("backup.sqlite").path], at: at)
        try golden.check(
            "demo", ["demo", "--db", golden.cli.directory.appendingPathComponent("demo.sqlite").path, "--tickets", "3"], at: at)
        try golden.check("keys", ["keys"], at: at)
    }

    /// Two keys made by `ssh-keygen -t ed25519` (the contract suite's k1 and k2).
    func sshKeys(_ golden: Goldens) throws {
        let at = Self.readTime
        let k1 = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIBbherc8wXtERFv4BhVI8f7vH6Wk1syY5OW+ECEt69XM k1"
        let k2 = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIKqyrWaccmpPIBmjhqw5eE0SPUTsIBNSD2tHm8VELd40 k2"
        try golden.check("ssh-key-add", ["ssh", "key", "add", "dan@x.test", "--key", k1], as: "admin@x.test", at: at)
        try golden.check("ssh-key-add-stdin", ["ssh", "key", "add", "alice@x.test", "--key", "-"], as: "admin@x.test", stdin: k2 + "\n", at: at)
        try golden.check("ssh-key-list", ["ssh", "key", "list"], as: "admin@x.test", at: at)
        try golden.check("ssh-key-list-own", ["ssh", "key", "list"], as: "dan@x.test", at: at)
        try golden.check(
            "ssh-key-remove", ["ssh", "key", "remove", "SHA256:VqY72o1qWHeK0OQHzXZbVisb/6w0K7f19vY6/jgJ+zQ"], as: "dan@x.test", at: at)
        try golden.check(
            "ssh-authorized-keys-write",
            ["ssh", "authorized-keys", "--write", golden.cli.directory.appendingPathComponent("authorized_keys").path], at: at)
    }
}
