import Foundation
import GRDB

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

  init(_ value: DatabaseValue) {
    switch value.storage {
    case .null: self = .null
    case .int64(let value): self = .int(Int(value))
    case .double(let value): self = .real(value)
    case .string(let value): self = .text(value)
    case .blob: self = .null
    }
  }

  /// The text of a text cell.
  public var text: String? {
    if case .text(let value) = self { return value }
    return nil
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
  public var modes: [String] = ["asserted"]
  /// The first day (`YYYY-MM-DD`): events that end before it are left out.
  public var from: String?
  /// The last day: events that begin after it are left out.
  public var to: String?
  /// Words the evidence or the document's title must contain (case-insensitive).
  public var text: String?
  /// Only the events of this document.
  public var document: String?

  /// Creates a filter of asserted events.
  public init() {}

  /// The SQL condition and its arguments, over `events e` joined with `documents d`.
  func condition() -> (sql: String, arguments: [any DatabaseValueConvertible]) {
    var clauses: [String] = []
    var arguments: [any DatabaseValueConvertible] = []
    func prefix(_ value: String) -> String {
      value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%")
        .replacingOccurrences(of: "_", with: "\\_") + "%"
    }
    if let actor {
      clauses.append("(e.source_code LIKE ? ESCAPE '\\' OR e.target_code LIKE ? ESCAPE '\\')")
      arguments += [prefix(actor), prefix(actor)]
    }
    if let source {
      clauses.append("e.source_code LIKE ? ESCAPE '\\'")
      arguments.append(prefix(source))
    }
    if let target {
      clauses.append("e.target_code LIKE ? ESCAPE '\\'")
      arguments.append(prefix(target))
    }
    if let country {
      clauses.append("(e.source_country = ? OR e.target_country = ?)")
      arguments += [country, country]
    }
    if let code {
      clauses.append("e.code LIKE ? ESCAPE '\\'")
      arguments.append(prefix(code))
    }
    if let plover {
      clauses.append("e.plover = ?")
      arguments.append(plover.uppercased())
    }
    if !modes.isEmpty {
      clauses.append(
        "e.mode IN (\(Array(repeating: "?", count: modes.count).joined(separator: ",")))")
      arguments += modes
    }
    if let from {
      clauses.append("e.day_last >= ?")
      arguments.append(from)
    }
    if let to {
      clauses.append("e.day_first <= ?")
      arguments.append(to)
    }
    if let text {
      clauses.append("(e.evidence_text LIKE ? ESCAPE '\\' OR d.title LIKE ? ESCAPE '\\')")
      let pattern = "%" + prefix(text)
      arguments += [pattern, pattern]
    }
    if let document {
      clauses.append("e.document_id = ?")
      arguments.append(document)
    }
    return (clauses.isEmpty ? "1" : clauses.joined(separator: " AND "), arguments)
  }
}

/// The periods aggregations are made over.
public enum Period: String, Sendable, CaseIterable {
  case day, week, month, year

  /// The SQL expression of the period of an event's first day: the day, the Monday of its
  /// week, `YYYY-MM` or `YYYY`.
  var sql: String {
    switch self {
    case .day: "e.day_first"
    case .week: "date(e.day_first, '-6 days', 'weekday 1')"
    case .month: "substr(e.day_first, 1, 7)"
    case .year: "substr(e.day_first, 1, 4)"
    }
  }
}

extension SQLiteEventStore {
  /// The columns of ``events(_:limit:after:)``, in order.
  public static let eventColumns = [
    "id", "document", "documentDate", "documentSource", "url", "sentence", "date", "dateText",
    "source", "sourceCountry", "sourceText", "target", "targetCountry", "targetText", "code",
    "root",
    "label", "plover", "goldstein", "quadClass", "mode", "evidence", "coder",
  ]

  /// Events matching `filter`, in id order (the order they were stored).
  ///
  /// - Parameters:
  ///   - limit: At most this many.
  ///   - after: Only events with a greater id (a cursor for paging).
  public func events(_ filter: EventFilter, limit: Int? = nil, after: Int64? = nil)
    throws(StoreError) -> QueryTable
  {
    let (sql, arguments) = Self.eventsSQL(filter, limit: limit, after: after)
    return try table(sql: sql, arguments: arguments, columns: Self.eventColumns)
  }

  static func eventsSQL(_ filter: EventFilter, limit: Int?, after: Int64?) -> (
    String, [any DatabaseValueConvertible]
  ) {
    var (condition, arguments) = filter.condition()
    if let after {
      condition += " AND e.id > ?"
      arguments.append(after)
    }
    var sql = """
      SELECT e.id, e.document_id, d.date, d.source, d.url, e.sentence, e.date, e.date_text,
        e.source_code, e.source_country, e.source_text, e.target_code, e.target_country,
        e.target_text, e.code, e.root, e.label, e.plover, e.goldstein, e.quad_class, e.mode,
        e.evidence_text, e.coder
      FROM events e JOIN documents d ON d.id = e.document_id
      WHERE \(condition) ORDER BY e.id
      """
    if let limit {
      sql += " LIMIT ?"
      arguments.append(limit)
    }
    return (sql, arguments)
  }

  /// The columns of ``clusters(_:)``.
  public static let clusterColumns = [
    "day", "source", "target", "code", "root", "quadClass", "goldstein", "plover", "mentions",
    "sources", "articles", "firstEvent", "url", "sourceText", "targetText", "sourceCountry",
    "targetCountry", "sentence", "documentSource",
  ]

  /// Events grouped by day, source, target and code.
  ///
  /// This is PETRARCH and Phoenix's one-a-day rule, and the same event told by several
  /// articles counted once, with the number of events (mentions), of distinct document
  /// sources and of documents, as GDELT's NumMentions, NumSources and NumArticles. Ordered by
  /// day, source, target and code.
  public func clusters(_ filter: EventFilter) throws(StoreError) -> QueryTable {
    let (sql, arguments) = Self.clustersSQL(filter)
    return try table(sql: sql, arguments: arguments, columns: Self.clusterColumns)
  }

  static func clustersSQL(_ filter: EventFilter) -> (String, [any DatabaseValueConvertible]) {
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
        e.sentence, d.source
      FROM clusters c JOIN events e ON e.id = c.first_event JOIN documents d ON d.id = e.document_id
      ORDER BY c.day, c.source, c.target, c.code
      """
    return (sql, arguments)
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
      " AND ((e.source_code LIKE ? AND e.target_code LIKE ?) OR (e.source_code LIKE ? AND e.target_code LIKE ?))"
    arguments += [first + "%", second + "%", second + "%", first + "%"]
    let sql = """
      SELECT \(period.sql) AS period, COUNT(*),
        SUM(e.quad_class = 1), SUM(e.quad_class = 2), SUM(e.quad_class = 3),
        SUM(e.quad_class = 4), SUM(e.goldstein), AVG(e.goldstein),
        CASE WHEN SUM(e.quad_class IS NOT NULL) = 0 THEN NULL ELSE
          (SUM(e.quad_class IN (1, 2)) - SUM(e.quad_class IN (3, 4))) * 1.0
            / SUM(e.quad_class IS NOT NULL) END
      FROM events e JOIN documents d ON d.id = e.document_id
      WHERE \(condition) AND e.day_first IS NOT NULL
      GROUP BY period ORDER BY period
      """
    return try table(sql: sql, arguments: arguments, columns: Self.dyadColumns)
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
    let periodSQL = period?.sql ?? "''"
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
          SUM(target) AS as_target, AVG(goldstein) AS mean,
          ROW_NUMBER() OVER (PARTITION BY period ORDER BY COUNT(*) DESC, actor) AS rank
        FROM roles GROUP BY period, actor
      )
      SELECT period, actor, events, as_source, as_target, mean FROM ranked
      WHERE rank <= ? ORDER BY period, rank
      """
    return try table(
      sql: sql, arguments: arguments + arguments + [limit], columns: Self.actorColumns)
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
    var arguments: [any DatabaseValueConvertible] = []
    if let from {
      clauses.append("d.date >= ?")
      arguments.append(from)
    }
    if let to {
      clauses.append("substr(d.date, 1, 10) <= ?")
      arguments.append(to)
    }
    if let text {
      clauses.append("(d.title LIKE ? OR d.text LIKE ?)")
      arguments += ["%\(text)%", "%\(text)%"]
    }
    var sql = """
      SELECT d.id, d.date, d.source, d.title, d.url,
        (SELECT COUNT(*) FROM events e WHERE e.document_id = d.id), d.coded_at
      FROM documents d WHERE \(clauses.isEmpty ? "1" : clauses.joined(separator: " AND "))
      ORDER BY d.date, d.id
      """
    if let limit {
      sql += " LIMIT ?"
      arguments.append(limit)
    }
    return try table(sql: sql, arguments: arguments, columns: Self.documentColumns)
  }

  /// Calls `body` with each row of a query, reading them one at a time.
  func eachRow(
    sql: String, arguments: [any DatabaseValueConvertible], columns: Int,
    _ body: ([Cell]) throws -> Void
  ) throws(StoreError) {
    try read { db in
      let rows = try Row.fetchCursor(db, sql: sql, arguments: StatementArguments(arguments))
      while let row = try rows.next() {
        try body((0..<columns).map { Cell(row[$0] as DatabaseValue) })
      }
    }
  }

  func table(sql: String, arguments: [any DatabaseValueConvertible], columns: [String])
    throws(StoreError) -> QueryTable
  {
    try read { db in
      let rows = try Row.fetchAll(db, sql: sql, arguments: StatementArguments(arguments))
      return QueryTable(
        columns: columns,
        rows: rows.map { row in (0..<columns.count).map { Cell(row[$0] as DatabaseValue) } })
    }
  }
}
