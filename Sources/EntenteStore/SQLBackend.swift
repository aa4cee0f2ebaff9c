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

  /// Calls `body` with each row of a query, reading them a page at a time.
  func eachRow(_ statement: SQLStatement, columns: Int, _ body: ([Cell]) throws -> Void)
    throws(StoreError)

  /// The rows of a query, in its order.
  func rows(_ statement: SQLStatement, columns: Int) throws(StoreError) -> [[Cell]]
}
