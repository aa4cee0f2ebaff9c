import EntenteCoding
import EntenteIO
import EntenteStore
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import EntenteServer

/// The shipped coder, built once.
let runner = try? DocumentCoder()

let provenance = Provenance(
  version: "test", models: "shipped", lexicon: "entente", dictionaries: "knowledge base")

/// Documents written for these tests.
enum Fixture {
  static let sentences = [
    "Russia criticized Ukraine on Monday.",
    "China praised Pakistan for its support.",
    "Germany and France signed a trade agreement.",
    "Iran threatened Israel with a harsh response.",
    "Turkey accused Greece of violating its airspace.",
    "Egypt condemned the attack on Israel.",
  ]

  /// Document `index`: two sentences, a date in June 2024.
  static func document(_ index: Int) -> InputDocument {
    let text = [sentences[index % sentences.count], sentences[(index + 2) % sentences.count]]
      .joined(separator: " ")
    return InputDocument(
      id: "doc-\(index)", date: String(format: "2024-06-%02d", 1 + index % 28), text: text,
      title: "Story \(index)", source: "Wire", origin: "test")
  }

  /// A new store in a temporary file, holding documents 0 to 11 and one whose title and text
  /// try to inject markup.
  static func store() throws -> EventStore {
    let path = FileManager.default.temporaryDirectory
      .appendingPathComponent("entente-server-\(UUID().uuidString).sqlite").path
    let store = try EventStore(path)
    let coder = try #require(runner)
    let run = try store.beginRun(provenance)
    var documents = (0..<12).map(document)
    documents.append(
      InputDocument(
        id: "hostile", date: "2024-06-20",
        text:
          "<script>alert('x')</script> Russia criticized Ukraine. \"><img src=x onerror=alert(1)>",
        title: "<b>Bold</b> & \"quoted\"", url: "javascript:alert(1)", origin: "test"))
    documents.append(
      InputDocument(
        id: "geneva", date: "2024-06-21",
        text: "Armenia and Azerbaijan held talks in Geneva on Friday.", origin: "test"))
    try store.save(documents.map { coder.code($0) }, run: run)
    return store
  }

  static func application(
    store: EventStore, token: String? = "secret", maxBody: Int = 1 << 20
  ) throws -> some ApplicationProtocol {
    var configuration = ServerConfiguration()
    configuration.token = token
    configuration.maxBodyBytes = maxBody
    configuration.port = 0
    return buildApplication(
      coder: try #require(runner), store: store, provenance: provenance,
      configuration: configuration)
  }
}

func json(_ response: TestResponse) throws -> Any {
  try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView))
}

func text(_ response: TestResponse) -> String {
  String(decoding: response.body.readableBytesView, as: UTF8.self)
}

@Suite("HTTP API")
struct APITests {
  @Test("POST /v1/code codes text and records, stores nothing")
  func code() async throws {
    let store = try Fixture.store()
    let before = try store.counts()
    try await Fixture.application(store: store).test(.router) { client in
      try await client.execute(
        uri: "/v1/code?date=2024-06-03&id=t", method: .post,
        headers: [.contentType: "text/plain"],
        body: ByteBuffer(string: "Russia criticized Ukraine on Monday.")
      ) { response in
        #expect(response.status == .ok)
        let documents = try #require(try json(response) as? [[String: Any]])
        #expect(documents.count == 1)
        #expect(documents[0]["id"] as? String == "t")
        let events = try #require(documents[0]["events"] as? [[String: Any]])
        #expect(events.map { $0["code"] as? String } == ["110"])
        let source = try #require(events.first?["source"] as? [String: Any])
        #expect(source["code"] as? String == "RUS")
        #expect(documents[0]["quotes"] is [Any] && documents[0]["agreements"] is [Any])
      }
      let lines = """
        {"id": "a", "text": "China praised Pakistan for its support."}

        {"id": "b", "date": "2024-01-05", "text": "Iran threatened Israel with a harsh response."}
        """
      try await client.execute(
        uri: "/v1/code", method: .post, headers: [.contentType: "application/x-ndjson"],
        body: ByteBuffer(string: lines)
      ) { response in
        #expect(response.status == .ok)
        let documents = try #require(try json(response) as? [[String: Any]])
        #expect(documents.map { $0["id"] as? String } == ["a", "b"])
      }
      // Declared as text, a body that starts with a brace is still text.
      try await client.execute(
        uri: "/v1/code?id=braced", method: .post, headers: [.contentType: "text/plain"],
        body: ByteBuffer(string: "{Draft} Russia criticized Ukraine.")
      ) { response in
        let documents = try #require(try json(response) as? [[String: Any]])
        #expect(documents.map { $0["id"] as? String } == ["braced"])
      }
      try await client.execute(
        uri: "/v1/code", method: .post, headers: [.contentType: "application/json"],
        body: ByteBuffer(string: #"[{"id": "c", "text": "Egypt condemned the attack on Israel."}]"#)
      ) { response in
        let documents = try #require(try json(response) as? [[String: Any]])
        #expect(documents.map { $0["id"] as? String } == ["c"])
      }
    }
    #expect(try store.counts() == before)
  }

  @Test("bad bodies get 400 with a message that says what is wrong")
  func badBodies() async throws {
    let store = try Fixture.store()
    try await Fixture.application(store: store).test(.router) { client in
      let cases: [(String, ByteBuffer, String)] = [
        ("text/plain", ByteBuffer(bytes: [0x52, 0xFF, 0xFE, 0x20, 0x61]), "UTF-8"),
        ("text/plain", ByteBuffer(string: "   \n"), "empty"),
        ("application/x-ndjson", ByteBuffer(string: "{\"text\": \"ok\"}\n{broken"), "request:2"),
        ("application/json", ByteBuffer(string: "[{\"id\": 1}]"), "text"),
        ("application/json", ByteBuffer(string: "[1, 2"), "JSON"),
      ]
      for (type, body, expected) in cases {
        try await client.execute(
          uri: "/v1/code", method: .post, headers: [.contentType: type], body: body
        ) { response in
          #expect(response.status == .badRequest)
          let message = try #require(try json(response) as? [String: Any])["error"] as? String
          #expect(message?.contains(expected) == true, "\(message ?? "")")
        }
      }
      try await client.execute(
        uri: "/v1/code?date=June", method: .post, body: ByteBuffer(string: "Russia praised China.")
      ) { response in
        #expect(response.status == .badRequest)
      }
    }
  }

  @Test("a body over the limit gets a 413 that names the limit")
  func bodyLimit() async throws {
    let store = try Fixture.store()
    try await Fixture.application(store: store, maxBody: 1_000).test(.router) { client in
      let big = String(repeating: "Russia praised China. ", count: 100)
      for uri in ["/v1/code", "/v1/documents"] {
        try await client.execute(
          uri: uri, method: .post, headers: [.authorization: "Bearer secret"],
          body: ByteBuffer(string: big)
        ) { response in
          #expect(response.status == .contentTooLarge)
          #expect(text(response).contains("1000 bytes"))
        }
      }
      try await client.execute(
        uri: "/read", method: .post, body: ByteBuffer(string: "text=" + big)
      ) { response in
        #expect(response.status == .contentTooLarge)
      }
    }
  }

  @Test("POST /v1/documents needs the token, stores once, reports rejected records")
  func documents() async throws {
    let store = try Fixture.store()
    let body = ByteBuffer(
      string: """
        {"id": "new-1", "date": "2024-07-01", "text": "Japan praised South Korea."}
        {"id": "new-2", "date": "2024-07-02", "text": "Russia criticized Ukraine."}
        """)
    try await Fixture.application(store: store, token: nil).test(.router) { client in
      try await client.execute(uri: "/v1/documents", method: .post, body: body) { response in
        #expect(response.status == .forbidden)
        #expect(text(response).contains("only reads"))
      }
    }
    #expect(try store.document(id: "new-1") == nil)
    try await Fixture.application(store: store).test(.router) { client in
      for headers: HTTPFields in [
        [:], [.authorization: "Bearer wrong"], [.authorization: "secret"],
      ] {
        try await client.execute(uri: "/v1/documents", method: .post, headers: headers, body: body)
        { response in
          #expect(response.status == .unauthorized)
          #expect(response.headers[.wwwAuthenticate] == "Bearer")
        }
      }
      let token: HTTPFields = [.authorization: "Bearer secret"]
      try await client.execute(uri: "/v1/documents", method: .post, headers: token, body: body) {
        response in
        #expect(response.status == .ok)
        let summary = try #require(try json(response) as? [String: Any])
        #expect(summary["stored"] as? Int == 2 && summary["unchanged"] as? Int == 0)
      }
      // Again: nothing is stored twice.
      try await client.execute(uri: "/v1/documents", method: .post, headers: token, body: body) {
        response in
        let summary = try #require(try json(response) as? [String: Any])
        #expect(summary["stored"] as? Int == 0 && summary["unchanged"] as? Int == 2)
      }
      // A JSON array with one broken record: the others are stored, the broken one named.
      let array = ByteBuffer(
        string: #"[{"id": "new-3", "text": "Egypt condemned Israel."}, {"id": "new-4"}]"#)
      try await client.execute(uri: "/v1/documents", method: .post, headers: token, body: array) {
        response in
        #expect(response.status == .ok)
        let summary = try #require(try json(response) as? [String: Any])
        #expect(summary["stored"] as? Int == 1)
        let rejected = try #require(summary["rejected"] as? [[String: Any]])
        #expect(rejected.count == 1 && rejected[0]["record"] as? Int == 2)
      }
    }
    #expect(try store.document(id: "new-2")?.events.map(\.code) == ["110"])
    #expect(try store.document(id: "new-3") != nil)
    #expect(try store.document(id: "new-4") == nil)
  }

  @Test("GET /v1/events filters as the store does and pages with a cursor")
  func events() async throws {
    let store = try Fixture.store()
    var filter = EventFilter()
    filter.actor = "RUS"
    let expected = try store.events(filter).column("id").compactMap(\.integer)
    #expect(!expected.isEmpty)
    let all = try store.events(EventFilter()).column("id").compactMap(\.integer)
    try await Fixture.application(store: store).test(.router) { client in
      try await client.execute(uri: "/v1/events?actor=RUS", method: .get) { response in
        let page = try #require(try json(response) as? [String: Any])
        let events = try #require(page["events"] as? [[String: Any]])
        #expect(events.compactMap { $0["id"] as? Int } == expected)
        #expect(
          events.allSatisfy {
            ($0["source"] as? String)?.hasPrefix("RUS") == true
              || ($0["target"] as? String)?.hasPrefix("RUS") == true
          })
        #expect(page["nextCursor"] is NSNull)
      }
      // Pages of 4 give every event once, in order.
      var seen: [Int] = []
      var cursor: String?
      repeat {
        let uri = "/v1/events?limit=4" + (cursor.map { "&cursor=\($0)" } ?? "")
        cursor = try await client.execute(uri: uri, method: .get) { response in
          let page = try #require(try json(response) as? [String: Any])
          let events = try #require(page["events"] as? [[String: Any]])
          #expect(events.count <= 4)
          seen += events.compactMap { $0["id"] as? Int }
          return page["nextCursor"] as? String
        }
      } while cursor != nil
      #expect(seen == all)
      let clusters = try store.clusters(EventFilter())
      try await client.execute(uri: "/v1/events?oneADay=true", method: .get) { response in
        let groups =
          try #require(try json(response) as? [String: Any])["events"] as? [[String: Any]]
        #expect(groups?.count == clusters.rows.count)
        #expect(
          groups?.map { $0["mentions"] as? Int } == clusters.column("mentions").map(\.integer))
      }
      // Located events carry their place; near and km filter on it.
      try await client.execute(uri: "/v1/events?near=46.2,6.15&km=25", method: .get) { response in
        let events =
          try #require(try json(response) as? [String: Any])["events"] as? [[String: Any]]
        #expect(events?.count == 2)
        #expect(events?.allSatisfy { $0["location"] as? String == "Geneva" } == true)
        #expect(events?.first?["geonameId"] as? Int == 2_660_646)
        #expect(events?.first?["locationCountry"] as? String == "CHE")
        #expect(events?.first?["locationText"] as? String == "Geneva")
      }
      try await client.execute(uri: "/v1/events?near=0,0&km=25", method: .get) { response in
        let events =
          try #require(try json(response) as? [String: Any])["events"] as? [[String: Any]]
        #expect(events?.isEmpty == true)
      }
      try await client.execute(uri: "/v1/places", method: .get) { response in
        let places =
          try #require(try json(response) as? [String: Any])["places"] as? [[String: Any]]
        let geneva = places?.first { $0["location"] as? String == "Geneva" }
        #expect(geneva?["events"] as? Int == 2 && geneva?["verbalCooperation"] as? Int == 2)
        #expect(geneva?["geonameId"] as? Int == 2_660_646)
        let counts = places?.compactMap { $0["events"] as? Int } ?? []
        #expect(counts == counts.sorted(by: >))
      }
      try await client.execute(uri: "/v1/places?actor=CHN", method: .get) { response in
        let places =
          try #require(try json(response) as? [String: Any])["places"] as? [[String: Any]]
        #expect(places?.isEmpty == true)
      }
      try await client.execute(uri: "/v1/events?country=CHE", method: .get) { response in
        let events =
          try #require(try json(response) as? [String: Any])["events"] as? [[String: Any]]
        #expect(events?.count == 2)
      }
      for bad in [
        "oneADay=yes", "limit=0", "limit=ten", "cursor=abc", "mode=perhaps", "from=2024-13-01",
        "to=yesterday", "near=46.2", "near=46.2,6.1&km=far", "near=46.2,6.1&km=-3", "km=10",
      ] {
        try await client.execute(uri: "/v1/events?\(bad)", method: .get) { response in
          #expect(response.status == .badRequest, "\(bad)")
        }
      }
      try await client.execute(uri: "/v1/events?mode=all&from=2024-06-02&to=2024-06", method: .get)
      {
        response in
        let events =
          try #require(try json(response) as? [String: Any])["events"] as? [[String: Any]]
        let days = (events ?? []).compactMap {
          ($0["date"] as? String) ?? ($0["documentDate"] as? String)
        }
        #expect(!days.isEmpty && days.allSatisfy { $0 >= "2024-06-02" && $0 <= "2024-06-31" })
      }
    }
  }

  @Test("GET /v1/dyads and /v1/actors answer as the store's queries")
  func aggregates() async throws {
    let store = try Fixture.store()
    let dyads = try store.dyads("RUS", "UKR", period: .month, filter: EventFilter())
    let actors = try store.actors(EventFilter(), period: nil, limit: 3)
    try await Fixture.application(store: store).test(.router) { client in
      try await client.execute(uri: "/v1/dyads?a=RUS&b=UKR&period=month", method: .get) {
        response in
        let body = try #require(try json(response) as? [String: Any])
        let rows = try #require(body["rows"] as? [[String: Any]])
        #expect(rows.map { $0["period"] as? String } == dyads.column("period").map(\.text))
        #expect(rows.map { $0["events"] as? Int } == dyads.column("events").map(\.integer))
      }
      try await client.execute(uri: "/v1/actors?limit=3", method: .get) { response in
        let rows = try #require(try json(response) as? [String: Any])["actors"] as? [[String: Any]]
        #expect(rows?.map { $0["actor"] as? String } == actors.column("actor").map(\.text))
      }
      // Actors per day, two rows a page: the pages give every row once.
      let daily = try store.actors(EventFilter(), period: .day, limit: 5)
      var rows: [String] = []
      var cursor: String?
      repeat {
        let uri =
          "/v1/actors?period=day&limit=5&pageSize=2" + (cursor.map { "&cursor=\($0)" } ?? "")
        cursor = try await client.execute(uri: uri, method: .get) { response in
          let body = try #require(try json(response) as? [String: Any])
          let page = try #require(body["actors"] as? [[String: Any]])
          #expect(page.count <= 2)
          rows += page.map { "\($0["period"] ?? "") \($0["actor"] ?? "")" }
          return body["nextCursor"] as? String
        }
      } while cursor != nil
      #expect(rows == zip(daily.column("period"), daily.column("actor")).map { "\($0) \($1)" })
      #expect(rows.count > 2)
      for bad in [
        "/v1/dyads?a=RUS", "/v1/dyads?a=RUS&b=UKR&period=decade", "/v1/actors?limit=-1",
        "/v1/actors?pageSize=0", "/v1/dyads?a=RUS&b=UKR&cursor=-3",
      ] {
        try await client.execute(uri: bad, method: .get) { response in
          #expect(response.status == .badRequest, "\(bad)")
        }
      }
    }
  }

  @Test("a cursor past any table is a 400, not a crash; codes in a dyad are literal; no sniffing")
  func hostileParameters() async throws {
    let store = try Fixture.store()
    try await Fixture.application(store: store).test(.router) { client in
      // `start + size` once overflowed here and stopped the server.
      for uri in [
        "/v1/dyads?a=RUS&b=PRK&cursor=9223372036854775807",
        "/v1/actors?cursor=9223372036854775807",
        "/v1/events?oneADay=true&cursor=9223372036854775807",
        "/v1/actors?cursor=99999999999999999999",
      ] {
        try await client.execute(uri: uri, method: .get) { response in
          #expect(response.status == .badRequest, "\(uri)")
        }
      }
      // The largest cursor allowed is an empty last page.
      try await client.execute(uri: "/v1/actors?cursor=\(API.maxCursor)", method: .get) {
        response in
        let body = try #require(try json(response) as? [String: Any])
        #expect((body["actors"] as? [Any])?.isEmpty == true)
      }
      // `%` and `_` are no wildcards: no actor's code starts with them.
      for uri in ["/v1/dyads?a=%25&b=%25", "/v1/dyads?a=___&b=___"] {
        try await client.execute(uri: uri, method: .get) { response in
          #expect(response.status == .ok)
          let body = try #require(try json(response) as? [String: Any])
          #expect((body["rows"] as? [Any])?.isEmpty == true, "\(uri)")
          #expect(response.headers[.xContentTypeOptions] == "nosniff")
        }
      }
      try await client.execute(uri: "/healthz", method: .get) { response in
        #expect(response.status == .ok)
      }
      // Errors, documents and coded text say it too.
      for (uri, method) in [
        ("/v1/documents/doc-3", HTTPRequest.Method.get), ("/v1/actors?limit=0", .get),
        ("/v1/code", .post),
      ] {
        try await client.execute(uri: uri, method: method, body: ByteBuffer(string: "Peace.")) {
          response in
          #expect(response.headers[.xContentTypeOptions] == "nosniff", "\(uri)")
        }
      }
    }
  }

  @Test("ids in paths are percent-decoded; + in a query is a space")
  func decoding() async throws {
    let store = try Fixture.store()
    let coder = try #require(runner)
    let run = try store.beginRun(provenance)
    let id = "corpus/June 20+21.txt"
    try store.save(
      [
        coder.code(
          InputDocument(
            id: id, date: "2024-06-21", text: "Japan attacked Ukraine.", origin: "test"))
      ], run: run)
    let encoded = Dashboard.pathComponent(id)
    #expect(encoded.contains("%2F"))
    try await Fixture.application(store: store).test(.router) { client in
      for uri in ["/v1/documents/\(encoded)", "/documents/\(encoded)"] {
        try await client.execute(uri: uri, method: .get) { response in
          #expect(response.status == .ok, "\(uri)")
        }
      }
      // The events form sends `attacked+Ukraine`; `%2B` is a plus.
      try await client.execute(uri: "/v1/events?text=attacked+Ukraine", method: .get) {
        response in
        let events = try #require(try json(response) as? [String: Any])["events"] as? [Any]
        #expect(events?.count == 1)
      }
      try await client.execute(
        uri: "/v1/events?document=corpus%2FJune+20%2B21.txt", method: .get
      ) { response in
        let events = try #require(try json(response) as? [String: Any])["events"] as? [Any]
        #expect(events?.count == 1)
      }
    }
    #expect(API.parameters(query: "a=1&b=&c=x+y%21&a=2") == ["a": "2", "c": "x y!"])
  }

  @Test("GET /v1/documents/{id} gives the stored document as entente.document/1, 404 for none")
  func document() async throws {
    let store = try Fixture.store()
    let stored = try #require(try store.document(id: "doc-3"))
    try await Fixture.application(store: store).test(.router) { client in
      try await client.execute(uri: "/v1/documents/doc-3", method: .get) { response in
        #expect(response.status == .ok)
        let bytes = Array(response.body.readableBytesView)
        #expect(bytes == DocumentWriter.json(stored))
        let object = try #require(
          try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
        #expect(object["schema"] as? String == "entente.document/1")
        #expect(object["id"] as? String == "doc-3")
        #expect(object["text"] == nil)
        #expect((object["events"] as? [Any])?.count == stored.events.count)
        #expect(!stored.events.isEmpty)
      }
      try await client.execute(uri: "/v1/documents/doc-3?text=true", method: .get) { response in
        let object = try #require(
          try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView))
            as? [String: Any])
        #expect(object["text"] as? String == stored.text)
      }
      try await client.execute(uri: "/v1/documents/doc-3?text=yes", method: .get) { response in
        #expect(response.status == .badRequest)
      }
      try await client.execute(uri: "/v1/documents/absent", method: .get) { response in
        #expect(response.status == .notFound)
        #expect(text(response).contains("absent"))
      }
    }
  }

  @Test("/healthz, /metrics and unknown paths")
  func health() async throws {
    let store = try Fixture.store()
    let counts = try store.counts()
    try await Fixture.application(store: store).test(.router) { client in
      try await client.execute(uri: "/healthz", method: .get) { response in
        let body = try #require(try json(response) as? [String: Any])
        #expect(body["status"] as? String == "ok")
        #expect(body["documents"] as? Int == counts.documents)
      }
      try await client.execute(
        uri: "/v1/code", method: .post, body: ByteBuffer(string: "Russia praised China."))
      try await client.execute(uri: "/nowhere", method: .get) { response in
        #expect(response.status == .notFound)
      }
      try await client.execute(uri: "/metrics", method: .get) { response in
        let metrics = text(response)
        #expect(response.headers[.contentType]?.hasPrefix("text/plain") == true)
        #expect(
          metrics.contains(
            #"entente_http_requests_total{route="/healthz",method="GET",status="200"} 1"#))
        #expect(
          metrics.contains(
            #"entente_http_requests_total{route="/v1/code",method="POST",status="200"} 1"#))
        #expect(
          metrics.contains(
            #"entente_http_requests_total{route="other",method="GET",status="404"} 1"#))
        #expect(
          metrics.contains(#"entente_http_request_duration_seconds_count{route="/v1/code"} 1"#))
        #expect(metrics.contains("entente_documents_coded_total 1\n"))
      }
    }
  }

  @Test("/openapi.json lists exactly the API's routes, and each one answers")
  func openAPI() async throws {
    let store = try Fixture.store()
    try await Fixture.application(store: store).test(.router) { client in
      let document = try await client.execute(uri: "/openapi.json", method: .get) { response in
        try #require(try json(response) as? [String: Any])
      }
      #expect(document["openapi"] as? String == "3.0.3")
      let paths = try #require(document["paths"] as? [String: [String: Any]])
      var documented: Set<String> = []
      for (path, operations) in paths {
        for method in operations.keys { documented.insert("\(method.uppercased()) \(path)") }
      }
      #expect(documented == Set(Routes.api.map { "\($0.method) \($0.path)" }))
      // Every documented route is served: nothing answers 404 or 405 but a missing document.
      for route in Routes.api {
        let uri =
          route.path.replacingOccurrences(of: "{id}", with: "doc-1")
          + (route.path == "/v1/dyads" ? "?a=RUS&b=UKR" : "")
        try await client.execute(
          uri: uri, method: route.method == "GET" ? .get : .post,
          headers: [.authorization: "Bearer secret", .contentType: "application/x-ndjson"],
          body: route.method == "POST"
            ? ByteBuffer(string: #"{"id": "x", "text": "Russia praised China."}"#) : nil
        ) { response in
          #expect(response.status == .ok, "\(route.method) \(uri): \(response.status)")
        }
      }
    }
  }
}
