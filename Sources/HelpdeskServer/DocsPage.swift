import Foundation
import HelpdeskCore

/// `GET /docs`: the OpenAPI document as one self-contained HTML page, read from the very JSON
/// `/api/v1/openapi.json` serves, so the two cannot disagree. Each operation shows its method and
/// path, who may call it, its parameters, its example request and its answers with their examples.
/// No script and no external asset; every text from the document is HTML-escaped, and backquoted
/// words become `<code>` only after escaping.
enum DocsPage {
    /// The page of `documentJSON`.
    /// - Throws: `INTERNAL_ERROR` when the JSON is not an OpenAPI document's shape (not expected:
    ///   it is the one `APIDocument.json` wrote).
    static func html(documentJSON: Data) throws -> String {
        guard let document = try JSONSerialization.jsonObject(with: documentJSON) as? [String: Any],
            let paths = document["paths"] as? [String: Any]
        else { throw HelpdeskError(.internalError, "The API document has no paths") }
        let info = document["info"] as? [String: Any] ?? [:]
        let operations = Self.operations(paths)
        var out = """
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(escape(info["title"] as? String ?? "API"))</title>
            <style>\(style)</style></head><body>
            <h1>\(escape(info["title"] as? String ?? "API"))</h1>
            <p>The OpenAPI 3.1 document: <a href="/api/v1/openapi.json"><code>/api/v1/openapi.json</code></a>.</p>

            """
        out += markdown(info["description"] as? String ?? "")
        out += "<nav><h2>Operations</h2><ul>\n"
        for operation in operations {
            out += "<li><a href=\"#\(escape(operation.id))\"><code>\(operation.method) \(escape(operation.path))</code></a> \(escape(operation.summary))</li>\n"
        }
        out += "</ul></nav>\n"
        for operation in operations { out += section(operation) }
        out += schemasSection(document)
        out += "</body></html>\n"
        return out
    }

    /// One operation as the page lists it.
    struct Operation {
        let method: String
        let path: String
        let id: String
        let summary: String
        let body: [String: Any]
    }

    /// The document's operations, by path then method (GET, POST, PUT, DELETE).
    static func operations(_ paths: [String: Any]) -> [Operation] {
        var list: [Operation] = []
        for path in paths.keys.sorted() {
            guard let item = paths[path] as? [String: Any] else { continue }
            for method in ["get", "post", "put", "patch", "delete"] {
                guard let operation = item[method] as? [String: Any] else { continue }
                list.append(
                    Operation(
                        method: method.uppercased(), path: path, id: operation["operationId"] as? String ?? "\(method)-\(path)",
                        summary: operation["summary"] as? String ?? "", body: operation))
            }
        }
        return list
    }

    private static func section(_ operation: Operation) -> String {
        let body = operation.body
        var out = "<section id=\"\(escape(operation.id))\">\n"
        out += "<h3><span class=\"method\">\(operation.method)</span> <code>\(escape(operation.path))</code> — \(escape(operation.summary))</h3>\n"
        out += markdown(body["description"] as? String ?? "")
        let secured = !((body["security"] as? [Any]) ?? []).isEmpty
        out += "<p class=\"auth\">\(secured ? "Needs <code>Authorization: Bearer &lt;access token&gt;</code>." : "No token needed.")</p>\n"
        let parameters = body["parameters"] as? [[String: Any]] ?? []
        if !parameters.isEmpty {
            out += "<h4>Parameters</h4>\n<table><tr><th>name</th><th>in</th><th>required</th><th>schema</th><th>description</th></tr>\n"
            for parameter in parameters {
                out += "<tr><td><code>\(escape(parameter["name"] as? String ?? ""))</code></td><td>\(escape(parameter["in"] as? String ?? ""))</td>"
                out += "<td>\((parameter["required"] as? Bool ?? false) ? "yes" : "no")</td>"
                out += "<td><code>\(escape(summary(parameter["schema"])))</code></td><td>\(inline(parameter["description"] as? String ?? ""))</td></tr>\n"
            }
            out += "</table>\n"
        }
        out += "<h4>Example request</h4>\n<pre>\(escape(exampleRequest(operation)))</pre>\n"
        if let request = body["requestBody"] as? [String: Any], let schema = jsonContent(request)?["schema"] {
            out += "<p>Body (<code>application/json</code>\((request["required"] as? Bool ?? false) ? "" : ", optional")): "
            out += "<code>\(escape(summary(schema)))</code></p>\n"
        }
        out += "<h4>Responses</h4>\n<table><tr><th>status</th><th>meaning</th><th>body</th></tr>\n"
        let responses = body["responses"] as? [String: Any] ?? [:]
        for status in responses.keys.sorted() {
            let response = responses[status] as? [String: Any] ?? [:]
            let content = response["content"] as? [String: Any] ?? [:]
            let schema = (content.values.first as? [String: Any])?["schema"]
            out += "<tr><td>\(escape(status))</td><td>\(inline(response["description"] as? String ?? ""))</td>"
            out += "<td>\(schema.map { "<code>\(escape(summary($0)))</code>" } ?? "—")</td></tr>\n"
        }
        out += "</table>\n"
        for status in responses.keys.sorted() {
            guard let response = responses[status] as? [String: Any], let example = jsonContent(response)?["example"] else { continue }
            out += "<h4>Example response \(escape(status))</h4>\n<pre>\(escape(pretty(example)))</pre>\n"
        }
        return out + "</section>\n"
    }

    private static func schemasSection(_ document: [String: Any]) -> String {
        let schemas = (document["components"] as? [String: Any])?["schemas"] as? [String: Any] ?? [:]
        var out = "<h2 id=\"schemas\">Shapes</h2>\n"
        for name in schemas.keys.sorted() {
            guard let schema = schemas[name] as? [String: Any] else { continue }
            out += "<h3 id=\"schema-\(escape(name))\">\(escape(name))</h3>\n" + markdown(schema["description"] as? String ?? "")
            guard let properties = schema["properties"] as? [String: Any] else { continue }
            let required = Set(schema["required"] as? [String] ?? [])
            out += "<table><tr><th>key</th><th>schema</th><th>description</th></tr>\n"
            for key in properties.keys.sorted() {
                let property = properties[key] as? [String: Any] ?? [:]
                out += "<tr><td><code>\(escape(key))</code>\(required.contains(key) ? "" : " (optional)")</td>"
                out += "<td><code>\(escape(summary(property)))</code></td><td>\(inline(property["description"] as? String ?? ""))</td></tr>\n"
            }
            out += "</table>\n"
        }
        return out
    }

    /// The request a client would send: method, path with example values, headers and body.
    private static func exampleRequest(_ operation: Operation) -> String {
        var path = operation.path
        var query: [String] = []
        var headers: [String] = []
        for parameter in operation.body["parameters"] as? [[String: Any]] ?? [] {
            let name = parameter["name"] as? String ?? ""
            switch parameter["in"] as? String {
            case "path": path = path.replacingOccurrences(of: "{\(name)}", with: examplePathValue(path))
            case "query" where name == "status": query.append("status=open")
            case "header": headers.append("\(name): \"6\"")
            default: break
            }
        }
        if !((operation.body["security"] as? [Any]) ?? []).isEmpty { headers.insert("Authorization: Bearer <access token>", at: 0) }
        var text = "\(operation.method) \(path)\(query.isEmpty ? "" : "?" + query.joined(separator: "&"))"
        if let request = operation.body["requestBody"] as? [String: Any], let example = jsonContent(request)?["example"] {
            headers.append("Content-Type: application/json")
            text += "\n" + headers.joined(separator: "\n") + "\n\n" + pretty(example)
        } else if !headers.isEmpty {
            text += "\n" + headers.joined(separator: "\n")
        }
        return text
    }

    /// A value of the path's one parameter: a ticket number, a session id or an agent's email.
    private static func examplePathValue(_ path: String) -> String {
        if path.hasPrefix("/api/v1/tickets/") { return "TICK-20261123-0005" }
        if path.hasPrefix("/api/v1/auth/sessions/") { return "9f86d081884c7d659a2feaa0c55ad015" }
        return "alice@demo.test"
    }

    private static func jsonContent(_ holder: [String: Any]) -> [String: Any]? {
        (holder["content"] as? [String: Any])?["application/json"] as? [String: Any]
    }

    /// A schema in a few words: its `$ref` name, type (with `null`), format, allowed values, pattern, bounds.
    static func summary(_ schema: Any?) -> String {
        guard let schema = schema as? [String: Any] else { return "any" }
        if let ref = schema["$ref"] as? String { return ref.split(separator: "/").last.map(String.init) ?? ref }
        if let choices = schema["oneOf"] as? [Any] { return "one of: " + choices.map { summary($0) }.joined(separator: " | ") }
        var text: String
        switch schema["type"] {
        case let types as [String]: text = types.joined(separator: " or ")
        case let type as String: text = type
        default: text = "any"
        }
        if text.hasPrefix("array"), let items = schema["items"] { text = "array of " + summary(items) }
        if text.hasPrefix("object"), let properties = schema["properties"] as? [String: Any] {
            let required = Set(schema["required"] as? [String] ?? [])
            text += " {" + properties.keys.sorted().map { "\($0)\(required.contains($0) ? "" : "?"): \(summary(properties[$0]))" }.joined(separator: ", ") + "}"
        }
        if let format = schema["format"] as? String { text += " (\(format))" }
        if let values = schema["enum"] as? [Any] { text += ": " + values.map { "\($0)" }.joined(separator: ", ") }
        if let pattern = schema["pattern"] as? String { text += " matching \(pattern)" }
        if let minimum = schema["minimum"] { text += ", ≥ \(minimum)" }
        if let maximum = schema["maximum"] { text += ", ≤ \(maximum)" }
        if let minLength = schema["minLength"] { text += ", at least \(minLength) characters" }
        return text
    }

    private static func pretty(_ value: Any) -> String {
        guard JSONSerialization.isValidJSONObject(value),
            let data = try? JSONSerialization.data(withJSONObject: value, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        else { return "\(value)" }
        return String(decoding: data, as: UTF8.self)
    }

    /// Paragraphs (blank-line separated) of escaped text with `code` and **bold**.
    private static func markdown(_ text: String) -> String {
        text.components(separatedBy: "\n\n").filter { !$0.isEmpty }.map { "<p>\(inline($0))</p>\n" }.joined()
    }

    /// Escaped text, then backquoted spans as `<code>` and `**…**` as `<strong>`: the markers are
    /// not HTML, so nothing the escaping produced can be turned into markup.
    static func inline(_ text: String) -> String {
        var out = ""
        for (index, part) in escape(text).components(separatedBy: "`").enumerated() {
            if index % 2 == 1 {
                out += "<code>\(part)</code>"
            } else {
                for (inner, piece) in part.components(separatedBy: "**").enumerated() { out += inner % 2 == 1 ? "<strong>\(piece)</strong>" : piece }
            }
        }
        return out
    }

    /// `text` safe between tags and inside quoted attributes.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.count)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }

    private static let style = """
        body{font:15px/1.5 system-ui,sans-serif;max-width:72rem;margin:2rem auto;padding:0 1rem;color:#1b1b1b}\
        code,pre{font-family:ui-monospace,monospace;font-size:13px}pre{background:#f4f4f4;padding:.75rem;overflow:auto}\
        table{border-collapse:collapse;margin:.5rem 0}td,th{border:1px solid #ccc;padding:.25rem .5rem;text-align:left;vertical-align:top}\
        section{border-top:2px solid #ddd;margin-top:2rem}.method{background:#234;color:#fff;padding:0 .4rem;border-radius:3px}\
        .auth{color:#555}
        """
}
