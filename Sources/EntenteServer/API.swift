import EntenteCoding
import EntenteIO
import EntenteIngest
import EntenteStore
import Foundation
import Hummingbird

/// The JSON API: `/v1/...`, `/healthz`, `/metrics` and `/openapi.json`.
struct API: Sendable {
  let state: ServerState

  func register(on router: Router<EntenteContext>) {
    router.on(Self.path(Routes.code), method: .post) { request, _ in try await code(request) }
    router.on(Self.path(Routes.documentsPost), method: .post) { request, _ in
      try await postDocuments(request)
    }
    router.on(Self.path(Routes.events), method: .get) { request, _ in try await events(request) }
    router.on(Self.path(Routes.dyads), method: .get) { request, _ in try await dyads(request) }
    router.on(Self.path(Routes.actors), method: .get) { request, _ in try await actors(request) }
    router.on(Self.path(Routes.places), method: .get) { request, _ in try await places(request) }
    router.on(Self.path(Routes.document), method: .get) { request, context in
      try await document(id: Self.pathParameter(context.parameters.get("id")), request: request)
    }
    router.on(Self.path(Routes.health), method: .get) { _, _ in try await health() }
    router.on(Self.path(Routes.metrics), method: .get) { _, _ in
      Self.response(state.metrics.text, type: "text/plain; version=0.0.4; charset=utf-8")
    }
    router.on(Self.path(Routes.openAPI), method: .get) { _, _ in
      Self.json(OpenAPI.document(version: state.provenance.version))
    }
  }

  /// A route's path in Hummingbird's syntax (`{id}` as `:id`).
  static func path(_ route: Route) -> RouterPath {
    RouterPath(
      route.path.split(separator: "/", omittingEmptySubsequences: false).map { part in
        part.hasPrefix("{") ? ":" + part.dropFirst().dropLast() : String(part)
      }.joined(separator: "/"))
  }

  // MARK: Coding and storing

  func code(_ request: Request) async throws -> Response {
    let inputs = try await Self.documents(in: request, limit: state.configuration.maxBodyBytes)
    guard inputs.rejected.isEmpty else {
      throw APIError(.badRequest, inputs.rejected.map(\.description).joined(separator: "; "))
    }
    guard !inputs.documents.isEmpty else { throw APIError(.badRequest, "the body has no document") }
    let runner = CodeRunner(options: CodeOptions(), coder: state.coder)
    let documents = inputs.documents
    let (bytes, words) = try await state.code { ticket in
      runner.write(documents, format: .json, stop: { ticket.isExpired })
    }
    state.metrics.coded(documents: documents.count, words: words)
    return Response(
      status: .ok,
      headers: [.contentType: "application/json; charset=utf-8", .xContentTypeOptions: "nosniff"],
      body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
  }

  func postDocuments(_ request: Request) async throws -> Response {
    try Self.authorize(request, token: state.configuration.token)
    let inputs = try await Self.documents(
      in: request, limit: state.configuration.maxBodyBytes, recordsOnly: true)
    if inputs.documents.isEmpty {
      throw APIError(
        .badRequest,
        inputs.rejected.isEmpty
          ? "the body has no document"
          : inputs.rejected.map(\.description).joined(separator: "; "))
    }
    let state = state
    let documents = inputs.documents
    let summary = try await state.code { _ in
      let run = try state.run.id(in: state.store, provenance: state.provenance)
      var ingester = Ingester(coder: state.coder, store: state.store)
      ingester.jobs = 1
      return try ingester.ingest(documents, run: run)
    }
    state.metrics.coded(documents: summary.stored, words: 0)
    state.metrics.stored(documents: summary.stored, events: summary.events)
    return Self.json(
      .object([
        ("read", .int(summary.read + inputs.rejected.count)), ("stored", .int(summary.stored)),
        ("unchanged", .int(summary.unchanged)), ("replaced", .int(summary.replaced)),
        ("duplicates", .int(summary.duplicates)),
        ("events", .int(summary.events)),
        (
          "rejected",
          .array(
            inputs.rejected.map {
              .object([("record", .int($0.line ?? 0)), ("error", .string($0.message))])
            })
        ),
      ]))
  }

  /// Checks the bearer token of a writing request.
  static func authorize(_ request: Request, token: String?) throws {
    guard let token else {
      throw APIError(
        .forbidden,
        "this server only reads: start it with --token or ENTENTE_TOKEN to accept documents")
    }
    let given = request.headers[.authorization] ?? ""
    let expected = "Bearer \(token)"
    // Compared in full whatever the first difference, so that timing tells nothing.
    let a = Array(given.utf8)
    let b = Array(expected.utf8)
    var difference = a.count ^ b.count
    for index in 0..<min(a.count, b.count) { difference |= Int(a[index] ^ b[index]) }
    guard difference == 0 else {
      var error = APIError(
        .unauthorized, "a valid `Authorization: Bearer TOKEN` header is required")
      error.headers[.wwwAuthenticate] = "Bearer"
      throw error
    }
  }

  /// The whole body of a request, up to `limit` bytes.
  ///
  /// - Throws: A 413 when it is larger; a 408 when it ends before the length it announced
  ///   (the client stopped sending and the idle timeout closed the connection, or the
  ///   client closed it): the client's failure, not the server's, and counted as such in
  ///   `/metrics`.
  static func body(of request: Request, limit: Int) async throws -> ByteBuffer {
    var request = request
    do {
      return try await request.collectBody(upTo: limit)
    } catch let error as any HTTPResponseError {
      throw error
    } catch {
      throw APIError(
        .requestTimeout,
        "the request body ended before its end: the connection was closed (\(error))")
    }
  }

  /// The documents of a request body: plain text (one document, `id` and `date` from the
  /// query), or JSON Lines or a JSON array of records by their content type or first byte.
  static func documents(in request: Request, limit: Int, recordsOnly: Bool = false) async throws
    -> (documents: [InputDocument], rejected: [InputError])
  {
    let buffer = try await body(of: request, limit: limit)
    let bytes = Array(buffer.readableBytesView)
    let type = request.headers[.contentType]?.lowercased() ?? ""
    let firstByte = bytes.first { ![0x20, 0x09, 0x0A, 0x0D].contains($0) }
    // A body declared as text is text; one of no or another type is records when it looks
    // like them (as `curl --data-binary` sends it).
    let isRecords =
      recordsOnly || type.contains("json")
      || (!type.hasPrefix("text/")
        && (firstByte == UInt8(ascii: "{") || firstByte == UInt8(ascii: "[")))
    if isRecords {
      var documents: [InputDocument] = []
      var rejected: [InputError] = []
      for item in DocumentReader.records(in: bytes, origin: "request") {
        switch item {
        case .document(let document, _): documents.append(document)
        case .failure(let error): rejected.append(error)
        }
      }
      return (documents, rejected)
    }
    guard let text = String(validating: bytes, as: UTF8.self) else {
      throw APIError(.badRequest, "the body is not valid UTF-8 text")
    }
    guard text.contains(where: { !$0.isWhitespace }) else {
      throw APIError(.badRequest, "the body is empty")
    }
    let date = request.uri.queryParameters.get("date")
    if let date, DayText.day(date) == nil {
      throw APIError(.badRequest, "date: \(date) is not YYYY-MM-DD")
    }
    let id = request.uri.queryParameters.get("id") ?? "request"
    return ([InputDocument(id: id, date: date, text: text, origin: "request")], [])
  }

  // MARK: Queries

  func events(_ request: Request) async throws -> Response {
    let query = Self.parameters(request)
    let filter = try Self.filter(query)
    if let value = query("oneADay") {
      guard value == "true" || value == "false" else {
        throw APIError(.badRequest, "oneADay: \(value) is not true or false")
      }
      if value == "true" { return try await clusters(filter, query: query) }
    }
    let limit = try Self.integer(
      query("limit"), name: "limit", default: 100, maximum: state.configuration.maxPageSize)
    var cursor: Int64?
    if let text = query("cursor") {
      guard let value = Int64(text), value >= 0 else {
        throw APIError(.badRequest, "cursor: \(text) is not a cursor from this API")
      }
      cursor = value
    }
    let store = state.store
    let after = cursor
    let table = try await state.query {
      try store.events(filter, limit: limit + 1, after: after)
    }
    let page = QueryTable(columns: table.columns, rows: Array(table.rows.prefix(limit)))
    let next: JSONValue =
      table.rows.count > limit
      ? page.rows.last.map { JSONValue($0[0]) }.map { value in
        if case .int(let id) = value { return .string(String(id)) }
        return .null
      } ?? .null : .null
    return Self.json(.object([("events", .rows(page)), ("nextCursor", next)]))
  }

  /// The Phoenix one-a-day groups of the events, with their mentions, sources and articles,
  /// paged as the aggregates are.
  func clusters(_ filter: EventFilter, query: (String) -> String?) async throws -> Response {
    let (start, size) = try page(query)
    let store = state.store
    let table = try await state.query { try store.clusters(filter) }
    let (rows, next) = Self.slice(table, start: start, size: size)
    return Self.json(.object([("events", .rows(rows)), ("nextCursor", next)]))
  }

  func dyads(_ request: Request) async throws -> Response {
    let query = Self.parameters(request)
    guard let a = query("a"), let b = query("b") else {
      throw APIError(.badRequest, "a and b, the two actors, are required")
    }
    let period = try Self.period(query("period") ?? "month")
    let filter = try Self.filter(query)
    let store = state.store
    let (start, size) = try page(query)
    let table = try await state.query { try store.dyads(a, b, period: period, filter: filter) }
    let (rows, next) = Self.slice(table, start: start, size: size)
    return Self.json(
      .object([
        ("a", .string(a)), ("b", .string(b)), ("period", .string(period.rawValue)),
        ("rows", .rows(rows)), ("nextCursor", next),
      ]))
  }

  /// The page an aggregate's rows are read in: `cursor` (where the page before ended) and
  /// `pageSize`.
  func page(_ query: (String) -> String?) throws -> (start: Int, size: Int) {
    let size = try Self.integer(
      query("pageSize"), name: "pageSize", default: state.configuration.maxPageSize,
      maximum: state.configuration.maxPageSize)
    guard let cursor = query("cursor") else { return (0, size) }
    // A cursor is a row offset this API gave: no larger than a table can be.
    guard let start = Int(cursor), (0...Self.maxCursor).contains(start) else {
      throw APIError(.badRequest, "cursor: \(cursor) is not a cursor from this API")
    }
    return (start, size)
  }

  /// The largest row offset a cursor may name.
  static let maxCursor = Int(Int32.max)

  /// One page of a table's rows, and the cursor of the next page (null after the last).
  static func slice(_ table: QueryTable, start: Int, size: Int) -> (QueryTable, JSONValue) {
    // (No sum that can overflow: past the last row the page is empty.)
    let end = start >= table.rows.count ? table.rows.count : min(table.rows.count, start + size)
    let rows = start < end ? Array(table.rows[start..<end]) : []
    return (
      QueryTable(columns: table.columns, rows: rows),
      end < table.rows.count ? .string(String(end)) : .null
    )
  }

  func actors(_ request: Request) async throws -> Response {
    let query = Self.parameters(request)
    let period = try query("period").map(Self.period)
    let limit = try Self.integer(
      query("limit"), name: "limit", default: 20, maximum: state.configuration.maxPageSize)
    let filter = try Self.filter(query)
    let store = state.store
    let (start, size) = try page(query)
    let table = try await state.query {
      try store.actors(filter, period: period, limit: limit)
    }
    let (rows, next) = Self.slice(table, start: start, size: size)
    return Self.json(.object([("actors", .rows(rows)), ("nextCursor", next)]))
  }

  /// Where the events happened, one row per place (as the dashboard's map).
  func places(_ request: Request) async throws -> Response {
    let query = Self.parameters(request)
    let limit = try Self.integer(
      query("limit"), name: "limit", default: state.configuration.maxPageSize,
      maximum: 100_000)
    let filter = try Self.filter(query)
    let store = state.store
    let (start, size) = try page(query)
    let table = try await state.query { try store.places(filter, limit: limit) }
    let (rows, next) = Self.slice(table, start: start, size: size)
    return Self.json(.object([("places", .rows(rows)), ("nextCursor", next)]))
  }

  /// A stored document as `entente.document/1`, byte for byte what `entente code --format
  /// jsonl` writes for it (`?text=true` adds its text, as `--text` does).
  func document(id: String, request: Request) async throws -> Response {
    let query = Self.parameters(request)
    let text = query("text")
    guard text == nil || text == "true" || text == "false" else {
      throw APIError(.badRequest, "text: \(text ?? "") is not true or false")
    }
    let store = state.store
    guard let document = try await state.query({ try store.document(id: id) }) else {
      throw APIError(.notFound, "no document has the id \(id)")
    }
    return Response(
      status: .ok,
      headers: [.contentType: "application/json; charset=utf-8", .xContentTypeOptions: "nosniff"],
      body: .init(
        byteBuffer: ByteBuffer(bytes: DocumentWriter.json(document, text: text == "true"))))
  }

  func health() async throws -> Response {
    let store = state.store
    do {
      let counts = try await state.health.run { _ in try store.counts() }
      return Self.json(
        .object([
          ("status", .string("ok")), ("documents", .int(counts.documents)),
          ("events", .int(counts.events)), ("readOnly", .bool(state.configuration.token == nil)),
        ]))
    } catch let error as APIError {
      // The health pool's own 503: the store did not answer in time (or checks pile up).
      var late = error
      late.message = "the store does not answer: \(error.message)"
      throw late
    } catch {
      throw APIError(.serviceUnavailable, "the store does not answer: \(error)")
    }
  }

  // MARK: Parameters

  /// The query parameters of a request, empty values as absent.
  static func parameters(_ request: Request) -> @Sendable (String) -> String? {
    let found = parameters(query: request.uri.query ?? "")
    return { found[$0] }
  }

  /// The parameters of a raw query string as a form sends it: `+` is a space, `%XX` a byte
  /// (`text=attacked+Ukraine`, `id=a%2Bb` is `a+b`); empty values are absent, the last of a
  /// repeated name wins.
  static func parameters(query: String) -> [String: String] {
    func decoded(_ text: Substring) -> String {
      let spaced = text.replacingOccurrences(of: "+", with: " ")
      return spaced.removingPercentEncoding ?? spaced
    }
    var values: [String: String] = [:]
    for pair in query.split(separator: "&") {
      let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
      guard parts.count == 2, !parts[1].isEmpty else { continue }
      values[decoded(parts[0])] = decoded(parts[1])
    }
    return values
  }

  /// A path parameter percent-decoded (`/v1/documents/corpus%2Fa.txt` is `corpus/a.txt`).
  static func pathParameter(_ text: String?) -> String {
    guard let text else { return "" }
    return text.removingPercentEncoding ?? text
  }

  /// The event filter of `entente query events` from query parameters.
  static func filter(_ query: (String) -> String?) throws -> EventFilter {
    var filter = EventFilter()
    filter.actor = query("actor")
    filter.source = query("source")
    filter.target = query("target")
    filter.country = query("country")?.uppercased()
    filter.code = query("code")
    filter.plover = query("plover")
    filter.text = query("text")
    filter.document = query("document")
    if let modes = query("mode") {
      if modes == "all" {
        filter.modes = []
      } else {
        let names = modes.split(separator: ",").map {
          $0.trimmingCharacters(in: .whitespaces).lowercased()
        }
        if let unknown = names.first(where: { EventMode(rawValue: $0) == nil }) {
          let known = EventMode.allCases.map(\.rawValue).joined(separator: ", ")
          throw APIError(.badRequest, "mode: \(unknown) is not one of \(known) or all")
        }
        filter.modes = names.compactMap(EventMode.init(rawValue:))
      }
    }
    if let from = query("from") {
      guard let day = DayText.first(from) else {
        throw APIError(.badRequest, "from: \(from) is not YYYY, YYYY-MM or YYYY-MM-DD")
      }
      filter.from = day
    }
    if let to = query("to") {
      guard let day = DayText.last(to) else {
        throw APIError(.badRequest, "to: \(to) is not YYYY, YYYY-MM or YYYY-MM-DD")
      }
      filter.to = day
    }
    if let near = query("near") {
      var kilometres = 50.0
      if let km = query("km") {
        guard let value = Double(km) else {
          throw APIError(.badRequest, "km: \(km) is not a number of kilometres")
        }
        kilometres = value
      }
      do {
        filter.near = try EventFilter.Near(near, kilometres: kilometres)
      } catch {
        throw APIError(.badRequest, "near: \(error.message)")
      }
    } else if query("km") != nil {
      throw APIError(.badRequest, "km: needs near=LAT,LON")
    }
    return filter
  }

  static func period(_ text: String) throws -> Period {
    guard let period = Period(rawValue: text.lowercased()) else {
      throw APIError(.badRequest, "period: \(text) is not day, week, month or year")
    }
    return period
  }

  static func integer(_ text: String?, name: String, default value: Int, maximum: Int) throws -> Int
  {
    guard let text else { return value }
    guard let number = Int(text), (1...maximum).contains(number) else {
      throw APIError(.badRequest, "\(name): \(text) is not a number from 1 to \(maximum)")
    }
    return number
  }

  // MARK: Responses

  static func json(_ value: JSONValue, status: HTTPResponse.Status = .ok) -> Response {
    response(value.text, type: "application/json; charset=utf-8", status: status)
  }

  static func response(_ text: String, type: String, status: HTTPResponse.Status = .ok)
    -> Response
  {
    Response(
      status: status, headers: [.contentType: type, .xContentTypeOptions: "nosniff"],
      body: .init(byteBuffer: ByteBuffer(string: text)))
  }
}
