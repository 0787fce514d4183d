import HelpdeskConsole
import Testing

/// Which locale variable decides the console's character type, and whether it asks for UTF-8 (an
/// SSH client's `LANG` that the server may lack falls back to `C.UTF-8` then, else to ASCII).
struct LocaleFallbackTests {
    @Test func theDecidingVariableAsksForUTF8ByItsCodeset() {
        let cases: [([String: String], Bool)] = [
            (["LANG": "fr_FR.UTF-8"], true), (["LANG": "de_DE.utf8@euro"], true), (["LANG": "ja_JP.eucJP"], false),
            (["LANG": "C"], false), ([:], false), (["LC_ALL": "C", "LANG": "en_US.UTF-8"], false),
            (["LC_ALL": "", "LC_CTYPE": "pt_BR.UTF-8", "LANG": "C"], true), (["LANG": "en_US"], false),
        ]
        for (environment, expected) in cases {
            #expect(TextWidth.asksForUTF8(environment) == expected, "\(environment)")
        }
    }
}
