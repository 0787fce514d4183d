import Foundation
import Hummingbird
import Testing

@testable import HelpdeskServer

/// `GET /docs`: the reference page the server renders from its own OpenAPI document.
struct DocsPageTests {
    @Test func thePageListsEveryOperationWithItsParametersAndExamples() async throws {
        let fixture = try await APIFixture()
        try await fixture.client { api in
            let response = try await api.send(.get, "/docs")
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "text/html; charset=utf-8")
            #expect(response.headers[.contentSecurityPolicy] == "default-src 'none'; style-src 'unsafe-inline'")
            let page = response.text
            #expect(page.hasPrefix("<!doctype html>"))
            #expect(!page.lowercased().contains("<script"))
            #expect(!page.contains("src=\""))
            #expect(!page.contains("http://") && !page.contains("https://"), "no external asset or link")
            let document = try JSONValue.parse(try await api.send(.get, "/api/v1/openapi.json").body)
            var count = 0
            for (path, item) in document["paths"]?.object ?? [:] {
                for (method, operation) in item.object ?? [:] {
                    count += 1
                    let id = try #require(operation["operationId"]?.string)
                    #expect(page.contains("<section id=\"\(id)\">"), "\(id)")
                    #expect(page.contains("<span class=\"method\">\(method.uppercased())</span> <code>\(path)</code>"), "\(id)")
                    #expect(page.contains("<a href=\"#\(id)\">"), "\(id) in the contents")
                }
            }
            #expect(count >= 30)
            // A parameter with its enum, an example request with its body, an example answer.
            #expect(page.contains("<code>status</code></td><td>query</td><td>no</td><td><code>array of string: open, assigned, in_progress"))
            #expect(page.contains("POST /api/v1/tickets\nAuthorization: Bearer &lt;access token&gt;\nContent-Type: application/json"))
            #expect(page.contains("&quot;subject&quot; : &quot;Sync stuck at 99 percent&quot;"))
            #expect(page.contains("<h4>Example response 201</h4>"))
            #expect(page.contains("PUT /api/v1/tickets/TICK-20261123-0005/status\nAuthorization: Bearer &lt;access token&gt;\nIf-Match: &quot;6&quot;"))
            #expect(page.contains("<h3 id=\"schema-Ticket\">Ticket</h3>"))
        }
    }

    @Test func everyTextFromTheDocumentIsEscaped() throws {
        let hostile = #"<img src=x onerror=alert(1)>"#
        let document: [String: Any] = [
            "info": ["title": "T</title><script>alert(1)</script>", "description": "a `<b>` & **<i>**"],
            "paths": [
                "/x/{id}\"><script>": [
                    "get": [
                        "operationId": "o\"><script>alert(1)</script>", "summary": hostile, "description": hostile,
                        "parameters": [["name": hostile, "in": "query", "schema": ["type": "string", "pattern": "<[a-z]>"]]],
                        "responses": ["200": ["description": hostile, "content": ["application/json": ["example": ["k": hostile]]]]],
                    ]
                ]
            ],
            "components": ["schemas": [hostile: ["description": hostile, "properties": [hostile: ["type": "string"]]]]],
        ]
        let page = try DocsPage.html(documentJSON: try JSONSerialization.data(withJSONObject: document))
        #expect(!page.contains("<script"))
        #expect(!page.contains("<img"))
        #expect(!page.contains("<b>") && !page.contains("<i>"))
        #expect(page.contains("&lt;img src=x onerror=alert(1)&gt;"))
        #expect(page.contains("<title>T&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;</title>"))
        #expect(page.contains("a <code>&lt;b&gt;</code> &amp; <strong>&lt;i&gt;</strong>"))
        #expect(page.contains("id=\"o&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;\""))
        #expect(DocsPage.escape("'\"&<>") == "&#39;&quot;&amp;&lt;&gt;")
    }
}
