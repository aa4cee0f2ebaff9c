#if PostgreSQL
  import Foundation
  import Logging
  import PostgresNIO

  /// The store's PostgreSQL backend, through postgres-nio (package trait `PostgreSQL`).
  ///
  /// The store's API is synchronous: each call runs its queries in a task on a serial queue
  /// of its own (a task executor), and waits for it, so that a caller blocked on a thread of
  /// Swift's shared pool never keeps the queries from running.
  final class PostgresBackend: SQLBackend, @unchecked Sendable {
    let location: String
    /// The schema of the store's tables, if not the default one.
    let schema: String?
    var dialect: SQLDialect { .postgres }
    private let client: PostgresClient
    private let executor = QueueExecutor()
    private let logger = Logger(label: "entente.store.postgres")
    private let runner: Task<Void, Never>

    /// Connects to `url` (`postgres://user:password@host:port/database`) and brings the
    /// schema up to date.
    init(url: String) throws(StoreError) {
      // Messages name the server, never the password.
      guard let components = URLComponents(string: url), let host = components.host else {
        throw StoreError("\(url): not a postgres://user:password@host:port/database URL")
      }
      // `?schema=NAME` keeps the store's tables in a schema of their own.
      schema = components.queryItems?.first { $0.name == "schema" }?.value
      if let schema,
        schema.isEmpty || !schema.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" })
      {
        throw StoreError("\(url): a schema name is letters, digits and underscores")
      }
      location =
        "postgres://\(host):\(components.port ?? 5432)\(components.path)"
        + (schema.map { "?schema=\($0)" } ?? "")
      var configuration = PostgresClient.Configuration(
        host: host, port: components.port ?? 5432, username: components.user ?? "postgres",
        password: components.password,
        database: components.path.count > 1 ? String(components.path.dropFirst()) : nil,
        tls: .disable)
      // Commits do not wait for the server's disk: a server crash may lose the last
      // batches, which the next ingest stores again, as it does after any interruption.
      configuration.options.additionalStartupParameters = [("synchronous_commit", "off")]
      if let schema {
        configuration.options.additionalStartupParameters.append(("search_path", schema))
      }
      let client = PostgresClient(configuration: configuration)
      self.client = client
      runner = Task(executorPreference: executor) { await client.run() }
      do {
        try migrate()
      } catch {
        runner.cancel()
        throw StoreError("\(location): cannot open the event store: \(error.message)")
      }
    }

    deinit { runner.cancel() }

    /// The key of the advisory lock under which a store's schema is set up ("entente").
    static let setUpLock: Int64 = 0x65_6E_74_65_6E_74_65

    private func migrate() throws(StoreError) {
      // `CREATE ... IF NOT EXISTS` is not safe against another process doing the same at
      // the same moment (one of them fails on "already exists"): processes that start at
      // once on a new database take turns, by a lock held to the end of the transaction.
      var setUp = [SQLStatement("SELECT pg_advisory_xact_lock(\(Self.setUpLock))")]
      if let schema { setUp.append(SQLStatement("CREATE SCHEMA IF NOT EXISTS \(schema)")) }
      setUp += [
        SQLStatement("CREATE TABLE IF NOT EXISTS entente_migrations (name TEXT PRIMARY KEY)"),
        SQLStatement("SELECT 1"),
      ]
      _ = try transaction(setUp)
      for (name, statements) in Schema.migrations(.postgres) {
        // One transaction per migration, the table locked so that two processes starting at
        // once do not both run it.
        var all = [SQLStatement("LOCK TABLE entente_migrations IN EXCLUSIVE MODE")]
        all.append(contentsOf: statements.map { SQLStatement($0) })
        all.append(SQLStatement("INSERT INTO entente_migrations (name) VALUES (?)", [.text(name)]))
        let applied = try rows(
          SQLStatement("SELECT name FROM entente_migrations WHERE name = ?", [.text(name)]),
          columns: 1)
        if applied.isEmpty {
          do {
            _ = try transaction(all)
          } catch {
            // Another process may have applied it meanwhile.
            let now = try rows(
              SQLStatement("SELECT name FROM entente_migrations WHERE name = ?", [.text(name)]),
              columns: 1)
            if now.isEmpty { throw error }
          }
        }
      }
    }

    func transaction(_ statements: [SQLStatement]) throws(StoreError) -> [[Cell]] {
      let logger = logger
      let client = client
      let queries = statements.map(Self.query)
      return try blocking {
        try await client.withConnection { connection in
          try await connection.query("BEGIN", logger: logger)
          do {
            var result: [[Cell]] = []
            for (index, query) in queries.enumerated() {
              let rows = try await connection.query(query, logger: logger)
              if index == queries.count - 1 {
                for try await row in rows { result.append(Self.cells(row)) }
              } else {
                for try await _ in rows {}
              }
            }
            try await connection.query("COMMIT", logger: logger)
            return result
          } catch {
            _ = try? await connection.query("ROLLBACK", logger: logger)
            throw error
          }
        }
      }
    }

    /// Runs statements, then adds the rows with `COPY ... FROM STDIN`, all in one
    /// transaction: the rows go as text, with no statement to parse or plan per row.
    func write(_ statements: [SQLStatement], inserting inserts: [BulkInsert]) throws(StoreError) {
      let logger = logger
      let client = client
      let queries = statements.map(Self.query)
      let copies = inserts.map {
        (table: $0.table, columns: $0.columns, data: Self.copyText($0.rows))
      }
      _ = try blocking {
        try await client.withConnection { connection in
          try await connection.query("BEGIN", logger: logger)
          do {
            for query in queries {
              for try await _ in try await connection.query(query, logger: logger) {}
            }
            for copy in copies {
              try await connection.copyFrom(
                table: copy.table, columns: copy.columns, logger: logger
              ) { writer in
                // In pieces, so that the server reads while the rest is sent.
                var start = 0
                while start < copy.data.count {
                  let end = min(start + 262_144, copy.data.count)
                  try await writer.write(ByteBuffer(bytes: copy.data[start..<end]))
                  start = end
                }
              }
            }
            try await connection.query("COMMIT", logger: logger)
          } catch {
            _ = try? await connection.query("ROLLBACK", logger: logger)
            throw error
          }
        }
      }
    }

    /// Rows in `COPY`'s text format: tab between values, a line per row, `\N` for null,
    /// and backslash, tab, line feed and carriage return escaped.
    static func copyText(_ rows: [[SQLValue]]) -> [UInt8] {
      var data: [UInt8] = []
      data.reserveCapacity(rows.count * 64)
      for row in rows {
        for (index, value) in row.enumerated() {
          if index > 0 { data.append(0x09) }
          switch value {
          case .null: data.append(contentsOf: [0x5C, 0x4E])
          case .int(let number): data.append(contentsOf: String(number).utf8)
          case .real(let number): data.append(contentsOf: "\(number)".utf8)
          case .bool(let flag): data.append(flag ? 0x74 : 0x66)
          case .text(let text):
            for byte in text.utf8 {
              switch byte {
              case 0x5C: data.append(contentsOf: [0x5C, 0x5C])
              case 0x09: data.append(contentsOf: [0x5C, 0x74])
              case 0x0A: data.append(contentsOf: [0x5C, 0x6E])
              case 0x0D: data.append(contentsOf: [0x5C, 0x72])
              default: data.append(byte)
              }
            }
          }
        }
        data.append(0x0A)
      }
      return data
    }

    func eachRow(_ statement: SQLStatement, columns: Int, _ body: ([Cell]) throws -> Void)
      throws(StoreError)
    {
      // Rows come in pages, so that memory stays bounded however many there are.
      let logger = logger
      let client = client
      let page = 5_000
      var offset = 0
      // The pages keep the statement's order: by its first `orderColumns` columns.
      let order = (1...max(1, statement.orderColumns)).map(String.init).joined(separator: ", ")
      while true {
        var paged = statement
        paged.sql =
          "SELECT * FROM (\(statement.sql)) AS page ORDER BY \(order) LIMIT \(page) OFFSET \(offset)"
        let query = Self.query(paged)
        let rows: [[Cell]] = try blocking {
          try await client.withConnection { connection in
            var result: [[Cell]] = []
            for try await row in try await connection.query(query, logger: logger) {
              result.append(Self.cells(row))
            }
            return result
          }
        }
        do {
          for row in rows { try body(Array(row.prefix(columns))) }
        } catch let error as StoreError {
          throw error
        } catch {
          throw StoreError("\(location): \(error)")
        }
        guard rows.count == page else { return }
        offset += page
      }
    }

    func rows(_ statement: SQLStatement, columns: Int) throws(StoreError) -> [[Cell]] {
      let logger = logger
      let client = client
      let query = Self.query(statement)
      return try blocking {
        try await client.withConnection { connection in
          var result: [[Cell]] = []
          for try await row in try await connection.query(query, logger: logger) {
            result.append(Array(Self.cells(row).prefix(columns)))
          }
          return result
        }
      }
    }

    /// Runs `body` on this backend's executor and waits for it.
    private func blocking<T: Sendable>(_ body: @escaping @Sendable () async throws -> T)
      throws(StoreError) -> T
    {
      let semaphore = DispatchSemaphore(value: 0)
      let box = ResultBox<T>()
      Task(executorPreference: executor) {
        do {
          box.result = .success(try await body())
        } catch {
          box.result = .failure(error)
        }
        semaphore.signal()
      }
      semaphore.wait()
      switch box.result {
      case .success(let value): return value
      case .failure(let error as PSQLError):
        throw StoreError("\(location): \(error.serverInfo?[.message] ?? String(reflecting: error))")
      case .failure(let error): throw StoreError("\(location): \(error)")
      case nil: throw StoreError("\(location): a query ended without a result")
      }
    }

    /// A statement with `?` placeholders as a PostgreSQL query with `$1`, `$2`, ...
    static func query(_ statement: SQLStatement) -> PostgresQuery {
      var sql = ""
      var number = 0
      var quoted = false
      for character in statement.sql {
        if character == "'" { quoted.toggle() }
        if character == "?" && !quoted {
          number += 1
          sql += "$\(number)"
        } else {
          sql.append(character)
        }
      }
      var bindings = PostgresBindings(capacity: statement.arguments.count)
      for value in statement.arguments {
        switch value {
        case .text(let text): bindings.append(text)
        case .int(let number): bindings.append(number)
        case .real(let number): bindings.append(number)
        case .bool(let flag): bindings.append(flag)
        case .null: bindings.appendNull()
        }
      }
      return PostgresQuery(unsafeSQL: sql, binds: bindings)
    }

    static func cells(_ row: PostgresRow) -> [Cell] {
      row.map { cell in
        guard cell.bytes != nil else { return .null }
        switch cell.dataType {
        case .int2, .int4, .int8: return (try? cell.decode(Int.self)).map(Cell.int) ?? .null
        case .float4, .float8: return (try? cell.decode(Double.self)).map(Cell.real) ?? .null
        case .numeric:
          return (try? cell.decode(String.self)).flatMap(Double.init).map(Cell.real) ?? .null
        case .bool: return (try? cell.decode(Bool.self)).map { .int($0 ? 1 : 0) } ?? .null
        default: return (try? cell.decode(String.self)).map(Cell.text) ?? .null
        }
      }
    }
  }

  /// A serial queue that runs tasks: the executor of the backend's queries.
  final class QueueExecutor: TaskExecutor, @unchecked Sendable {
    private let queue = DispatchQueue(label: "entente.store.postgres")

    func enqueue(_ job: consuming ExecutorJob) {
      let job = UnownedJob(job)
      let executor = asUnownedTaskExecutor()
      queue.async { job.runSynchronously(on: executor) }
    }
  }

  /// A result handed from a task to the thread that waits for it.
  private final class ResultBox<T>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Result<T, any Error>?

    var result: Result<T, any Error>? {
      get { lock.withLock { value } }
      set { lock.withLock { value = newValue } }
    }
  }
#endif
