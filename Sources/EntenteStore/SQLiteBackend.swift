import Foundation
import GRDB

/// The store's SQLite backend, through GRDB: one writer at a time, readers alongside
/// (write-ahead log).
final class SQLiteBackend: SQLBackend {
  let pool: any DatabaseWriter
  let location: String
  var dialect: SQLDialect { .sqlite }

  /// Opens (creating it if needed) the database at `path` and brings its schema up to date;
  /// with `readOnly`, opens an existing store as it is, writing nothing (a file the user may
  /// only read).
  init(path: String, readOnly: Bool = false) throws(StoreError) {
    location = path
    var configuration = Configuration()
    configuration.foreignKeysEnabled = true
    configuration.busyMode = .timeout(30)
    var migrator = DatabaseMigrator()
    for (name, statements) in Schema.migrations(.sqlite) {
      migrator.registerMigration(name) { db in
        for statement in statements { try db.execute(sql: statement) }
      }
    }
    // A database of something else is refused as it is, untouched (no migration table
    // left in it, no waiting out "table already exists" as if another ingest were setting
    // it up).
    if FileManager.default.fileExists(atPath: path) {
      try Self.checkIsStore(path)
    }
    if readOnly {
      configuration.readonly = true
      do {
        let queue: DatabaseQueue
        do {
          queue = try DatabaseQueue(path: path, configuration: configuration)
        } catch let error as DatabaseError
          where [.SQLITE_READONLY, .SQLITE_CANTOPEN].contains(error.resultCode.primaryResultCode)
        {
          // A store in WAL mode whose directory the user may not write, with no `-shm`
          // file beside it (the last writer closed it cleanly): SQLite cannot make the
          // shared-memory file readers need. No writer can be at work there (it would have
          // made that file), so the file is read as it is, unchanging.
          let encoded =
            path.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? path
          queue = try DatabaseQueue(
            path: "file:\(encoded)?immutable=1", configuration: configuration)
        }
        let applied = try queue.read { db in try migrator.appliedMigrations(db) }
        let missing = Schema.migrations(.sqlite).map(\.0).filter { !applied.contains($0) }
        guard missing.isEmpty else {
          throw StoreError(
            "\(path): the store's schema is older than this version of Entente (missing \(missing.joined(separator: ", "))); open it once with entente ingest to bring it up to date"
          )
        }
        pool = queue
        return
      } catch let error as StoreError {
        throw error
      } catch {
        throw StoreError("\(path): cannot open the event store for reading: \(error)")
      }
    }
    // Two processes that create the same new database at once (two ingests, or an ingest
    // and a query) may find it locked while the other sets it up: try again for a while.
    var attempt = 0
    while true {
      do {
        let pool = try DatabasePool(path: path, configuration: configuration)
        try migrator.migrate(pool)
        self.pool = pool
        return
      } catch let error as DatabaseError where attempt < 100 && Self.isRace(error) {
        attempt += 1
        usleep(50_000)
      } catch {
        throw StoreError("\(path): cannot open the event store: \(error)")
      }
    }
  }

  /// Closes the connections, the write-ahead log written into the database first and emptied
  /// (the database file alone then holds the whole store: it can be copied by itself).
  func close() throws(StoreError) {
    do {
      if let pool = pool as? DatabasePool {
        try pool.writeWithoutTransaction { db in
          try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)")
        }
      }
      try pool.close()
    } catch {
      throw StoreError("\(location): cannot close the event store: \(error)")
    }
  }

  /// Throws when the SQLite file at `path` holds tables but no record of the store's
  /// migrations (a database of something else: a store's tables are made in the same
  /// transaction as that record, so no one sees them without it); an empty file, a store, or
  /// one that cannot be read now (busy) passes, to be opened as usual.
  static func checkIsStore(_ path: String) throws(StoreError) {
    var configuration = Configuration()
    configuration.readonly = true
    configuration.busyMode = .timeout(5)
    guard
      let tables = try? DatabaseQueue(path: path, configuration: configuration).read({ db in
        try String.fetchAll(
          db,
          sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
      })
    else { return }
    guard tables.isEmpty || tables.contains("grdb_migrations") else {
      throw StoreError(
        "\(path): cannot open the event store: the file is a database of something else (tables \(tables.prefix(5).joined(separator: ", "))); it was left as it is"
      )
    }
  }

  /// Whether an error opening a new database comes from another process setting it up at
  /// the same time: locked, or its tables created since this one looked.
  static func isRace(_ error: DatabaseError) -> Bool {
    guard error.resultCode == .SQLITE_ERROR else {
      return error.resultCode == .SQLITE_BUSY || error.resultCode == .SQLITE_LOCKED
    }
    // Another process ran the same migration first: its tables (`already exists`) or its
    // columns (`duplicate column name`, the places' columns of v3) are there.
    let message = error.message ?? ""
    return message.contains("already exists") || message.contains("duplicate column name")
  }

  func transaction(_ statements: [SQLStatement]) throws(StoreError) -> [[Cell]] {
    do {
      return try pool.write { db in
        var rows: [[Cell]] = []
        for (index, statement) in statements.enumerated() {
          // Statements of a few arguments recur and are kept prepared; multi-row inserts and
          // `IN (?, ...)` lists differ with their number of rows, and kept, each of their
          // lengths would stay in memory for good (the soak's ingest grew by 550 MB).
          let prepared =
            statement.arguments.count > 16
            ? try db.makeStatement(sql: statement.sql) : try db.cachedStatement(sql: statement.sql)
          let arguments = Self.arguments(statement.arguments)
          if index == statements.count - 1 {
            rows = try Row.fetchAll(prepared, arguments: arguments).map(Self.cells)
          } else {
            try prepared.execute(arguments: arguments)
          }
        }
        return rows
      }
    } catch {
      throw StoreError("\(location): \(error)")
    }
  }

  func eachRow(_ statement: SQLStatement, columns: Int, _ body: ([Cell]) throws -> Void)
    throws(StoreError)
  {
    do {
      try pool.read { db in
        let rows = try Row.fetchCursor(
          db, sql: statement.sql, arguments: Self.arguments(statement.arguments))
        while let row = try rows.next() {
          try body((0..<columns).map { Cell(row[$0] as DatabaseValue) })
        }
      }
    } catch let error as StoreError {
      throw error
    } catch {
      throw StoreError("\(location): \(error)")
    }
  }

  func rows(_ statement: SQLStatement, columns: Int) throws(StoreError) -> [[Cell]] {
    var rows: [[Cell]] = []
    try eachRow(statement, columns: columns) { rows.append($0) }
    return rows
  }

  static func cells(_ row: Row) -> [Cell] {
    (0..<row.count).map { Cell(row[$0] as DatabaseValue) }
  }

  static func arguments(_ values: [SQLValue]) -> StatementArguments {
    StatementArguments(
      values.map { value -> DatabaseValue in
        switch value {
        case .text(let text): text.databaseValue
        case .int(let number): number.databaseValue
        case .real(let number): number.databaseValue
        case .bool(let flag): flag.databaseValue
        case .null: .null
        }
      })
  }
}

extension Cell {
  init(_ value: DatabaseValue) {
    switch value.storage {
    case .null: self = .null
    case .int64(let value): self = .int(Int(value))
    case .double(let value): self = .real(value)
    case .string(let value): self = .text(value)
    case .blob: self = .null
    }
  }
}
