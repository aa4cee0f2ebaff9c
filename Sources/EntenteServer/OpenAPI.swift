/// The OpenAPI 3.0 document of the JSON API, made from the route table.
enum OpenAPI {
  static func document(version: String) -> JSONValue {
    var paths: [(String, JSONValue)] = []
    var byPath: [String: [Route]] = [:]
    var order: [String] = []
    for route in Routes.api {
      if byPath[route.path] == nil { order.append(route.path) }
      byPath[route.path, default: []].append(route)
    }
    for path in order {
      var operations: [(String, JSONValue)] = []
      for route in byPath[path] ?? [] {
        var operation: [(String, JSONValue)] = [
          ("summary", .string(route.summary)),
          (
            "operationId",
            .string(
              route.method.lowercased()
                + route.path.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map {
                  $0.prefix(1).uppercased() + $0.dropFirst()
                }.joined())
          ),
        ]
        var parameters: [JSONValue] = route.query.map { name, description in
          .object([
            ("name", .string(name)), ("in", .string("query")), ("required", .bool(false)),
            ("description", .string(description)),
            ("schema", .object([("type", .string("string"))])),
          ])
        }
        for name in Self.pathParameters(route.path) {
          parameters.append(
            .object([
              ("name", .string(name)), ("in", .string("path")), ("required", .bool(true)),
              ("schema", .object([("type", .string("string"))])),
            ]))
        }
        if !parameters.isEmpty { operation.append(("parameters", .array(parameters))) }
        if !route.bodies.isEmpty {
          operation.append(
            (
              "requestBody",
              .object([
                ("required", .bool(true)),
                (
                  "content",
                  .object(
                    route.bodies.map {
                      ($0, .object([("schema", .object([("type", .string("string"))]))]))
                    })
                ),
              ])
            ))
        }
        if route.writes {
          operation.append(("security", .array([.object([("bearer", .array([]))])])))
        }
        operation.append(
          (
            "responses",
            .object(
              route.responses.map { status, description, type in
                (
                  String(status),
                  .object([
                    ("description", .string(description)),
                    ("content", .object([(type, .object([]))])),
                  ])
                )
              })
          ))
        operations.append((route.method.lowercased(), .object(operation)))
      }
      paths.append((path, .object(operations)))
    }
    return .object([
      ("openapi", .string("3.0.3")),
      (
        "info",
        .object([
          ("title", .string("Entente")),
          ("version", .string(version)),
          (
            "description",
            .string(
              "Political event data from news text: coding, and the event store's queries.")
          ),
        ])
      ),
      ("paths", .object(paths)),
      (
        "components",
        .object([
          (
            "securitySchemes",
            .object([
              ("bearer", .object([("type", .string("http")), ("scheme", .string("bearer"))]))
            ])
          )
        ])
      ),
    ])
  }

  /// The names in braces of a path.
  static func pathParameters(_ path: String) -> [String] {
    path.split(separator: "/").filter { $0.hasPrefix("{") && $0.hasSuffix("}") }.map {
      String($0.dropFirst().dropLast())
    }
  }
}
