import Foundation
import HelpdeskConsole
import Testing

struct ReadmeTests {
    @Test func theReadmesKeyReferenceIsTheDefaultMap() async throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let readme = try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
        let start = try #require(readme.range(of: "<!-- keys:start -->\n"))
        let end = try #require(readme.range(of: "\n<!-- keys:end -->"))
        var warnings: [ConfigWarning] = []
        let map = ConfigLoader.standard(environment: ["XDG_CONFIG_HOME": "/nonexistent"]).loadKeyMap("default", &warnings)
        #expect(String(readme[start.upperBound..<end.lowerBound]) == KeyReference.markdown(map))
    }
}
