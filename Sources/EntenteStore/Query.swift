public import EntenteCoding
import Foundation

/// One cell of a query result.
public enum Cell: Sendable, Equatable, CustomStringConvertible {
  case text(String)
  case int(Int)
  case real(Double)
  case null

  public var description: String {
    switch self {
    case .text(let value): value
    case .int(let value): String(value)
    case .real(let value): String(format: "%.4g", value)
    case .null: ""
    }
  }

  /// The text of a text cell.
  public var text: String? {
    if case .text(let value) = self { return value }
    return nil
  }

  /// The integer of an integer cell (or of a whole real).
  public var integer: Int? {
    switch self {
    case .int(let value): value
    case .real(let value): value.rounded() == value ? Int(value) : nil
    default: nil
    }
  }

  /// The number of a numeric cell.
  public var number: Double? {
    switch self {
    case .int(let value): Double(value)
    case .real(let value): value
    default: nil
    }
  }
}

/// A query result: named columns and rows of cells.
public struct QueryTable: Sendable, Equatable {
  /// The column names.
  public var columns: [String]
  /// The rows, one cell per column.
  public var rows: [[Cell]]

  /// Creates a table.
  public init(columns: [String], rows: [[Cell]]) {
    self.columns = columns
    self.rows = rows
  }

  /// The cells of a column.
  public func column(_ name: String) -> [Cell] {
    guard let index = columns.firstIndex(of: name) else { return [] }
    return rows.map { $0[index] }
  }
}

/// Which events a query takes.
public struct EventFilter: Sendable, Equatable {
  /// An actor code prefix, as source or target (`RUS` matches `RUSGOV`).
  public var actor: String?
  /// A source code prefix.
  public var source: String?
  /// A target code prefix.
  public var target: String?
  /// A country (ISO alpha-3) of the source or target.
  public var country: String?
  /// A CAMEO code prefix: a root (`05`) or a code (`057`).
  public var code: String?
  /// A PLOVER event type.
  public var plover: String?
  /// The modes taken, all of them when empty; asserted events only by default.
  public var modes: [EventMode] = [.asserted]
  /// The first day (`YYYY-MM-DD`): events that end before it are left out.
  public var from: String?
  /// The last day: events that begin after it are left out.
  public var to: String?
  /// Words the evidence or the document's title must contain (case-insensitive).
  public var text: String?
  /// Only the events of this document.
  public var document: String?
  /// Only events located within a distance of a point.
  public var near: Near?

  /// A point and a distance: events whose location lies within `kilometres` of it.
  ///
  /// The distance is measured in SQL on the equirectangular projection at the point's
  /// latitude (no trigonometry in the query, so SQLite and PostgreSQL agree): within 0.5%
  /// of the great-circle distance up to 500 km, and never shorter than it by more than 3% up
  /// to 2,000 km away from the poles. See docs/places.md.
  public struct Near: Sendable, Equatable {
    /// Latitude in degrees, -90 to 90.
    public var lat: Double
    /// Longitude in degrees, -180 to 180.
    public var lon: Double
    /// The radius in kilometres.
    public var kilometres: Double

    /// Creates a circle.
    public init(lat: Double, lon: Double, kilometres: Double) {
      self.lat = lat
      self.lon = lon
      self.kilometres = kilometres
    }

    /// Parses `LAT,LON` (`50.45,30.52`) and a radius.
    ///
    /// - Throws: ``StoreError`` naming what is wrong.
    public init(_ point: String, kilometres: Double) throws(StoreError) {
      let parts = point.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
      guard parts.count == 2, let lat = Double(parts[0]), let lon = Double(parts[1]),
        (-90...90).contains(lat), (-180...180).contains(lon)
      else {
        throw StoreError(
          "\(point) is not a point: write LAT,LON in degrees, such as 50.45,30.52")
      }
      guard kilometres > 0, kilometres.isFinite else {
        throw StoreError("the distance must be a positive number of kilometres")
      }
      self.init(lat: lat, lon: lon, kilometres: kilometres)
    }

    /// Kilometres per degree of latitude (mean Earth radius 6,371.0088 km).
    static let kilometresPerDegree = 111.19508

    /// The SQL condition on `e.location_lat` and `e.location_lon`.
    func condition() -> (sql: String, arguments: [SQLValue]) {
      let degrees = kilometres / Self.kilometresPerDegree
      let scale = max(cos(lat * .pi / 180), 0.01)
      // The latitude band first (indexed), then the distance on the plane; a longitude
      // difference is taken the short way round the antimeridian.
      let sql = """
        (e.location_lat BETWEEN ? AND ? AND
          ((e.location_lat - ?) * (e.location_lat - ?)
            + (? * (CASE WHEN ABS(e.location_lon - ?) > 180 THEN 360 - ABS(e.location_lon - ?)
              ELSE ABS(e.location_lon - ?) END))
            * (? * (CASE WHEN ABS(e.location_lon - ?) > 180 THEN 360 - ABS(e.location_lon - ?)
              ELSE ABS(e.location_lon - ?) END)) <= ?))
        """
      let arguments: [SQLValue] = [
        .real(lat - degrees), .real(lat + degrees), .real(lat), .real(lat), .real(scale),
        .real(lon), .real(lon), .real(lon), .real(scale), .real(lon), .real(lon), .real(lon),
        .real(degrees * degrees),
      ]
      return (sql, arguments)
    }
  }

  /// Creates a filter of asserted events.
  public init() {}

  /// `value` in a LIKE pattern with `ESCAPE '\'`, its `%`, `_` and `\` taken literally.
  static func literal(_ value: String) -> String {
    value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%")
      .replacingOccurrences(of: "_", with: "\\_")
  }

  /// The SQL condition and its arguments, over `events e` joined with `documents d`.
  func condition() -> (sql: String, arguments: [SQLValue]) {
    var clauses: [String] = []
    var arguments: [SQLValue] = []
    func prefix(_ value: String) -> String { Self.literal(value) + "%" }
    if let actor {
      clauses.append("(e.source_code LIKE ? ESCAPE '\\' OR e.target_code LIKE ? ESCAPE '\\')")
      arguments += [.text(prefix(actor)), .text(prefix(actor))]
    }
    if let source {
      clauses.append("e.source_code LIKE ? ESCAPE '\\'")
      arguments.append(.text(prefix(source)))
    }
    if let target {
      clauses.append("e.target_code LIKE ? ESCAPE '\\'")
      arguments.append(.text(prefix(target)))
    }
    if let country {
      clauses.append(
        "(e.source_country = ? OR e.target_country = ? OR e.location_country = ?)")
      arguments += [.text(country), .text(country), .text(country)]
    }
    if let code {
      clauses.append("e.code LIKE ? ESCAPE '\\'")
      arguments.append(.text(prefix(code)))
    }
    if let plover {
      clauses.append("e.plover = ?")
      arguments.append(.text(plover.uppercased()))
    }
    if !modes.isEmpty {
      clauses.append(
        "e.mode IN (\(Array(repeating: "?", count: modes.count).joined(separator: ",")))")
      arguments += modes.map(\.sqlValue)
    }
    if let from {
      clauses.append("e.day_last >= ?")
      arguments.append(.text(from))
    }
    if let to {
      clauses.append("e.day_first <= ?")
      arguments.append(.text(to))
    }
    if let text {
      clauses.append(
        "(LOWER(e.evidence_text) LIKE ? ESCAPE '\\' OR LOWER(d.title) LIKE ? ESCAPE '\\')")
      let pattern = "%" + prefix(text.lowercased())
      arguments += [.text(pattern), .text(pattern)]
    }
    if let document {
      clauses.append("e.document_id = ?")
      arguments.append(.text(document))
    }
    if let near {
      let (sql, values) = near.condition()
      clauses.append(sql)
      arguments += values
    }
    return (clauses.isEmpty ? "TRUE" : clauses.joined(separator: " AND "), arguments)
  }
}

/// The periods aggregations are made over.
public enum Period: String, Sendable, CaseIterable {
  case day, week, month, year

  /// The SQL expression of the period of an event's first day: the day, the Monday of its
  /// week, `YYYY-MM` or `YYYY`.
  func sql(_ dialect: SQLDialect) -> String {
    switch self {
    case .day: "e.day_first"
    case .week: dialect.weekStart("e.day_first")
    case .month: "substr(e.day_first, 1, 7)"
    case .year: "substr(e.day_first, 1, 4)"
    }
  }
}

extension EventStore {
  /// The columns of ``events(_:limit:after:)``, in order.
  public static let eventColumns = [
    "id", "document", "documentDate", "documentSource", "url", "sentence", "date", "dateText",
    "source", "sourceCountry", "sourceText", "target", "targetCountry", "targetText", "code",
    "root",
    "label", "plover", "goldstein", "quadClass", "mode", "evidence", "coder", "location",
    "locationCountry", "locationAdm1", "lat", "lon", "geonameId", "locationKind", "locationText",
  ]

  /// Events matching `filter`, in id order (the order they were stored).
  ///
  /// - Parameters:
  ///   - limit: At most this many.
  ///   - after: Only events with a greater id (a cursor for paging).
  public func events(_ filter: EventFilter, limit: Int? = nil, after: Int64? = nil)
    throws(StoreError) -> QueryTable
  {
    try table(Self.eventsSQL(filter, limit: limit, after: after), columns: Self.eventColumns)
  }

  static func eventsSQL(_ filter: EventFilter, limit: Int?, after: Int64?) -> SQLStatement {
    var (condition, arguments) = filter.condition()
    if let after {
      condition += " AND e.id > ?"
      arguments.append(.int(Int(after)))
    }
    var sql = """
      SELECT e.id, e.document_id, d.date, d.source, d.url, e.sentence, e.date, e.date_text,
        e.source_code, e.source_country, e.source_text, e.target_code, e.target_country,
        e.target_text, e.code, e.root, e.label, e.plover, e.goldstein, e.quad_class, e.mode,
        e.evidence_text, e.coder, e.location_name, e.location_country, e.location_adm1,
        e.location_lat, e.location_lon, e.location_id, e.location_kind, e.location_text
      FROM events e JOIN documents d ON d.id = e.document_id
      WHERE \(condition) ORDER BY e.id
      """
    if let limit {
      sql += " LIMIT ?"
      arguments.append(.int(limit))
    }
    return SQLStatement(sql, arguments)
  }

  /// The columns of ``clusters(_:)``.
  public static let clusterColumns = [
    "day", "source", "target", "code", "root", "quadClass", "goldstein", "plover", "mentions",
    "sources", "articles", "firstEvent", "url", "sourceText", "targetText", "sourceCountry",
    "targetCountry", "sentence", "documentSource", "location", "locationCountry", "locationAdm1",
    "lat", "lon", "geonameId", "locationKind",
  ]

  /// Events grouped by day, source, target and code.
  ///
  /// This is PETRARCH and Phoenix's one-a-day rule, and the same event told by several
  /// articles counted once, with the number of events (mentions), of distinct document
  /// sources and of documents, as GDELT's NumMentions, NumSources and NumArticles. Ordered by
  /// day, source, target and code.
  public func clusters(_ filter: EventFilter) throws(StoreError) -> QueryTable {
    try table(Self.clustersSQL(filter), columns: Self.clusterColumns)
  }

  static func clustersSQL(_ filter: EventFilter) -> SQLStatement {
    let (condition, arguments) = filter.condition()
    let sql = """
      WITH clusters AS (
        SELECT e.day_first AS day, e.source_code AS source, COALESCE(e.target_code, '') AS target,
          e.code AS code, MIN(e.root) AS root, MIN(e.quad_class) AS quad_class,
          MIN(e.goldstein) AS goldstein, MIN(e.plover) AS plover, COUNT(*) AS mentions,
          COUNT(DISTINCT COALESCE(d.source, '')) AS sources,
          COUNT(DISTINCT e.document_id) AS articles, MIN(e.id) AS first_event
        FROM events e JOIN documents d ON d.id = e.document_id
        WHERE \(condition) AND e.day_first IS NOT NULL
        GROUP BY e.day_first, e.source_code, COALESCE(e.target_code, ''), e.code
      )
      SELECT c.*, d.url, e.source_text, e.target_text, e.source_country, e.target_country,
        e.sentence, d.source, e.location_name, e.location_country, e.location_adm1,
        e.location_lat, e.location_lon, e.location_id, e.location_kind
      FROM clusters c JOIN events e ON e.id = c.first_event JOIN documents d ON d.id = e.document_id
      ORDER BY c.day, c.source, c.target, c.code
      """
    return SQLStatement(sql, arguments, orderColumns: 4)
  }

  /// The columns of ``dyads(_:_:period:filter:)``.
  public static let dyadColumns = [
    "period", "events", "verbalCooperation", "materialCooperation", "verbalConflict",
    "materialConflict", "goldsteinTotal", "goldsteinMean", "balance",
  ]

  /// Events between two actors (either way), per period: counts by quad class, total and
  /// mean Goldstein score, and the balance of cooperation over conflict, (cooperation −
  /// conflict) / events with a quad class, from −1 to 1.
  public func dyads(_ first: String, _ second: String, period: Period, filter: EventFilter)
    throws(StoreError) -> QueryTable
  {
    var both = filter
    both.actor = nil
    both.source = nil
    both.target = nil
    var (condition, arguments) = both.condition()
    condition +=
      " AND ((e.source_code LIKE ? ESCAPE '\\' AND e.target_code LIKE ? ESCAPE '\\')"
      + " OR (e.source_code LIKE ? ESCAPE '\\' AND e.target_code LIKE ? ESCAPE '\\'))"
    // (`%` and `_` in a code are themselves, not any codes.)
    let (a, b) = (EventFilter.literal(first) + "%", EventFilter.literal(second) + "%")
    arguments += [a, b, b, a].map(\.sqlValue)
    func count(_ test: String) -> String { "SUM(CASE WHEN \(test) THEN 1 ELSE 0 END)" }
    let classified = count("e.quad_class IS NOT NULL")
    let sql = """
      SELECT \(period.sql(backend.dialect)) AS period, COUNT(*),
        \(count("e.quad_class = 1")), \(count("e.quad_class = 2")),
        \(count("e.quad_class = 3")), \(count("e.quad_class = 4")),
        CAST(SUM(e.goldstein) AS DOUBLE PRECISION), CAST(AVG(e.goldstein) AS DOUBLE PRECISION),
        CASE WHEN \(classified) = 0 THEN NULL ELSE
          CAST(\(count("e.quad_class IN (1, 2)")) - \(count("e.quad_class IN (3, 4)"))
            AS DOUBLE PRECISION) / \(classified) END
      FROM events e JOIN documents d ON d.id = e.document_id
      WHERE \(condition) AND e.day_first IS NOT NULL
      GROUP BY 1 ORDER BY 1
      """
    return try table(SQLStatement(sql, arguments), columns: Self.dyadColumns)
  }

  /// The columns of ``network(_:limit:)``.
  public static let networkColumns = [
    "first", "second", "events", "cooperation", "conflict", "goldsteinMean", "balance",
  ]

  /// Events between countries, either way: one row per pair of countries (the first before
  /// the second in code order) with their events, cooperative (quad classes 1 and 2) and
  /// conflictual (3 and 4) events, mean Goldstein score and balance, most events first.
  ///
  /// Events within one country are left out.
  public func network(_ filter: EventFilter, limit: Int) throws(StoreError) -> QueryTable {
    let (condition, arguments) = filter.condition()
    func count(_ test: String) -> String { "SUM(CASE WHEN \(test) THEN 1 ELSE 0 END)" }
    let cooperation = count("e.quad_class IN (1, 2)")
    let conflict = count("e.quad_class IN (3, 4)")
    let sql = """
      SELECT
        CASE WHEN e.source_country < e.target_country THEN e.source_country
          ELSE e.target_country END,
        CASE WHEN e.source_country < e.target_country THEN e.target_country
          ELSE e.source_country END,
        COUNT(*), \(cooperation), \(conflict), CAST(AVG(e.goldstein) AS DOUBLE PRECISION),
        CASE WHEN \(cooperation) + \(conflict) = 0 THEN NULL ELSE
          CAST(\(cooperation) - \(conflict) AS DOUBLE PRECISION) / (\(cooperation) + \(conflict)) END
      FROM events e JOIN documents d ON d.id = e.document_id
      WHERE \(condition) AND e.source_country IS NOT NULL AND e.target_country IS NOT NULL
        AND e.source_country <> e.target_country
      GROUP BY 1, 2 ORDER BY 3 DESC, 1, 2 LIMIT ?
      """
    return try table(
      SQLStatement(sql, arguments + [.int(limit)]), columns: Self.networkColumns)
  }

  /// The columns of ``actors(_:period:limit:)``.
  public static let actorColumns = [
    "period", "actor", "events", "asSource", "asTarget", "goldsteinMean",
  ]

  /// The most active actors (as source or target), by period or over everything, most
  /// events first.
  public func actors(_ filter: EventFilter, period: Period?, limit: Int) throws(StoreError)
    -> QueryTable
  {
    let (condition, arguments) = filter.condition()
    let periodSQL = period?.sql(backend.dialect) ?? "CAST('' AS TEXT)"
    let sql = """
      WITH roles AS (
        SELECT \(periodSQL) AS period, e.source_code AS actor, 1 AS source, 0 AS target,
          e.goldstein AS goldstein
        FROM events e JOIN documents d ON d.id = e.document_id WHERE \(condition)
        UNION ALL
        SELECT \(periodSQL), e.target_code, 0, 1, e.goldstein
        FROM events e JOIN documents d ON d.id = e.document_id
        WHERE \(condition) AND e.target_code IS NOT NULL
      ), ranked AS (
        SELECT period, actor, COUNT(*) AS events, SUM(source) AS as_source,
          SUM(target) AS as_target, CAST(AVG(goldstein) AS DOUBLE PRECISION) AS mean,
          ROW_NUMBER() OVER (PARTITION BY period ORDER BY COUNT(*) DESC, actor) AS rank
        FROM roles GROUP BY period, actor
      )
      SELECT period, actor, events, as_source, as_target, mean FROM ranked
      WHERE rank <= ? ORDER BY period, rank
      """
    return try table(
      SQLStatement(sql, arguments + arguments + [.int(limit)]), columns: Self.actorColumns)
  }

  /// The columns of ``documents(from:to:text:limit:)``.
  public static let documentColumns = [
    "id", "date", "source", "title", "url", "events", "codedAt",
  ]

  /// Stored documents, by date then id, with their number of events.
  public func documents(from: String?, to: String?, text: String?, limit: Int?)
    throws(StoreError) -> QueryTable
  {
    var clauses: [String] = []
    var arguments: [SQLValue] = []
    if let from {
      clauses.append("d.date >= ?")
      arguments.append(.text(from))
    }
    if let to {
      clauses.append("substr(d.date, 1, 10) <= ?")
      arguments.append(.text(to))
    }
    if let text {
      clauses.append("(LOWER(d.title) LIKE ? ESCAPE '\\' OR LOWER(d.text) LIKE ? ESCAPE '\\')")
      let words = "%" + EventFilter.literal(text.lowercased()) + "%"
      arguments += [.text(words), .text(words)]
    }
    var sql = """
      SELECT d.id, d.date, d.source, d.title, d.url,
        (SELECT COUNT(*) FROM events e WHERE e.document_id = d.id), d.coded_at
      FROM documents d WHERE \(clauses.isEmpty ? "TRUE" : clauses.joined(separator: " AND "))
      ORDER BY d.date, d.id
      """
    if let limit {
      sql += " LIMIT ?"
      arguments.append(.int(limit))
    }
    return try table(SQLStatement(sql, arguments), columns: Self.documentColumns)
  }

  func table(_ statement: SQLStatement, columns: [String]) throws(StoreError) -> QueryTable {
    QueryTable(columns: columns, rows: try backend.rows(statement, columns: columns.count))
  }
}

extension EventStore {
  /// The columns of ``places(_:limit:)``.
  public static let placeColumns = [
    "location", "locationCountry", "locationAdm1", "lat", "lon", "geonameId", "locationKind",
    "events", "verbalCooperation", "materialCooperation", "verbalConflict", "materialConflict",
    "goldsteinMean", "firstDay", "lastDay",
  ]

  /// Events matching `filter` grouped by where they happened.
  ///
  /// One row per place, with the number of events, their counts by quad class and mean Goldstein score, and the first and
  /// last day; most events first. Events with no location are left out.
  ///
  /// - Parameter limit: At most this many places.
  public func places(_ filter: EventFilter, limit: Int? = nil) throws(StoreError) -> QueryTable {
    let (condition, filterArguments) = filter.condition()
    var arguments = filterArguments
    var sql = """
      SELECT e.location_name, e.location_country, MIN(e.location_adm1), e.location_lat,
        e.location_lon, e.location_id, e.location_kind, COUNT(*),
        SUM(CASE WHEN e.quad_class = 1 THEN 1 ELSE 0 END),
        SUM(CASE WHEN e.quad_class = 2 THEN 1 ELSE 0 END),
        SUM(CASE WHEN e.quad_class = 3 THEN 1 ELSE 0 END),
        SUM(CASE WHEN e.quad_class = 4 THEN 1 ELSE 0 END),
        AVG(e.goldstein), MIN(e.day_first), MAX(e.day_last)
      FROM events e JOIN documents d ON d.id = e.document_id
      WHERE \(condition) AND e.location_lat IS NOT NULL
      GROUP BY e.location_name, e.location_country, e.location_lat, e.location_lon,
        e.location_id, e.location_kind
      ORDER BY COUNT(*) DESC, e.location_name
      """
    if let limit {
      sql += " LIMIT ?"
      arguments.append(.int(limit))
    }
    return try table(SQLStatement(sql, arguments), columns: Self.placeColumns)
  }
}
