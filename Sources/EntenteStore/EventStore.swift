public import EntenteCoding
import EntenteNLP
import Foundation

/// A failure of the event store, with what it was doing.
public struct StoreError: Error, Sendable, CustomStringConvertible {
  /// What went wrong.
  public var message: String

  /// Creates an error.
  public init(_ message: String) { self.message = message }

  public var description: String { message }
}

/// Entente's event store: documents, their sentences, mentions and events, and the runs that
/// coded them, in SQLite or PostgreSQL.
///
/// The schema is in docs/store.md; migrations only add. Every ``save(_:run:)`` is one
/// transaction, so a process killed mid-way leaves whole documents or none.
public final class EventStore: Sendable {
  let backend: any SQLBackend
  /// The database: a file path, or a `postgres://` URL.
  public var location: String { backend.location }

  /// Closes the store; nothing may be asked of it after.
  ///
  /// A SQLite store's write-ahead log is written into the database file and emptied, so that
  /// the file alone holds the whole store (to copy it, or to read it where one may not write).
  public func close() throws(StoreError) { try backend.close() }

  /// Opens (creating it if needed) the store at `location` and brings its schema up to date.
  ///
  /// - Parameter location: A SQLite file, or a `postgres://user:password@host:port/database`
  ///   URL (with the `PostgreSQL` package trait).
  /// - Throws: ``StoreError`` when the database cannot be opened or is not an Entente store.
  /// - Parameter readOnly: Open an existing SQLite store without writing to it (a file the
  ///   user may only read); its schema must be current.
  public init(_ location: String, readOnly: Bool = false) throws(StoreError) {
    if location.hasPrefix("postgres://") || location.hasPrefix("postgresql://") {
      #if PostgreSQL
        backend = try PostgresBackend(url: location)
      #else
        throw StoreError(
          "\(location): this build has no PostgreSQL support; build with --traits PostgreSQL")
      #endif
    } else {
      backend = try SQLiteBackend(path: location, readOnly: readOnly)
    }
  }

  // MARK: Writing

  /// Records a run of `entente ingest` and returns its id.
  public func beginRun(_ provenance: Provenance) throws(StoreError) -> Int64 {
    let rows = try backend.transaction([
      SQLStatement(
        """
        INSERT INTO runs (started, version, models, lexicon, dictionaries)
        VALUES (?, ?, ?, ?, ?) RETURNING id
        """,
        [
          Date().ISO8601Format(), provenance.version, provenance.models, provenance.lexicon,
          provenance.dictionaries,
        ].map(\.sqlValue))
    ])
    guard let id = rows.first?.first?.integer else {
      throw StoreError("\(location): a new run was given no id")
    }
    return Int64(id)
  }

  /// The content hashes of the stored documents among `ids`.
  public func storedHashes(of ids: [String]) throws(StoreError) -> [String: String] {
    var result: [String: String] = [:]
    for start in stride(from: 0, to: ids.count, by: 500) {
      let slice = Array(ids[start..<min(start + 500, ids.count)])
      let marks = Array(repeating: "?", count: slice.count).joined(separator: ",")
      let statement = SQLStatement(
        "SELECT id, content_hash FROM documents WHERE id IN (\(marks))", slice.map(\.sqlValue))
      for row in try backend.rows(statement, columns: 2) {
        if let id = row[0].text, let hash = row[1].text { result[id] = hash }
      }
    }
    return result
  }

  /// Stores documents in one transaction, replacing any stored document with the same id.
  ///
  /// - Parameters:
  ///   - documents: The coded documents.
  ///   - run: The run that coded them (``beginRun(_:)``).
  public func save(_ documents: [CodedDocument], run: Int64) throws(StoreError) {
    guard !documents.isEmpty else { return }
    let now = Date().ISO8601Format()
    // Rows per table, written as multi-row inserts: one round trip per few hundred rows
    // rather than per row, which is what PostgreSQL over a network needs.
    var ids: [SQLValue] = []
    var documentRows: [[SQLValue]] = []
    var sentenceRows: [[SQLValue]] = []
    var mentionRows: [[SQLValue]] = []
    var eventRows: [[SQLValue]] = []
    var quoteRows: [[SQLValue]] = []
    var agreementRows: [[SQLValue]] = []
    var partyRows: [[SQLValue]] = []
    var referenceRows: [[SQLValue]] = []
    var relationRows: [[SQLValue]] = []
    for coded in documents {
      ids.append(.text(coded.id))
      let document: [any SQLBindable] = [
        coded.id, coded.date, coded.source, coded.url, coded.title, coded.text, coded.contentHash,
        run, now,
      ]
      documentRows.append(document.map(\.sqlValue))
      for (index, item) in coded.sentences.enumerated() {
        let values: [any SQLBindable] = [
          coded.id, index, item.span.start, item.span.end, item.span.text, item.dateline,
        ]
        sentenceRows.append(values.map(\.sqlValue))
      }
      for (index, item) in coded.mentions.enumerated() {
        let values: [any SQLBindable] = [
          coded.id, index, item.sentence, item.span.start, item.span.end, item.span.text,
          item.type, item.code, item.country, item.canonical, item.resolvedFrom, item.role,
          item.affiliation,
        ]
        mentionRows.append((values + Schema.locationValues(item.location)).map(\.sqlValue))
      }
      for (index, item) in coded.events.enumerated() {
        eventRows.append(Schema.eventArguments(item, document: coded, index: index))
      }
      for (index, item) in coded.quotes.enumerated() {
        let speaker = item.speaker
        let values: [any SQLBindable] = [
          coded.id, index, item.sentence, speaker?.span.start, speaker?.span.end,
          speaker?.span.text, speaker?.code, speaker?.country, speaker?.canonical,
          speaker?.affiliation, item.cue, item.content.start, item.content.end, item.content.text,
          item.kind,
        ]
        quoteRows.append(values.map(\.sqlValue))
      }
      for (index, item) in coded.agreements.enumerated() {
        let values: [any SQLBindable] = [
          coded.id, index, item.sentence, item.name,
          item.obligations.map(\.rawValue).joined(separator: ","),
          item.cowType, item.date, item.dateText, item.status, item.replaces, item.replacedBy,
          item.evidence.start, item.evidence.end, item.evidence.text,
        ]
        agreementRows.append(values.map(\.sqlValue))
        for (party, actor) in item.parties.enumerated() {
          let values: [any SQLBindable] = [
            coded.id, index, party, actor.code, actor.country, actor.span.start, actor.span.end,
            actor.span.text,
          ]
          partyRows.append(values.map(\.sqlValue))
        }
        for (reference, span) in item.references.enumerated() {
          let values: [any SQLBindable] = [
            coded.id, index, reference, span.start, span.end, span.text,
          ]
          referenceRows.append(values.map(\.sqlValue))
        }
      }
      for (index, item) in coded.relations.enumerated() {
        let values: [any SQLBindable] = [
          coded.id, index, item.sentence, item.kind, item.source.code, item.source.country,
          item.source.span.text, item.source.span.start, item.source.span.end, item.target.code,
          item.target.country, item.target.span.text, item.target.span.start,
          item.target.span.end, item.evidence.start, item.evidence.end, item.evidence.text,
        ]
        relationRows.append(values.map(\.sqlValue))
      }
    }
    var statements: [SQLStatement] = []
    if backend.dialect == .postgres {
      // Several processes may store the same documents at once (ingests of overlapping
      // inputs on several machines). Each transaction first takes a lock per document id,
      // held to its end, always in the same order (so no two wait on each other: no
      // deadlock); a second writer of a document waits for the first to commit, then its
      // DELETE sees and replaces that version (no duplicate key, no lost batch). SQLite
      // has one writer at a time anyway.
      let keys = Set(documents.map { Int64(bitPattern: FeatureHashing.hash($0.id)) }).sorted()
      statements.append(
        SQLStatement(
          "SELECT COUNT(pg_advisory_xact_lock(k)) FROM unnest(ARRAY[\(keys.map(String.init).joined(separator: ","))]::BIGINT[]) AS k",
          []))
    }
    for start in stride(from: 0, to: ids.count, by: 500) {
      let slice = Array(ids[start..<min(start + 500, ids.count)])
      let marks = Array(repeating: "?", count: slice.count).joined(separator: ",")
      statements.append(SQLStatement("DELETE FROM documents WHERE id IN (\(marks))", slice))
    }
    let (t, i, b) = ("", "INTEGER", "BOOLEAN")
    func table(_ name: String, _ columns: String, _ types: [String], _ rows: [[SQLValue]])
      -> BulkInsert
    {
      BulkInsert(
        table: name,
        columns: columns.split(separator: ",").map {
          $0.trimmingCharacters(in: .whitespacesAndNewlines)
        },
        types: types, rows: rows)
    }
    let inserts = [
      table(
        "documents", "id, date, source, url, title, text, content_hash, run_id, coded_at",
        [t, t, t, t, t, t, t, "BIGINT", t], documentRows),
      table(
        "sentences", "document_id, idx, start_offset, end_offset, text, dateline",
        [t, i, i, i, t, b], sentenceRows),
      table(
        "mentions",
        """
        document_id, idx, sentence, start_offset, end_offset, text, type, code, country,
        canonical, resolved_from, role, affiliation, \(Schema.locationColumns)
        """, [t, i, i, i, i, t, t, t, t, t, t, t, i] + Schema.locationTypes, mentionRows),
      table("events", Schema.eventTableColumns, Schema.eventTypes, eventRows),
      table(
        "quotes",
        """
        document_id, idx, sentence, speaker_start, speaker_end, speaker_text, speaker_code,
        speaker_country, speaker_canonical, speaker_affiliation, cue, content_start, content_end,
        content_text, kind
        """, [t, i, i, i, i, t, t, t, t, t, t, i, i, t, t], quoteRows),
      table(
        "agreements",
        """
        document_id, idx, sentence, name, obligations, cow_type, date, date_text, status,
        replaces, replaced_by, evidence_start, evidence_end, evidence_text
        """, [t, i, i, t, t, t, t, t, t, i, i, i, i, t], agreementRows),
      table(
        "agreement_parties",
        "document_id, agreement, idx, code, country, start_offset, end_offset, text",
        [t, i, i, t, t, i, i, t], partyRows),
      table(
        "agreement_references", "document_id, agreement, idx, start_offset, end_offset, text",
        [t, i, i, i, i, t], referenceRows),
      table(
        "relations",
        """
        document_id, idx, sentence, kind, source_code, source_country, source_text,
        source_start, source_end, target_code, target_country, target_text, target_start,
        target_end, evidence_start, evidence_end, evidence_text
        """, [t, i, i, t, t, t, t, i, i, t, t, t, i, i, i, i, t], relationRows),
    ]
    try backend.write(statements, inserting: inserts.filter { !$0.rows.isEmpty })
  }

  // MARK: Reading

  /// The stored document with `id`, as it was coded, or `nil`.
  public func document(id: String) throws(StoreError) -> CodedDocument? {
    let rows = try backend.rows(
      SQLStatement(
        "SELECT id, date, title, url, source, text, content_hash FROM documents WHERE id = ?",
        [.text(id)]), columns: 7)
    guard let row = rows.first else { return nil }
    var coded = CodedDocument(
      id: row[0].text ?? id, date: row[1].text, title: row[2].text, url: row[3].text,
      source: row[4].text, text: row[5].text ?? "", sentences: [], mentions: [], events: [])
    coded.contentHash = row[6].text ?? ""
    coded.sentences = try backend.rows(
      SQLStatement(
        """
        SELECT start_offset, end_offset, text, dateline FROM sentences
        WHERE document_id = ? ORDER BY idx
        """, [.text(id)]), columns: 4
    ).map { row in
      CodedDocument.Sentence(
        span: .init(start: row[0].integer ?? 0, end: row[1].integer ?? 0, text: row[2].text ?? ""),
        dateline: row[3].integer == 1)
    }
    coded.mentions = try backend.rows(
      SQLStatement(
        """
        SELECT sentence, start_offset, end_offset, text, type, code, country, canonical,
          resolved_from, role, affiliation, \(Schema.locationColumns)
        FROM mentions WHERE document_id = ? ORDER BY idx
        """, [.text(id)]), columns: 19
    ).map { row in
      CodedDocument.Mention(
        sentence: row[0].integer ?? 0,
        span: .init(start: row[1].integer ?? 0, end: row[2].integer ?? 0, text: row[3].text ?? ""),
        type: row[4].member(of: MentionType.self) ?? .actor, code: row[5].code(ActorCode.self),
        country: row[6].code(CountryCode.self),
        canonical: row[7].text ?? "", resolvedFrom: row[8].member(of: MentionResolution.self),
        role: row[9].text,
        affiliation: row[10].integer, location: Schema.location(row, at: 11))
    }
    coded.events = try backend.rows(
      SQLStatement(
        "SELECT \(Schema.eventColumns) FROM events WHERE document_id = ? ORDER BY idx",
        [.text(id)]), columns: Schema.eventColumnCount
    ).map(Schema.event)
    try loadQuotes(into: &coded)
    try loadAgreements(into: &coded)
    try loadRelations(into: &coded)
    return coded
  }

  private func loadQuotes(into coded: inout CodedDocument) throws(StoreError) {
    coded.quotes = try backend.rows(
      SQLStatement(
        """
        SELECT sentence, speaker_start, speaker_end, speaker_text, speaker_code, speaker_country,
          speaker_canonical, speaker_affiliation, cue, content_start, content_end, content_text,
          kind
        FROM quotes WHERE document_id = ? ORDER BY idx
        """, [.text(coded.id)]), columns: 13
    ).map { row in
      var speaker: CodedDocument.Speaker?
      if row[1].integer != nil {
        speaker = .init(
          span: Self.span(row, 1), code: row[4].code(ActorCode.self),
          country: row[5].code(CountryCode.self),
          canonical: row[6].text, affiliation: row[7].text)
      }
      return CodedDocument.CodedQuote(
        sentence: row[0].integer ?? 0, speaker: speaker, cue: row[8].text,
        content: Self.span(row, 9), kind: row[12].member(of: QuoteKind.self) ?? .indirect)
    }
  }

  private func loadAgreements(into coded: inout CodedDocument) throws(StoreError) {
    let id = SQLValue.text(coded.id)
    var parties: [Int: [CodedDocument.Actor]] = [:]
    for row in try backend.rows(
      SQLStatement(
        """
        SELECT agreement, code, country, text, start_offset, end_offset FROM agreement_parties
        WHERE document_id = ? ORDER BY agreement, idx
        """, [id]), columns: 6)
    {
      parties[row[0].integer ?? 0, default: []].append(Self.actor(row, code: 1))
    }
    var references: [Int: [CodedDocument.Span]] = [:]
    for row in try backend.rows(
      SQLStatement(
        """
        SELECT agreement, start_offset, end_offset, text FROM agreement_references
        WHERE document_id = ? ORDER BY agreement, idx
        """, [id]), columns: 4)
    {
      references[row[0].integer ?? 0, default: []].append(Self.span(row, 1))
    }
    coded.agreements = try backend.rows(
      SQLStatement(
        """
        SELECT idx, sentence, name, obligations, cow_type, date, date_text, status, replaces,
          replaced_by, evidence_start, evidence_end, evidence_text
        FROM agreements WHERE document_id = ? ORDER BY idx
        """, [id]), columns: 13
    ).map { row in
      let index = row[0].integer ?? 0
      return CodedDocument.CodedAgreement(
        sentence: row[1].integer ?? 0, name: row[2].text, parties: parties[index] ?? [],
        obligations: (row[3].text ?? "").split(separator: ",").compactMap {
          Obligation(rawValue: String($0))
        },
        cowType: row[4].text, date: row[5].text, dateText: row[6].text,
        status: row[7].member(of: AgreementStatus.self),
        replaces: row[8].integer, replacedBy: row[9].integer, evidence: Self.span(row, 10),
        references: references[index] ?? [])
    }
  }

  private func loadRelations(into coded: inout CodedDocument) throws(StoreError) {
    coded.relations = try backend.rows(
      SQLStatement(
        """
        SELECT sentence, kind, source_code, source_country, source_text, source_start,
          source_end, target_code, target_country, target_text, target_start, target_end,
          evidence_start, evidence_end, evidence_text
        FROM relations WHERE document_id = ? ORDER BY idx
        """, [.text(coded.id)]), columns: 15
    ).map { row in
      CodedDocument.CodedRelation(
        sentence: row[0].integer ?? 0, source: Self.actor(row, code: 2),
        target: Self.actor(row, code: 7), kind: row[1].member(of: RelationKind.self) ?? .partner,
        evidence: Self.span(row, 12))
    }
  }

  /// A span read from three columns: start, end and text.
  private static func span(_ row: [Cell], _ column: Int) -> CodedDocument.Span {
    .init(
      start: row[column].integer ?? 0, end: row[column + 1].integer ?? 0,
      text: row[column + 2].text ?? "")
  }

  /// An actor read from five columns: code, country, text, start and end.
  private static func actor(_ row: [Cell], code column: Int) -> CodedDocument.Actor {
    .init(
      code: ActorCode(rawValue: row[column].text ?? ""),
      country: row[column + 1].code(CountryCode.self),
      span: .init(
        start: row[column + 3].integer ?? 0, end: row[column + 4].integer ?? 0,
        text: row[column + 2].text ?? ""))
  }

  /// The number of stored documents and events.
  public func counts() throws(StoreError) -> (documents: Int, events: Int) {
    let rows = try backend.rows(
      SQLStatement("SELECT (SELECT COUNT(*) FROM documents), (SELECT COUNT(*) FROM events)"),
      columns: 2)
    return (rows.first?[0].integer ?? 0, rows.first?[1].integer ?? 0)
  }

  /// The ids of the stored documents, in id order, with the run that coded each.
  public func documentIDs() throws(StoreError) -> [(id: String, run: Int64?)] {
    try backend.rows(SQLStatement("SELECT id, run_id FROM documents ORDER BY id"), columns: 2).map {
      row in (id: row[0].text ?? "", run: row[1].integer.map(Int64.init))
    }
  }

  /// The provenance of a run.
  public func provenance(ofRun run: Int64) throws(StoreError) -> Provenance? {
    try backend.rows(
      SQLStatement(
        "SELECT version, models, lexicon, dictionaries FROM runs WHERE id = ?", [.int(Int(run))]),
      columns: 4
    ).first.map { row in
      Provenance(
        version: row[0].text ?? "", models: row[1].text ?? "", lexicon: row[2].text ?? "",
        dictionaries: row[3].text ?? "")
    }
  }
}
