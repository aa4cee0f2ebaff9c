import EntenteCoding
import Foundation

/// A value bound to a statement parameter.
public enum SQLValue: Sendable, Equatable {
  case text(String)
  case int(Int)
  case real(Double)
  case bool(Bool)
  case null
}

/// Values that bind to statement parameters.
protocol SQLBindable {
  var sqlValue: SQLValue { get }
}

extension String: SQLBindable {
  var sqlValue: SQLValue { .text(self) }
}

extension Int: SQLBindable {
  var sqlValue: SQLValue { .int(self) }
}

extension Int64: SQLBindable {
  var sqlValue: SQLValue { .int(Int(self)) }
}

extension Double: SQLBindable {
  var sqlValue: SQLValue { .real(self) }
}

extension Bool: SQLBindable {
  var sqlValue: SQLValue { .bool(self) }
}

extension Optional: SQLBindable where Wrapped: SQLBindable {
  var sqlValue: SQLValue { self?.sqlValue ?? .null }
}

/// One statement with its parameters (`?` placeholders, in order).
struct SQLStatement: Sendable {
  var sql: String
  var arguments: [SQLValue]
  /// For a query read in pages: how many of its first columns order its rows.
  var orderColumns = 1

  init(_ sql: String, _ arguments: [SQLValue] = [], orderColumns: Int = 1) {
    self.sql = sql
    self.arguments = arguments
    self.orderColumns = orderColumns
  }
}

/// Rows to add to one table.
struct BulkInsert: Sendable {
  /// The table.
  var table: String
  /// Its columns, in the order of each row's values.
  var columns: [String]
  /// The SQL type of each column that is not text, empty for text.
  var types: [String]
  /// The rows.
  var rows: [[SQLValue]]

  /// The rows as multi-row inserts, each with at most 500 rows, which keeps each statement's
  /// text and its planning small, and 30,000 parameters (SQLite allows 32,766, PostgreSQL
  /// 65,535).
  ///
  /// Parameters are cast to their column's type, since PostgreSQL cannot tell the type of a
  /// column of nulls in a list of rows.
  var statements: [SQLStatement] {
    guard !rows.isEmpty, !columns.isEmpty else { return [] }
    let width = columns.count
    let tuple =
      "("
      + (0..<width).map { column in
        column < types.count && !types[column].isEmpty ? "CAST(? AS \(types[column]))" : "?"
      }.joined(separator: ", ") + ")"
    let perStatement = max(1, min(500, 30_000 / width))
    let head = "INSERT INTO \(table) (\(columns.joined(separator: ", "))) VALUES "
    var statements: [SQLStatement] = []
    for start in stride(from: 0, to: rows.count, by: perStatement) {
      let chunk = rows[start..<min(start + perStatement, rows.count)]
      statements.append(
        SQLStatement(
          head + Array(repeating: tuple, count: chunk.count).joined(separator: ", "),
          chunk.flatMap { $0 }))
    }
    return statements
  }
}

/// Where the SQL the store writes differs between databases.
enum SQLDialect: Sendable {
  case sqlite, postgres

  /// The Monday of the week of a `YYYY-MM-DD` text column, as `YYYY-MM-DD`.
  func weekStart(_ column: String) -> String {
    switch self {
    case .sqlite: "date(\(column), '-6 days', 'weekday 1')"
    case .postgres: "to_char(date_trunc('week', CAST(\(column) AS date)), 'YYYY-MM-DD')"
    }
  }
}

/// A database the store runs on.
///
/// It is SQLite (always) or PostgreSQL (with the `PostgreSQL` package trait). Statements use `?` placeholders; each backend binds them its own way.
protocol SQLBackend: Sendable {
  /// The dialect, for the few expressions that differ.
  var dialect: SQLDialect { get }
  /// Where the database is, for messages.
  var location: String { get }

  /// Runs statements, then returns the rows of the last, all in one transaction.
  func transaction(_ statements: [SQLStatement]) throws(StoreError) -> [[Cell]]

  /// Runs statements, then adds rows to tables, all in one transaction.
  func write(_ statements: [SQLStatement], inserting inserts: [BulkInsert]) throws(StoreError)

  /// Calls `body` with each row of a query, reading them a page at a time.
  func eachRow(_ statement: SQLStatement, columns: Int, _ body: ([Cell]) throws -> Void)
    throws(StoreError)

  /// The rows of a query, in its order.
  func rows(_ statement: SQLStatement, columns: Int) throws(StoreError) -> [[Cell]]

  /// Closes the connections (nothing may be asked after).
  func close() throws(StoreError)
}

extension SQLBackend {
  /// Nothing to do: the connections end with the backend.
  func close() throws(StoreError) {}

  /// Runs statements, then adds the rows with multi-row inserts, all in one transaction.
  func write(_ statements: [SQLStatement], inserting inserts: [BulkInsert]) throws(StoreError) {
    _ = try transaction(statements + inserts.flatMap(\.statements))
  }
}

/// The document model's closed sets are stored as their names (`asserted`, `in force`), its
/// codes as written (`RUSGOV`, `057`).
extension SQLBindable where Self: RawRepresentable, RawValue == String {
  var sqlValue: SQLValue { .text(rawValue) }
}

extension MentionType: SQLBindable {}
extension MentionResolution: SQLBindable {}
extension EventMode: SQLBindable {}
extension PlaceKind: SQLBindable {}
extension QuoteKind: SQLBindable {}
extension AgreementStatus: SQLBindable {}
extension RelationKind: SQLBindable {}
extension ActorCode: SQLBindable {}
extension CountryCode: SQLBindable {}
extension EventCode: SQLBindable {}

extension QuadClass: SQLBindable {
  var sqlValue: SQLValue { .int(rawValue) }
}

extension Cell {
  /// The member of a closed set that the cell names (``text`` read as its raw value), or
  /// `nil` when the cell is null or names none.
  func member<T: RawRepresentable>(of type: T.Type) -> T? where T.RawValue == String {
    text.flatMap(T.init(rawValue:))
  }

  /// The code the cell holds, or `nil` when it is null.
  func code<T: CodeValue>(_ type: T.Type) -> T? { text.map(T.init(rawValue:)) }
}
