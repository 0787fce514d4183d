import Foundation
import HelpdeskCore
import Hummingbird
import Logging
import OpenAPIKit
import Testing

@testable import HelpdeskServer

/// The OpenAPI document: valid OpenAPI 3.1, made from exactly the routes the router serves, with
/// examples that match their own schemas, and served at `/api/v1/openapi.json`.
struct OpenAPIDocumentTests {
    /// The endpoints the router is built from, over a fixture's helpdesk.
    static func served(_ fixture: APIFixture) async -> [Endpoint] {
        let tokens = await AccessTokens(key: fixture.key)
        return HelpdeskServer.endpoints(helpdesk: fixture.helpdesk(), tokens: tokens, logger: Logger(label: "helpdesk.api.test"))
    }

    /// The document as served, parsed.
    static func servedDocument(_ api: APIClient) async throws -> JSONValue {
        let response = try await api.send(.get, "/api/v1/openapi.json")
        #expect(response.status == .ok)
        #expect(response.headers[.contentType] == "application/json; charset=utf-8")
        return try JSONValue.parse(response.body)
    }

    @Test func theDocumentIsValidOpenAPI31() async throws {
        let fixture = try await APIFixture()
        let endpoints = await Self.served(fixture)
        let document = APIDocument.make(endpoints.map(\.route))
        #expect(document.openAPIVersion == .v3_1_1)
        _ = try document.validate()
        // It also survives a round trip through OpenAPIKit's decoder (what a client generator reads).
        let decoded = try JSONDecoder().decode(OpenAPI.Document.self, from: try APIDocument.json(document))
        #expect(decoded.paths.count == document.paths.count)
    }

    @Test func theDocumentNamesExactlyTheRoutesTheRouterServes() async throws {
        let fixture = try await APIFixture()
        let routed = Set(await Self.served(fixture).map { "\($0.method.rawValue) \(APIDocument.openAPIPath($0.path))" })
        try await fixture.client { api in
            let document = try await Self.servedDocument(api)
            var documented: Set<String> = []
            for (path, item) in document["paths"]?.object ?? [:] {
                for method in (item.object ?? [:]).keys { documented.insert("\(method.uppercased()) \(path)") }
            }
            #expect(documented == routed)
            #expect(documented.count >= 30)
            // And each documented operation reaches a handler on the real router: never the unknown
            // path's 404 nor a 405.
            for entry in documented.sorted() {
                let parts = entry.split(separator: " ", maxSplits: 1)
                let method = HTTPRequest.Method(rawValue: String(parts[0]))
                let path = String(parts[1])
                    .replacingOccurrences(of: "/tickets/{id}", with: "/tickets/TICK-20261123-0001")
                    .replacingOccurrences(of: "{id}", with: "someone@x.test")
                let response = try await api.send(try #require(method), path)
                #expect(response.status != .methodNotAllowed, "\(entry)")
                #expect(response.error?.message.hasPrefix("No such endpoint") != true, "\(entry)")
            }
        }
    }

    @Test func everyOperationHasAnIdASummaryAndAnExampleOfEachJSONBody() async throws {
        let fixture = try await APIFixture()
        try await fixture.client { api in
            let document = try await Self.servedDocument(api)
            let check = JSONSchemaCheck(document: document)
            var ids: [String] = []
            for (path, item) in document["paths"]?.object ?? [:] {
                for (method, operation) in item.object ?? [:] {
                    let name = "\(method.uppercased()) \(path)"
                    ids.append(operation["operationId"]?.string ?? "")
                    #expect(operation["summary"]?.string?.isEmpty == false, "\(name)")
                    if let body = operation["requestBody"]?["content"]?["application/json"] {
                        let example = try #require(body["example"], "\(name): request example")
                        let problems = check.problems(example, try #require(body["schema"]))
                        #expect(problems == [], "\(name): request example: \(problems)")
                    }
                    for (status, response) in operation["responses"]?.object ?? [:] {
                        guard let content = response["content"]?["application/json"] else { continue }
                        if path == "/api/v1/openapi.json" { continue }
                        let example = try #require(content["example"], "\(name) \(status): response example")
                        let problems = check.problems(example, try #require(content["schema"]))
                        #expect(problems == [], "\(name) \(status): response example: \(problems)")
                        if status.hasPrefix("4") { #expect(content["schema"]?["$ref"]?.string == "#/components/schemas/Error", "\(name) \(status)") }
                    }
                }
            }
            #expect(Set(ids).count == ids.count, "operation ids are unique")
        }
    }

    @Test func authenticatedOperationsDeclareTheBearerSchemeAnd401() async throws {
        let fixture = try await APIFixture()
        let endpoints = await Self.served(fixture)
        try await fixture.client { api in
            let document = try await Self.servedDocument(api)
            #expect(document["components"]?["securitySchemes"]?["bearerAuth"]?["scheme"]?.string == "bearer")
            #expect(document["components"]?["securitySchemes"]?["bearerAuth"]?["bearerFormat"]?.string == "JWT")
            for endpoint in endpoints {
                let operation = try #require(document["paths"]?[APIDocument.openAPIPath(endpoint.path)]?[endpoint.method.rawValue.lowercased()])
                let secured = !(operation["security"]?.array ?? []).isEmpty
                #expect(secured == endpoint.route.operation.authenticated, "\(endpoint.method) \(endpoint.path)")
                if secured { #expect(operation["responses"]?["401"] != nil, "\(endpoint.method) \(endpoint.path)") }
                // Without a token an authenticated operation is refused with 401 before anything else.
                if secured {
                    let path = endpoint.path.replacingOccurrences(of: ":id", with: "TICK-20261123-0001")
                    let response = try await api.send(endpoint.method, path)
                    #expect(response.status == .unauthorized, "\(endpoint.method) \(endpoint.path)")
                }
            }
        }
    }

    @Test func theListsEnumsAreTheCoresAndTheStatefulLinksAreDeclared() async throws {
        let fixture = try await APIFixture()
        try await fixture.client { api in
            let document = try await Self.servedDocument(api)
            let list = try #require(document["paths"]?["/api/v1/tickets"]?["get"]?["parameters"]?.array)
            func values(_ name: String) -> [String] {
                list.first { $0["name"]?.string == name }?["schema"]?["items"]?["enum"]?.array?.compactMap(\.string) ?? []
            }
            #expect(values("status") == TicketStatus.allCases.map(\.rawValue))
            #expect(values("priority") == Priority.allCases.map(\.rawValue))
            #expect(values("category") == TicketCategory.allCases.map(\.rawValue))
            let created = try #require(document["paths"]?["/api/v1/tickets"]?["post"]?["responses"]?["201"]?["links"])
            for next in ["getTicket", "addComment", "deleteTicket"] {
                #expect(created[next]?["operationId"]?.string == next)
                #expect(created[next]?["parameters"]?["id"]?.string == "$response.body#/number")
            }
            let commented = try #require(document["paths"]?["/api/v1/tickets/{id}/comments"]?["post"]?["responses"]?["201"]?["links"])
            #expect(commented["deleteTicket"]?["parameters"]?["id"]?.string == "$request.path.id")
        }
    }
}
