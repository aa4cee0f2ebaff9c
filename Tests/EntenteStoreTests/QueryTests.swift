import EntenteCoding
import EntenteIO
import EntenteStore
import Foundation
import Testing

/// Synthetic coded documents with known events, and the answers computed here, in Swift,
/// without SQL, to check the store's queries against.
struct Synthetic {
  struct Kind {
    var code: String
    var quadClass: Int
    var goldstein: Double
    var plover: String
  }

  static let kinds = [
    Kind(code: "042", quadClass: 1, goldstein: 1.9, plover: "CONSULT"),
    Kind(code: "057", quadClass: 1, goldstein: 8.0, plover: "AGREE"),
    Kind(code: "070", quadClass: 2, goldstein: 7.0, plover: "AID"),
    Kind(code: "112", quadClass: 3, goldstein: -2.0, plover: "ACCUSE"),
    Kind(code: "190", quadClass: 4, goldstein: -10.0, plover: "ASSAULT"),
  ]
  static let actors = ["RUS", "RUSGOV", "PRK", "PRKMIL", "USA", "CHN", "UKR"]
  static let modes = ["asserted", "asserted", "asserted", "intended", "negated"]
  /// Places events happen at, in turn.
  ///
  /// `nil` is none; two places lie either side of the antimeridian.
  static let places: [Location?] = [
    Location(
      geonameId: 703_448, name: "Kyiv", country: "UKR", adm1: "12", lat: 50.4547, lon: 30.5238,
      kind: .city, confidence: 1),
    Location(
      geonameId: 706_483, name: "Kharkiv", country: "UKR", adm1: "07", lat: 49.9808,
      lon: 36.2527, kind: .city, confidence: 1),
    nil,
    Location(
      geonameId: 524_901, name: "Moscow", country: "RUS", adm1: "48", lat: 55.752, lon: 37.6178,
      kind: .city, confidence: 0.9),
    Location(
      geonameId: nil, name: "East of the line", country: "FJI", adm1: nil, lat: -17, lon: 179.9,
      kind: .region, confidence: 1),
    Location(
      geonameId: nil, name: "West of the line", country: nil, adm1: nil, lat: -17, lon: -179.9,
      kind: .region, confidence: 1),
    nil,
  ]

  /// One stored event as the test knows it.
  struct Known {
    var document: String
    var documentSource: String
    var day: String
    var source: String
    var target: String?
    var kind: Kind
    var mode: String
    var evidence: String
    var location: Location?
  }

  var documents: [CodedDocument] = []
  var known: [Known] = []

  init(count: Int) {
    var state: UInt64 = 42
    func next(_ bound: Int) -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int((state >> 33) % UInt64(bound))
    }
    for index in 0..<count {
      let date = String(format: "2024-%02d-%02d", 1 + next(6), 1 + next(28))
      let source = ["Wire A", "Wire B", "Wire C"][next(3)]
      let text = "Document \(index)."
      var events: [CodedDocument.CodedEvent] = []
      for item in 0..<(1 + next(4)) {
        let location = Self.places[(index + item) % Self.places.count]
        let kind = Self.kinds[next(Self.kinds.count)]
        let sourceCode = Self.actors[next(Self.actors.count)]
        var targetCode: String? = Self.actors[next(Self.actors.count)]
        if targetCode == sourceCode || next(6) == 0 { targetCode = nil }
        let mode = Self.modes[next(Self.modes.count)]
        let historical = next(8) == 0
        let evidence = "ev-\(index)-\(item)"
        let span = CodedDocument.Span(start: 0, end: 9, text: "Document ")
        events.append(
          .init(
            sentence: 0, code: EventCode(rawValue: kind.code), root: String(kind.code.prefix(2)),
            label: "label",
            plover: kind.plover, goldstein: kind.goldstein,
            quadClass: QuadClass(rawValue: kind.quadClass),
            source: .init(
              code: ActorCode(rawValue: sourceCode),
              country: CountryCode(rawValue: String(sourceCode.prefix(3))), span: span),
            target: targetCode.map {
              .init(
                code: ActorCode(rawValue: $0), country: CountryCode(rawValue: String($0.prefix(3))),
                span: span)
            }, mode: EventMode(rawValue: mode) ?? .asserted, date: historical ? "2000" : nil,
            dateText: historical ? "in 2000" : nil,
            evidence: .init(start: 0, end: 9, text: evidence), coder: "test"))
        events[events.count - 1].location = location
        events[events.count - 1].locationText = location?.name
        known.append(
          Known(
            document: "syn-\(index)", documentSource: source,
            day: historical ? "2000-01-01" : date, source: sourceCode, target: targetCode,
            kind: kind, mode: mode, evidence: evidence, location: location))
      }
      documents.append(
        CodedDocument(
          id: "syn-\(index)", date: date, title: "Title \(index)", url: "https://x/\(index)",
          source: source, text: text,
          sentences: [.init(span: .init(start: 0, end: text.count, text: text), dateline: false)],
          mentions: [], events: events))
    }
  }
}

@Suite("Event store queries")
struct QueryTests {
  static let synthetic = Synthetic(count: 120)

  /// A store of the synthetic documents on each kind of database.
  static let stores: [String: EventStore] = {
    var stores: [String: EventStore] = [:]
    for kind in TestStores.kinds {
      guard let location = try? TestStores.location(kind),
        let store = try? EventStore(location), let run = try? store.beginRun(provenance),
        (try? store.save(synthetic.documents, run: run)) != nil
      else { continue }
      stores[kind] = store
    }
    return stores
  }()

  static func store(_ kind: String) throws -> EventStore {
    try #require(stores[kind], "the \(kind) store could not be made")
  }

  func evidence(_ filter: EventFilter, _ kind: String) throws -> [String] {
    let store = try Self.store(kind)
    return try store.events(filter).column("evidence").compactMap(\.text).sorted()
  }

  func expected(_ keep: (Synthetic.Known) -> Bool) -> [String] {
    Self.synthetic.known.filter(keep).map(\.evidence).sorted()
  }

  @Test(
    "event filters: actor prefix, source, target, country, code, PLOVER, mode, dates, text",
    arguments: TestStores.kinds)
  func filters(kind: String) throws {
    var filter = EventFilter()
    #expect(try evidence(filter, kind) == expected { $0.mode == "asserted" })
    filter.modes = []
    #expect(try evidence(filter, kind).count == Self.synthetic.known.count)
    filter.actor = "RUS"
    #expect(
      try evidence(filter, kind)
        == expected { $0.source.hasPrefix("RUS") || ($0.target?.hasPrefix("RUS") ?? false) })
    filter = EventFilter()
    filter.source = "PRK"
    filter.target = "USA"
    filter.code = "1"
    #expect(
      try evidence(filter, kind)
        == expected {
          $0.mode == "asserted" && $0.source.hasPrefix("PRK") && $0.target == "USA"
            && $0.kind.code.hasPrefix("1")
        })
    filter = EventFilter()
    filter.country = "CHN"
    filter.plover = "agree"
    filter.modes = [.intended, .negated]
    #expect(
      try evidence(filter, kind)
        == expected {
          ($0.source == "CHN" || $0.target == "CHN") && $0.kind.plover == "AGREE"
            && $0.mode != "asserted"
        })
    filter = EventFilter()
    filter.from = "2024-03-01"
    filter.to = "2024-04-30"
    #expect(
      try evidence(filter, kind)
        == expected { $0.mode == "asserted" && $0.day >= "2024-03-01" && $0.day <= "2024-04-30" })
    // A year-only date covers the whole year.
    filter.from = "2000-06-01"
    filter.to = "2000-06-30"
    #expect(
      try evidence(filter, kind) == expected { $0.mode == "asserted" && $0.day == "2000-01-01" })
    filter = EventFilter()
    filter.text = "EV-7-"
    #expect(
      try evidence(filter, kind) == expected { $0.mode == "asserted" && $0.document == "syn-7" })
    let store = try Self.store(kind)
    let page = try store.events(EventFilter(), limit: 5)
    #expect(page.rows.count == 5)
    let last = try #require(page.column("id").last?.number)
    let next = try store.events(EventFilter(), limit: 5, after: Int64(last))
    #expect(next.column("id").compactMap(\.number).allSatisfy { $0 > last })
  }

  @Test(
    "one a day: events grouped by day, source, target and code with their counts",
    arguments: TestStores.kinds)
  func clusters(kind: String) throws {
    let store = try Self.store(kind)
    var filter = EventFilter()
    filter.modes = []
    let table = try store.clusters(filter)
    struct Key: Hashable {
      var day, source, target, code: String
    }
    var groups: [Key: [Synthetic.Known]] = [:]
    for event in Self.synthetic.known {
      groups[
        Key(
          day: event.day, source: event.source, target: event.target ?? "", code: event.kind.code),
        default: []
      ].append(event)
    }
    #expect(table.rows.count == groups.count)
    for row in table.rows {
      let cells = Dictionary(uniqueKeysWithValues: zip(table.columns, row))
      let key = Key(
        day: cells["day"]?.text ?? "", source: cells["source"]?.text ?? "",
        target: cells["target"]?.text ?? "", code: cells["code"]?.text ?? "")
      let members = try #require(groups[key])
      #expect(cells["mentions"]?.number == Double(members.count))
      #expect(cells["articles"]?.number == Double(Set(members.map(\.document)).count))
      #expect(cells["sources"]?.number == Double(Set(members.map(\.documentSource)).count))
    }
  }

  @Test(
    "dyads per month: quad class counts, Goldstein total and mean, balance",
    arguments: TestStores.kinds)
  func dyads(kind: String) throws {
    let store = try Self.store(kind)
    let table = try store.dyads("RUS", "PRK", period: .month, filter: EventFilter())
    let events = Self.synthetic.known.filter { event in
      guard event.mode == "asserted", let target = event.target else { return false }
      return (event.source.hasPrefix("RUS") && target.hasPrefix("PRK"))
        || (event.source.hasPrefix("PRK") && target.hasPrefix("RUS"))
    }
    let months = Dictionary(grouping: events) { String($0.day.prefix(7)) }
    #expect(table.column("period").compactMap(\.text) == months.keys.sorted())
    for row in table.rows {
      let cells = Dictionary(uniqueKeysWithValues: zip(table.columns, row))
      let members = try #require(months[cells["period"]?.text ?? ""])
      let quads = (1...4).map { quad in members.filter { $0.kind.quadClass == quad }.count }
      #expect(cells["events"]?.number == Double(members.count))
      #expect(cells["verbalCooperation"]?.number == Double(quads[0]))
      #expect(cells["materialConflict"]?.number == Double(quads[3]))
      let total = members.reduce(0) { $0 + $1.kind.goldstein }
      #expect(abs((cells["goldsteinTotal"]?.number ?? .nan) - total) < 1e-9)
      #expect(abs((cells["goldsteinMean"]?.number ?? .nan) - total / Double(members.count)) < 1e-9)
      let balance = Double(quads[0] + quads[1] - quads[2] - quads[3]) / Double(members.count)
      #expect(abs((cells["balance"]?.number ?? .nan) - balance) < 1e-9)
    }
  }

  @Test("weeks start on Monday; years and days group as written", arguments: TestStores.kinds)
  func periods(kind: String) throws {
    let store = try Self.store(kind)
    let weeks = try store.dyads("RUS", "PRK", period: .week, filter: EventFilter())
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.timeZone = TimeZone(identifier: "UTC")
    formatter.dateFormat = "yyyy-MM-dd"
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "UTC") ?? .current
    for week in weeks.column("period").compactMap(\.text) {
      let date = try #require(formatter.date(from: week))
      #expect(calendar.component(.weekday, from: date) == 2, "\(week) is not a Monday")
    }
    let years = try store.dyads("RUS", "PRK", period: .year, filter: EventFilter())
    #expect(years.column("period").allSatisfy { ($0.text?.count ?? 0) == 4 })
  }

  @Test(
    "events near a point: within the distance, either side of the antimeridian; --country takes the event's place",
    arguments: TestStores.kinds)
  func near(kind: String) throws {
    func within(_ lat: Double, _ lon: Double, _ km: Double) -> (Synthetic.Known) -> Bool {
      { known in
        known.mode == "asserted"
          && known.location.map { $0.kilometres(toLat: lat, lon: lon) <= km } ?? false
      }
    }
    for (lat, lon, km) in [
      (50.45, 30.52, 100.0), (50.45, 30.52, 500), (-17.0, 180, 50), (0, 0, 900),
    ] {
      var filter = EventFilter()
      filter.near = EventFilter.Near(lat: lat, lon: lon, kilometres: km)
      #expect(try evidence(filter, kind) == expected(within(lat, lon, km)), "\(lat),\(lon) \(km)")
    }
    var kyiv = EventFilter()
    kyiv.near = EventFilter.Near(lat: 50.45, lon: 30.52, kilometres: 100)
    #expect(!(try evidence(kyiv, kind)).isEmpty)
    var ukraine = EventFilter()
    ukraine.country = "UKR"
    #expect(
      try evidence(ukraine, kind)
        == expected {
          $0.mode == "asserted"
            && ($0.source.hasPrefix("UKR") || $0.target?.hasPrefix("UKR") == true
              || $0.location?.country == "UKR")
        })
    // A located event reads back with its place.
    let store = try Self.store(kind)
    let table = try store.events(kyiv, limit: 1)
    #expect(table.column("location").first?.text == "Kyiv")
    #expect(table.column("geonameId").first?.integer == 703_448)
    #expect(table.column("locationText").first?.text == "Kyiv")
    // Places: one row per place, most events first.
    let places = try store.places(EventFilter())
    let counts = places.column("events").compactMap(\.integer)
    #expect(counts == counts.sorted(by: >))
    #expect(
      counts.reduce(0, +)
        == Self.synthetic.known.filter { $0.mode == "asserted" && $0.location != nil }.count)
    #expect(Set(places.column("location").compactMap(\.text)).count == 5)
  }

  @Test("a point or distance that cannot be one is an error that says so")
  func badNear() {
    #expect(throws: StoreError.self) { try EventFilter.Near("50.4", kilometres: 10) }
    #expect(throws: StoreError.self) { try EventFilter.Near("95,30", kilometres: 10) }
    #expect(throws: StoreError.self) { try EventFilter.Near("50,30", kilometres: -1) }
    #expect((try? EventFilter.Near(" 50.45, 30.52 ", kilometres: 5))?.lat == 50.45)
  }

  @Test("the most active actors, by events as source or target", arguments: TestStores.kinds)
  func actors(kind: String) throws {
    let store = try Self.store(kind)
    let table = try store.actors(EventFilter(), period: nil, limit: 3)
    var counts: [String: Int] = [:]
    for event in Self.synthetic.known where event.mode == "asserted" {
      counts[event.source, default: 0] += 1
      if let target = event.target { counts[target, default: 0] += 1 }
    }
    let top = counts.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.prefix(3)
    #expect(table.column("actor").compactMap(\.text) == top.map(\.key))
    #expect(table.column("events").compactMap(\.number) == top.map { Double($0.value) })
    let monthly = try store.actors(EventFilter(), period: .month, limit: 2)
    let periods = Dictionary(grouping: monthly.column("period").compactMap(\.text)) { $0 }
    #expect(periods.values.allSatisfy { $0.count <= 2 })
  }

  @Test("documents, with their number of events", arguments: TestStores.kinds)
  func documents(kind: String) throws {
    let store = try Self.store(kind)
    let table = try store.documents(from: "2024-02-01", to: "2024-02-28", text: nil, limit: nil)
    let expected = Self.synthetic.documents.filter {
      ($0.date ?? "") >= "2024-02-01" && ($0.date ?? "") <= "2024-02-28"
    }
    #expect(Set(table.column("id").compactMap(\.text)) == Set(expected.map(\.id)))
    for (id, count) in zip(table.column("id"), table.column("events")) {
      let document = try #require(expected.first { $0.id == id.text })
      #expect(count.number == Double(document.events.count))
    }
  }

  @Test("output formats: aligned table, CSV with quotes, TSV, JSON Lines")
  func formats() throws {
    let table = QueryTable(
      columns: ["a", "b"], rows: [[.text("x, \"y\""), .int(3)], [.null, .real(0.5)]])
    #expect(TableFormat.csv.render(table) == "a,b\r\n\"x, \"\"y\"\"\",3\r\n,0.5\r\n")
    #expect(TableFormat.tsv.render(table) == "a\tb\nx, \"y\"\t3\n\t0.5\n")
    #expect(
      TableFormat.table.render(table)
        == "a" + String(repeating: " ", count: 7) + "b\nx, \"y\"  3\n"
        + String(repeating: " ", count: 8) + "0.5\n")
    let lines = TableFormat.jsonl.render(table).split(separator: "\n")
    let first = try #require(
      JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any])
    #expect(first["a"] as? String == "x, \"y\"" && first["b"] as? Int == 3)
  }
}
