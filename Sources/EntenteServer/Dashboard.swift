import EntenteCoding
import EntenteStore
import Foundation
import Hummingbird

/// The web dashboard: server-rendered pages, with a small script and style sheet shipped as
/// package resources (nothing from elsewhere, so it works offline).
struct Dashboard: Sendable {
  let state: ServerState

  /// What HTML pages may load: only the server's own files.
  static let policy =
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"

  func register(on router: Router<EntenteContext>) {
    router.get("/") { _, _ in
      Self.html(HTML.page(title: "Read an article", active: "/", readForm()))
    }
    router.post("/read") { request, _ in try await read(request) }
    router.get("/events") { request, _ in try await events(request) }
    router.get("/relations") { request, _ in try await relations(request) }
    router.get("/dyad") { request, _ in try await dyad(request) }
    router.get("/map") { request, _ in try await map(request) }
    router.get("/documents/:id") { _, context in
      try await document(id: API.pathParameter(context.parameters.get("id")))
    }
    router.get("/assets/:name") { _, context in try asset(context.parameters.get("name") ?? "") }
  }

  static func html(_ text: String, status: HTTPResponse.Status = .ok) -> Response {
    Response(
      status: status,
      headers: [
        .contentType: "text/html; charset=utf-8", .contentSecurityPolicy: policy,
        .xContentTypeOptions: "nosniff",
      ],
      body: .init(byteBuffer: ByteBuffer(string: text)))
  }

  // MARK: Read an article

  func readForm(text: String = "", date: String? = nil) -> String {
    """
    <form method="post" action="/read" class="read" id="read-form">
    <label for="text">Paste an article, or choose a text file</label>
    <textarea id="text" name="text" rows="12" required>\(HTML.escape(text))</textarea>
    <div class="row">
    <input type="file" id="file" accept=".txt,text/plain">
    \(HTML.field("date", "Date", date, placeholder: "YYYY-MM-DD"))
    <button type="submit">Code it</button>
    </div>
    </form>
    <p class="hint">Nothing read here is stored. Click an event to see its evidence in the text.</p>
    """
  }

  func read(_ request: Request) async throws -> Response {
    let buffer = try await API.body(of: request, limit: state.configuration.maxBodyBytes)
    let form = Self.form(String(decoding: buffer.readableBytesView, as: UTF8.self))
    let text = form["text"] ?? ""
    var date = form["date"].flatMap { $0.isEmpty ? nil : $0 }
    var problem = ""
    if let given = date, DayText.day(given) == nil {
      problem =
        "<p class=\"error\">The date \(HTML.escape(given)) is not YYYY-MM-DD; it was left out.</p>"
      date = nil
    }
    guard text.contains(where: { !$0.isWhitespace }) else {
      return Self.html(
        HTML.page(
          title: "Read an article", active: "/",
          "<p class=\"error\">There was no text to read.</p>" + readForm()), status: .badRequest)
    }
    let coder = state.coder
    let input = InputDocument(id: "read", date: date, text: text, origin: "dashboard")
    let coded = try await state.code { _ in coder.code(input) }
    state.metrics.coded(documents: 1, words: 0)
    let summary =
      "<p class=\"summary\">\(coded.events.count) events, \(coded.mentions.count) mentions, \(coded.quotes.count) quotes, \(coded.agreements.count) agreements.</p>"
    return Self.html(
      HTML.page(
        title: "Read an article", active: "/",
        problem + summary + HTML.article(coded) + "<h2>Read another</h2>"
          + readForm(text: text, date: date)))
  }

  /// The fields of an `application/x-www-form-urlencoded` body.
  static func form(_ body: String) -> [String: String] {
    var fields: [String: String] = [:]
    for pair in body.split(separator: "&") {
      let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
      func decode(_ part: Substring) -> String {
        let spaced = part.replacingOccurrences(of: "+", with: " ")
        return spaced.removingPercentEncoding ?? spaced
      }
      guard let name = parts.first else { continue }
      fields[decode(name)] = parts.count > 1 ? decode(parts[1]) : ""
    }
    return fields
  }

  // MARK: A stored document

  func document(id: String) async throws -> Response {
    let store = state.store
    guard let document = try await state.query({ try store.document(id: id) }) else {
      return Self.html(
        HTML.page(
          title: "No such document", active: "",
          "<p class=\"error\">No stored document has the id <code>\(HTML.escape(id))</code>.</p>"),
        status: .notFound)
    }
    var facts: [String] = ["<code>\(HTML.escape(document.id))</code>"]
    if let date = document.date { facts.append(HTML.escape(date)) }
    if let source = document.source { facts.append(HTML.escape(source)) }
    if let url = document.url, url.hasPrefix("https://") || url.hasPrefix("http://") {
      facts.append("<a href=\"\(HTML.escape(url))\" rel=\"noreferrer\">original</a>")
    }
    return Self.html(
      HTML.page(
        title: document.title ?? "Document \(document.id)", active: "",
        "<p class=\"summary\">\(facts.joined(separator: " · "))</p>" + HTML.article(document)))
  }

  // MARK: Events

  func events(_ request: Request) async throws -> Response {
    let query = API.parameters(request)
    let (filter, problem) = Self.filter(query)
    let after = query("cursor").flatMap { Int64($0) }
    let store = state.store
    let pageSize = 200
    let table = try await state.query {
      try store.events(filter, limit: pageSize + 1, after: after)
    }
    let rows = Array(table.rows.prefix(pageSize))
    let fields = [
      "actor", "source", "target", "country", "code", "plover", "from", "to", "text", "near", "km",
    ]
    var form = "<form method=\"get\" action=\"/events\" class=\"filters\">"
    form += HTML.field("actor", "Actor", query("actor"), placeholder: "RUS")
    form += HTML.field("source", "Source", query("source"))
    form += HTML.field("target", "Target", query("target"))
    form += HTML.field("code", "CAMEO", query("code"), placeholder: "05")
    form += HTML.modeField(query("mode"))
    form += HTML.field("from", "From", query("from"), placeholder: "YYYY-MM-DD")
    form += HTML.field("to", "To", query("to"), placeholder: "YYYY-MM-DD")
    form += HTML.field("text", "Text", query("text"))
    form += HTML.field("near", "Near", query("near"), placeholder: "LAT,LON")
    form += HTML.field("km", "km", query("km"), placeholder: "50")
    form += "<button type=\"submit\">Filter</button></form>"
    var out = problem + form
    if rows.isEmpty {
      out += "<p class=\"none\">No stored event matches.</p>"
    } else {
      out += Self.eventTable(table.columns, rows)
      if table.rows.count > pageSize, let last = rows.last?.first?.integer {
        let pairs = (fields + ["mode"]).map { ($0, query($0)) } + [("cursor", String(last))]
        out +=
          "<p><a class=\"next\" href=\"/events\(HTML.escape(HTML.query(pairs)))\">Next page</a></p>"
      }
    }
    return Self.html(HTML.page(title: "Events", active: "/events", out))
  }

  /// The event filter of a page's query, or all asserted events and the message that says
  /// what was wrong with it.
  static func filter(_ query: (String) -> String?) -> (EventFilter, String) {
    do {
      return (try API.filter(query), "")
    } catch let error as APIError {
      return (EventFilter(), "<p class=\"error\">\(HTML.escape(error.message))</p>")
    } catch {
      return (EventFilter(), "<p class=\"error\">\(HTML.escape("\(error)"))</p>")
    }
  }

  /// A sortable table of events (rows of ``EventStore/events(_:limit:after:)``), each linked
  /// to its document.
  static func eventTable(_ columns: [String], _ rows: [[Cell]]) -> String {
    func cell(_ row: [Cell], _ name: String) -> String {
      guard let index = columns.firstIndex(of: name) else { return "" }
      return HTML.escape(row[index].description)
    }
    var out = """
      <table class="sortable events-table"><thead><tr><th>Date</th><th>Source</th>\
      <th>Target</th><th>Code</th><th>Event</th><th>Mode</th><th data-type="number">Goldstein</th>\
      <th>Evidence</th><th>Document</th></tr></thead><tbody>
      """
    for row in rows {
      let date = cell(row, "date").isEmpty ? cell(row, "documentDate") : cell(row, "date")
      let index = columns.firstIndex(of: "document")
      let documentID = index.flatMap { row[$0].text } ?? ""
      out += """
        <tr><td>\(date)</td><td>\(cell(row, "source"))</td><td>\(cell(row, "target"))</td>\
        <td><span class="code">\(cell(row, "code"))</span></td><td>\(cell(row, "label"))</td>\
        <td><span class="mode mode-\(cell(row, "mode"))">\(cell(row, "mode"))</span></td>\
        <td class="number">\(cell(row, "goldstein"))</td>\
        <td class="evidence">\(cell(row, "evidence"))</td>\
        <td><a href="/documents/\(HTML.escape(pathComponent(documentID)))">\(HTML.escape(documentID))</a></td></tr>
        """
    }
    return out + "</tbody></table>"
  }

  /// A path component with everything but letters, digits and `-._~` percent-encoded.
  static func pathComponent(_ text: String) -> String {
    var allowed = CharacterSet.alphanumerics
    allowed.insert(charactersIn: "-._~")
    return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
  }

  // MARK: Relations

  func relations(_ request: Request) async throws -> Response {
    let query = API.parameters(request)
    let (filter, problem) = Self.filter(query)
    let store = state.store
    let table = try await state.query { try store.network(filter, limit: 80) }
    var form = "<form method=\"get\" action=\"/relations\" class=\"filters\">"
    form += HTML.field("from", "From", query("from"), placeholder: "YYYY-MM-DD")
    form += HTML.field("to", "To", query("to"), placeholder: "YYYY-MM-DD")
    form += HTML.modeField(query("mode"))
    form += HTML.field("code", "CAMEO", query("code"))
    form += "<button type=\"submit\">Draw</button></form>"
    let edges = table.rows.map { row in
      Charts.Edge(
        first: row[0].text ?? "", second: row[1].text ?? "", events: row[2].integer ?? 0,
        cooperation: row[3].integer ?? 0, conflict: row[4].integer ?? 0,
        goldstein: row[5].number ?? 0, balance: row[6].number)
    }
    var out = problem + form
    if edges.isEmpty {
      out += "<p class=\"none\">No events between countries match.</p>"
    } else {
      let link = { (edge: Charts.Edge) in
        "/dyad"
          + HTML.query([
            ("a", edge.first), ("b", edge.second), ("from", query("from")), ("to", query("to")),
            ("mode", query("mode")),
          ])
      }
      out += Charts.network(edges, link: link)
      out += Charts.legend()
      out += """
        <table class="sortable"><thead><tr><th>Countries</th><th data-type="number">Events</th>\
        <th data-type="number">Cooperation</th><th data-type="number">Conflict</th>\
        <th data-type="number">Mean Goldstein</th><th data-type="number">Balance</th></tr></thead><tbody>
        """
      for edge in edges {
        out += """
          <tr><td><a href="\(HTML.escape(link(edge)))">\(HTML.escape(edge.first)) – \(HTML.escape(edge.second))</a></td>\
          <td class="number">\(edge.events)</td><td class="number">\(edge.cooperation)</td>\
          <td class="number">\(edge.conflict)</td>\
          <td class="number">\(String(format: "%.2f", edge.goldstein))</td>\
          <td class="number">\(edge.balance.map { String(format: "%+.2f", $0) } ?? "")</td></tr>
          """
      }
      out += "</tbody></table>"
    }
    return Self.html(HTML.page(title: "Relations", active: "/relations", out))
  }

  // MARK: Dyad

  func dyad(_ request: Request) async throws -> Response {
    let query = API.parameters(request)
    var form = "<form method=\"get\" action=\"/dyad\" class=\"filters\">"
    form += HTML.field("a", "Actor", query("a"), placeholder: "RUS")
    form += HTML.field("b", "and actor", query("b"), placeholder: "PRK")
    let period = query("period") ?? "month"
    form +=
      "<label>Per <select name=\"period\">"
      + Period.allCases.map {
        "<option\($0.rawValue == period ? " selected" : "")>\($0.rawValue)</option>"
      }.joined() + "</select></label>"
    form += HTML.field("from", "From", query("from"), placeholder: "YYYY-MM-DD")
    form += HTML.field("to", "To", query("to"), placeholder: "YYYY-MM-DD")
    form += HTML.modeField(query("mode"))
    form += "<button type=\"submit\">Show</button></form>"
    guard let a = query("a"), let b = query("b") else {
      return Self.html(
        HTML.page(
          title: "Dyad", active: "/dyad",
          form
            + "<p class=\"hint\">Choose two actors: country codes such as RUS and PRK, or any code prefix.</p>"
        ))
    }
    let filter: EventFilter
    let chosen: Period
    do {
      filter = try API.filter(query)
      chosen = try API.period(period)
    } catch let error as APIError {
      return Self.html(
        HTML.page(
          title: "Dyad", active: "/dyad",
          form + "<p class=\"error\">\(HTML.escape(error.message))</p>"), status: .badRequest)
    }
    let store = state.store
    let (series, events) = try await state.query {
      let series = try store.dyads(a, b, period: chosen, filter: filter)
      var one = filter
      one.source = a
      one.target = b
      var other = filter
      other.source = b
      other.target = a
      let first = try store.events(one, limit: 500)
      let second = try store.events(other, limit: 500)
      let rows = (first.rows + second.rows).sorted { ($0[0].integer ?? 0) < ($1[0].integer ?? 0) }
      return (series, QueryTable(columns: first.columns, rows: rows))
    }
    var out = form
    let title = "\(a) and \(b)"
    if series.rows.isEmpty {
      out +=
        "<p class=\"none\">No events between \(HTML.escape(a)) and \(HTML.escape(b)) match.</p>"
    } else {
      let points = series.rows.map { row in
        Charts.Point(
          period: row[0].text ?? "", counts: (2...5).map { row[$0].integer ?? 0 },
          goldsteinMean: row[7].number ?? 0)
      }
      out += Charts.timeline(points)
      out += Charts.quadLegend()
    }
    out += "<h2>Their events <small>\(events.rows.count)</small></h2>"
    if !events.rows.isEmpty {
      out += Self.eventTable(events.columns, events.rows)
    }
    return Self.html(HTML.page(title: title, active: "/dyad", out))
  }

  // MARK: Map

  /// The most places the map draws: the ones with the most events.
  static let mapPlaces = 2000

  func map(_ request: Request) async throws -> Response {
    let query = API.parameters(request)
    let (filter, problem) = Self.filter(query)
    let store = state.store
    let table = try await state.query { try store.places(filter, limit: Self.mapPlaces) }
    var form = "<form method=\"get\" action=\"/map\" class=\"filters\">"
    form += HTML.field("actor", "Actor", query("actor"), placeholder: "RUS")
    form += HTML.field("source", "Source", query("source"))
    form += HTML.field("target", "Target", query("target"))
    form += HTML.field("country", "Country", query("country"), placeholder: "UKR")
    form += HTML.field("code", "CAMEO", query("code"), placeholder: "19")
    form += HTML.modeField(query("mode"))
    form += HTML.field("from", "From", query("from"), placeholder: "YYYY-MM-DD")
    form += HTML.field("to", "To", query("to"), placeholder: "YYYY-MM-DD")
    form += "<button type=\"submit\">Filter</button></form>"
    // The filters again, for the links from a place to its events.
    let kept = ["actor", "source", "target", "country", "code", "mode", "from", "to"].map {
      ($0, query($0))
    }
    func column(_ name: String) -> Int { table.columns.firstIndex(of: name) ?? 0 }
    var points: [WorldMap.Point] = []
    var rows = ""
    for row in table.rows {
      guard let lat = row[column("lat")].number, let lon = row[column("lon")].number else {
        continue
      }
      let name = row[column("location")].text ?? ""
      let country = row[column("locationCountry")].text ?? ""
      let count = row[column("events")].integer ?? 0
      let quads = [
        "verbalCooperation", "materialCooperation", "verbalConflict", "materialConflict",
      ]
      .map { row[column($0)].integer ?? 0 }
      let mean = row[column("goldsteinMean")].number ?? 0
      let point = String(format: "%.4f,%.4f", lat, lon)
      let link = "/events" + HTML.query(kept + [("near", point), ("km", "1")])
      points.append(
        WorldMap.Point(
          lat: lat, lon: lon,
          title:
            "\(name)\(country.isEmpty ? "" : ", \(country)"): \(count) event\(count == 1 ? "" : "s")",
          count: count, quadClass: WorldMap.dominantQuadClass(quads), link: link))
      rows += """
        <tr><td><a href="\(HTML.escape(link))">\(HTML.escape(name))</a></td>\
        <td>\(HTML.escape(country))</td><td class="number">\(count)</td>\
        \(quads.map { "<td class=\"number\">\($0)</td>" }.joined())\
        <td class="number">\(String(format: "%.2f", mean))</td>\
        <td>\(HTML.escape(row[column("firstDay")].text ?? ""))</td>\
        <td>\(HTML.escape(row[column("lastDay")].text ?? ""))</td></tr>
        """
    }
    var out = problem + form
    let total = points.reduce(0) { $0 + $1.count }
    out += "<div class=\"map-layout\"><figure class=\"map\">"
    out += WorldMap.svg(points, label: "\(points.count) places, \(total) located events")
    out +=
      "<figcaption>\(points.count) place\(points.count == 1 ? "" : "s"), \(total) located event\(total == 1 ? "" : "s")\(points.count == Self.mapPlaces ? " (the \(Self.mapPlaces) places with the most events)" : "")."
    out +=
      " A point's area grows with its events; its colour is their most frequent quad class.</figcaption>"
    out += Charts.quadLegend(goldstein: false) + "</figure>"
    if rows.isEmpty {
      out += "<p class=\"none\">No stored event with a place matches.</p>"
    } else {
      out += """
        <table class="sortable places-table"><thead><tr><th>Place</th><th>Country</th>\
        <th data-type="number">Events</th><th data-type="number">Verbal coop.</th>\
        <th data-type="number">Material coop.</th><th data-type="number">Verbal conflict</th>\
        <th data-type="number">Material conflict</th><th data-type="number">Goldstein</th>\
        <th>First</th><th>Last</th></tr></thead><tbody>\(rows)</tbody></table>
        """
    }
    out += "</div>"
    return Self.html(HTML.page(title: "Map", active: "/map", out))
  }

  // MARK: Assets

  static let assets = ["dashboard.css": "text/css", "dashboard.js": "text/javascript"]

  func asset(_ name: String) throws -> Response {
    guard let type = Self.assets[name],
      let url = Bundle.module.url(forResource: "Assets/\(name)", withExtension: nil),
      let data = try? Data(contentsOf: url)
    else { throw APIError(.notFound, "no asset \(name)") }
    return Response(
      status: .ok,
      headers: [
        .contentType: "\(type); charset=utf-8", .cacheControl: "public, max-age=3600",
        .xContentTypeOptions: "nosniff",
      ],
      body: .init(byteBuffer: ByteBuffer(bytes: data)))
  }
}
