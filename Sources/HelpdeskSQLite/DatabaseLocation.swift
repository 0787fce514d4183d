import Foundation

/// Where the database file lives: `--db`, else `$HELPDESK_DB`, else
/// `$XDG_DATA_HOME/helpdesk/helpdesk.sqlite` (`~/.local/share/helpdesk/helpdesk.sqlite`).
public enum DatabaseLocation {
    /// `--db`, else `HELPDESK_DB`, else `$XDG_DATA_HOME/helpdesk/helpdesk.sqlite`, else
    /// `~/.local/share/helpdesk/helpdesk.sqlite`.
    public static func resolve(explicit: String?, environment: [String: String]) -> String {
        // Given but empty stays empty, for `DatabaseFiles.literal` to refuse: never another file.
        if let explicit { return explicit }
        if let fromEnv = environment["HELPDESK_DB"], !fromEnv.isEmpty { return fromEnv }
        let dataHome: String
        if let xdg = environment["XDG_DATA_HOME"], !xdg.isEmpty {
            dataHome = xdg
        } else {
            dataHome = (environment["HOME"] ?? NSHomeDirectory()) + "/.local/share"
        }
        return dataHome + "/helpdesk/helpdesk.sqlite"
    }
}
