import Foundation
import HelpdeskCore

/// Any JSON value, read exactly (a `true` is never the number 1, an integer never a fraction).
enum JSONValue: Decodable, Equatable {
    case null
    case bool(Bool)
    case integer(Int)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Int.self) {
            self = .integer(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([JSONValue].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: JSONValue].self))
        }
    }

    static func parse(_ data: Data) throws -> JSONValue { try JSONDecoder().decode(JSONValue.self, from: data) }

    subscript(key: String) -> JSONValue? {
        if case .object(let object) = self { return object[key] }
        return nil
    }

    var string: String? { if case .string(let value) = self { value } else { nil } }
    var array: [JSONValue]? { if case .array(let value) = self { value } else { nil } }
    var object: [String: JSONValue]? { if case .object(let value) = self { value } else { nil } }

    /// The JSON Schema type names this value has (`integer` is also a `number`).
    var types: Set<String> {
        switch self {
        case .null: ["null"]
        case .bool: ["boolean"]
        case .integer: ["integer", "number"]
        case .number(let value): value.rounded() == value ? ["integer", "number"] : ["number"]
        case .string: ["string"]
        case .array: ["array"]
        case .object: ["object"]
        }
    }
}

/// The subset of JSON Schema the API's document uses (`$ref` into `components.schemas`, `type`
/// with `null`, `enum`, `const`, `properties`, `required`, `additionalProperties`, `items`, `oneOf`,
/// `format` date-time, date and email, `pattern`, `minimum`, `maximum`, `minLength`, `maxLength`), checked the way
/// schemathesis checks answers. Anything else in a schema is reported, so the checker cannot
/// silently pass what it does not understand.
struct JSONSchemaCheck {
    let document: JSONValue

    private static let understood: Set<String> = [
        "$ref", "type", "enum", "properties", "required", "additionalProperties", "items", "oneOf", "format", "pattern",
        "minimum", "maximum", "minLength", "maxLength", "description", "const",
    ]

    /// Every way `value` breaks `schema`, each naming where (`$.sla.resolution.due`); empty when it conforms.
    func problems(_ value: JSONValue, _ schema: JSONValue, at path: String = "$") -> [String] {
        guard let rules = schema.object else { return ["\(path): the schema is not an object"] }
        var problems = rules.keys.filter { !Self.understood.contains($0) }.map { "\(path): the checker does not know \($0)" }
        if let ref = rules["$ref"]?.string {
            let name = String(ref.split(separator: "/").last ?? "")
            guard let target = document["components"]?["schemas"]?[name] else { return problems + ["\(path): no schema \(ref)"] }
            return problems + self.problems(value, target, at: path)
        }
        if let choices = rules["oneOf"]?.array {
            let matching = choices.filter { self.problems(value, $0, at: path).isEmpty }.count
            if matching != 1 { problems.append("\(path): matches \(matching) of oneOf's \(choices.count) schemas") }
        }
        if let type = rules["type"] {
            let allowed = Set(type.array?.compactMap(\.string) ?? type.string.map { [$0] } ?? [])
            if value.types.isDisjoint(with: allowed) {
                return problems + ["\(path): \(value) is not \(allowed.sorted().joined(separator: " or "))"]
            }
        }
        if let choices = rules["enum"]?.array, !choices.contains(value) { problems.append("\(path): \(value) is not one of \(choices)") }
        if let constant = rules["const"], constant != value { problems.append("\(path): \(value) is not \(constant)") }
        switch value {
        case .object(let object):
            let properties = rules["properties"]?.object ?? [:]
            for key in rules["required"]?.array?.compactMap(\.string) ?? [] where object[key] == nil {
                problems.append("\(path): \(key) is missing")
            }
            for (key, item) in object.sorted(by: { $0.key < $1.key }) {
                if let property = properties[key] {
                    problems += self.problems(item, property, at: "\(path).\(key)")
                } else if rules["additionalProperties"] == .bool(false) {
                    problems.append("\(path): \(key) is not declared")
                } else if let extra = rules["additionalProperties"], extra.object != nil {
                    problems += self.problems(item, extra, at: "\(path).\(key)")
                }
            }
        case .array(let items):
            if let schema = rules["items"] {
                for (index, item) in items.enumerated() { problems += self.problems(item, schema, at: "\(path)[\(index)]") }
            }
        case .string(let text):
            switch rules["format"]?.string {
            case "date-time" where UTCTimestamp.parseISO8601(text) == nil: problems.append("\(path): \(text) is not a date-time")
            case "email" where text.split(separator: "@", omittingEmptySubsequences: false).count != 2:
                problems.append("\(path): \(text) is not an email")
            case "date" where text.range(of: #"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"#, options: .regularExpression) == nil:
                problems.append("\(path): \(text) is not a date")
            default: break
            }
            if let pattern = rules["pattern"]?.string, text.range(of: pattern, options: .regularExpression) == nil {
                problems.append("\(path): \(text) does not match \(pattern)")
            }
            if case .integer(let minimum) = rules["minLength"], text.unicodeScalars.count < minimum { problems.append("\(path): shorter than \(minimum)") }
            if case .integer(let maximum) = rules["maxLength"], text.unicodeScalars.count > maximum { problems.append("\(path): longer than \(maximum)") }
        case .integer(let number):
            if case .integer(let minimum) = rules["minimum"], number < minimum { problems.append("\(path): \(number) < \(minimum)") }
            if case .integer(let maximum) = rules["maximum"], number > maximum { problems.append("\(path): \(number) > \(maximum)") }
        default: break
        }
        return problems
    }

    /// The schema of the JSON answer `status` of the operation at `method` `path` (OpenAPI form).
    func responseSchema(_ method: String, _ path: String, status: Int) -> JSONValue? {
        document["paths"]?[path]?[method.lowercased()]?["responses"]?[String(status)]?["content"]?["application/json"]?["schema"]
    }

    /// The statuses the document gives the operation.
    func statuses(_ method: String, _ path: String) -> Set<Int> {
        Set(document["paths"]?[path]?[method.lowercased()]?["responses"]?.object?.keys.compactMap { Int($0) } ?? [])
    }
}
