public import EntenteIO
import Foundation
import GRDB

/// A failure of the event store, with what it was doing.
public struct StoreError: Error, Sendable, CustomStringConvertible {
  /// What went wrong.
  public var message: String

  /// Creates an error.
  public init(_ message: String) { self.message = message }

  public var description: String { message }
}

/// What coded the documents of one ingest: stored with them, so that a later model or
/// dictionary upgrade can tell which documents to recode.
public struct Provenance: Sendable, Equatable {
  /// Entente's version.
  public var version: String
  /// The models (tagger and parser files and their sizes or versions).
  public var models: String
  /// The event lexicon or verb dictionaries.
  public var lexicon: String
  /// The actor and agent dictionaries.
  public var dictionaries: String

  /// Creates a provenance record.
  public init(version: String, models: String, lexicon: String, dictionaries: String) {
    self.version = version
    self.models = models
    self.lexicon = lexicon
    self.dictionaries = dictionaries
  }
}

/// Entente's event store on SQLite.
///
/// It keeps documents, their sentences, mentions and events, and the runs that coded them.
/// The schema is in docs/store.md; migrations only add.
///
/// One writer at a time, any number of readers (write-ahead log). Every ``save(_:run:)`` is
/// one transaction, so a process killed mid-way leaves whole documents or none.
public final class SQLiteEventStore: Sendable {
  let pool: DatabasePool
  /// The database file.
  public let path: String

  /// Opens (creating it if needed) the store at `path` and brings its schema up to date.
  ///
  /// - Throws: ``StoreError`` when the file cannot be opened or is not an Entente store.
  public init(path: String) throws(StoreError) {
    self.path = path
    do {
      var configuration = Configuration()
      configuration.foreignKeysEnabled = true
      configuration.busyMode = .timeout(30)
      pool = try DatabasePool(path: path, configuration: configuration)
      try Self.migrator.migrate(pool)
    } catch {
      throw StoreError("\(path): cannot open the event store: \(error)")
    }
  }

  // MARK: Schema

  static var migrator: DatabaseMigrator {
    var migrator = DatabaseMigrator()
    migrator.registerMigration("v1") { db in
      for statement in Schema.version1 { try db.execute(sql: statement) }
    }
    return migrator
  }

  // MARK: Writing

  /// Records a run of `entente ingest` and returns its id.
  public func beginRun(_ provenance: Provenance) throws(StoreError) -> Int64 {
    try write { db in
      try db.execute(
        sql: """
          INSERT INTO runs (started, version, models, lexicon, dictionaries)
          VALUES (?, ?, ?, ?, ?)
          """,
        arguments: [
          Date().ISO8601Format(), provenance.version, provenance.models, provenance.lexicon,
          provenance.dictionaries,
        ])
      return db.lastInsertedRowID
    }
  }

  /// The content hashes of the stored documents among `ids`.
  public func storedHashes(of ids: [String]) throws(StoreError) -> [String: String] {
    guard !ids.isEmpty else { return [:] }
    return try read { db in
      var result: [String: String] = [:]
      // SQLite takes at most 32,766 parameters: ask in slices.
      for start in stride(from: 0, to: ids.count, by: 500) {
        let slice = Array(ids[start..<min(start + 500, ids.count)])
        let marks = Array(repeating: "?", count: slice.count).joined(separator: ",")
        let rows = try Row.fetchAll(
          db, sql: "SELECT id, content_hash FROM documents WHERE id IN (\(marks))",
          arguments: StatementArguments(slice))
        for row in rows { result[row["id"]] = row["content_hash"] }
      }
      return result
    }
  }

  /// Stores documents in one transaction, replacing any stored document with the same id.
  ///
  /// - Parameters:
  ///   - documents: The coded documents.
  ///   - run: The run that coded them (``beginRun(_:)``).
  public func save(_ documents: [CodedDocument], run: Int64) throws(StoreError) {
    guard !documents.isEmpty else { return }
    let now = Date().ISO8601Format()
    try write { db in
      let delete = try db.cachedStatement(sql: "DELETE FROM documents WHERE id = ?")
      let document = try db.cachedStatement(
        sql: """
          INSERT INTO documents (id, date, source, url, title, text, content_hash, run_id, coded_at)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
          """)
      let sentence = try db.cachedStatement(
        sql: """
          INSERT INTO sentences (document_id, idx, start_offset, end_offset, text, dateline)
          VALUES (?, ?, ?, ?, ?, ?)
          """)
      let mention = try db.cachedStatement(
        sql: """
          INSERT INTO mentions (document_id, idx, sentence, start_offset, end_offset, text, type,
            code, country, canonical, resolved_from, role, affiliation)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
          """)
      let event = try db.cachedStatement(sql: Schema.insertEvent)
      for coded in documents {
        try delete.execute(arguments: [coded.id])
        try document.execute(arguments: [
          coded.id, coded.date, coded.source, coded.url, coded.title, coded.text,
          coded.contentHash, run, now,
        ])
        for (index, item) in coded.sentences.enumerated() {
          try sentence.execute(arguments: [
            coded.id, index, item.span.start, item.span.end, item.span.text, item.dateline,
          ])
        }
        for (index, item) in coded.mentions.enumerated() {
          try mention.execute(arguments: [
            coded.id, index, item.sentence, item.span.start, item.span.end, item.span.text,
            item.type, item.code, item.country, item.canonical, item.resolvedFrom, item.role,
            item.affiliation,
          ])
        }
        for (index, item) in coded.events.enumerated() {
          try event.execute(arguments: Schema.eventArguments(item, document: coded, index: index))
        }
      }
    }
  }

  // MARK: Reading

  /// The stored document with `id`, as it was coded, or `nil`.
  public func document(id: String) throws(StoreError) -> CodedDocument? {
    try read { db in
      guard
        let row = try Row.fetchOne(db, sql: "SELECT * FROM documents WHERE id = ?", arguments: [id])
      else { return nil }
      var coded = CodedDocument(
        id: row["id"], date: row["date"], title: row["title"], url: row["url"],
        source: row["source"], text: row["text"], sentences: [], mentions: [], events: [])
      coded.contentHash = row["content_hash"]
      coded.sentences = try Row.fetchAll(
        db, sql: "SELECT * FROM sentences WHERE document_id = ? ORDER BY idx", arguments: [id]
      ).map { row in
        CodedDocument.Sentence(
          span: .init(start: row["start_offset"], end: row["end_offset"], text: row["text"]),
          dateline: row["dateline"])
      }
      coded.mentions = try Row.fetchAll(
        db, sql: "SELECT * FROM mentions WHERE document_id = ? ORDER BY idx", arguments: [id]
      ).map { row in
        CodedDocument.Mention(
          sentence: row["sentence"],
          span: .init(start: row["start_offset"], end: row["end_offset"], text: row["text"]),
          type: row["type"], code: row["code"], country: row["country"],
          canonical: row["canonical"], resolvedFrom: row["resolved_from"], role: row["role"],
          affiliation: row["affiliation"])
      }
      coded.events = try Row.fetchAll(
        db, sql: "SELECT * FROM events WHERE document_id = ? ORDER BY idx", arguments: [id]
      ).map(Schema.event)
      return coded
    }
  }

  /// The number of stored documents and events.
  public func counts() throws(StoreError) -> (documents: Int, events: Int) {
    try read { db in
      (
        try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM documents") ?? 0,
        try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM events") ?? 0
      )
    }
  }

  /// The ids of the stored documents, in id order, with the run that coded each.
  public func documentIDs() throws(StoreError) -> [(id: String, run: Int64?)] {
    try read { db in
      try Row.fetchAll(db, sql: "SELECT id, run_id FROM documents ORDER BY id").map {
        (id: $0["id"], run: $0["run_id"])
      }
    }
  }

  /// The provenance of a run.
  public func provenance(ofRun run: Int64) throws(StoreError) -> Provenance? {
    try read { db in
      try Row.fetchOne(db, sql: "SELECT * FROM runs WHERE id = ?", arguments: [run]).map {
        Provenance(
          version: $0["version"], models: $0["models"], lexicon: $0["lexicon"],
          dictionaries: $0["dictionaries"])
      }
    }
  }

  // MARK: Transactions

  func read<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
    do {
      return try pool.read(body)
    } catch {
      throw StoreError("\(path): \(error)")
    }
  }

  func write<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
    do {
      return try pool.write(body)
    } catch {
      throw StoreError("\(path): \(error)")
    }
  }
}
