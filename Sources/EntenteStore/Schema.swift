import EntenteIO
import GRDB

/// The store's tables (docs/store.md).
///
/// Offsets are Unicode scalar offsets into the text.
enum Schema {
  static let version1 = [
    """
    CREATE TABLE runs (
      id INTEGER PRIMARY KEY,
      started TEXT NOT NULL,
      version TEXT NOT NULL,
      models TEXT NOT NULL,
      lexicon TEXT NOT NULL,
      dictionaries TEXT NOT NULL
    )
    """,
    """
    CREATE TABLE documents (
      id TEXT PRIMARY KEY,
      date TEXT,
      source TEXT,
      url TEXT,
      title TEXT,
      text TEXT NOT NULL,
      content_hash TEXT NOT NULL,
      run_id INTEGER REFERENCES runs(id),
      coded_at TEXT NOT NULL
    )
    """,
    "CREATE INDEX documents_date ON documents(date)",
    """
    CREATE TABLE sentences (
      document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
      idx INTEGER NOT NULL,
      start_offset INTEGER NOT NULL,
      end_offset INTEGER NOT NULL,
      text TEXT NOT NULL,
      dateline BOOLEAN NOT NULL,
      PRIMARY KEY (document_id, idx)
    )
    """,
    """
    CREATE TABLE mentions (
      document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
      idx INTEGER NOT NULL,
      sentence INTEGER NOT NULL,
      start_offset INTEGER NOT NULL,
      end_offset INTEGER NOT NULL,
      text TEXT NOT NULL,
      type TEXT NOT NULL,
      code TEXT,
      country TEXT,
      canonical TEXT NOT NULL,
      resolved_from TEXT,
      role TEXT,
      affiliation INTEGER,
      PRIMARY KEY (document_id, idx)
    )
    """,
    "CREATE INDEX mentions_code ON mentions(code)",
    """
    CREATE TABLE events (
      id INTEGER PRIMARY KEY,
      document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
      idx INTEGER NOT NULL,
      sentence INTEGER NOT NULL,
      code TEXT NOT NULL,
      root TEXT NOT NULL,
      label TEXT,
      plover TEXT,
      goldstein REAL NOT NULL,
      quad_class INTEGER,
      source_code TEXT NOT NULL,
      source_country TEXT,
      source_text TEXT NOT NULL,
      source_start INTEGER NOT NULL,
      source_end INTEGER NOT NULL,
      target_code TEXT,
      target_country TEXT,
      target_text TEXT,
      target_start INTEGER,
      target_end INTEGER,
      mode TEXT NOT NULL,
      date TEXT,
      date_text TEXT,
      day_first TEXT,
      day_last TEXT,
      evidence_start INTEGER NOT NULL,
      evidence_end INTEGER NOT NULL,
      evidence_text TEXT NOT NULL,
      coder TEXT NOT NULL,
      UNIQUE (document_id, idx)
    )
    """,
    "CREATE INDEX events_day ON events(day_first)",
    "CREATE INDEX events_source ON events(source_code)",
    "CREATE INDEX events_target ON events(target_code)",
    "CREATE INDEX events_code ON events(code)",
  ]

  static let insertEvent = """
    INSERT INTO events (document_id, idx, sentence, code, root, label, plover, goldstein,
      quad_class, source_code, source_country, source_text, source_start, source_end,
      target_code, target_country, target_text, target_start, target_end, mode, date, date_text,
      day_first, day_last, evidence_start, evidence_end, evidence_text, coder)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
    """

  static func eventArguments(
    _ event: CodedDocument.CodedEvent, document: CodedDocument, index: Int
  ) -> StatementArguments {
    let days = dayRange(of: event.date ?? document.date)
    let values: [(any DatabaseValueConvertible)?] = [
      document.id, index, event.sentence, event.code, event.root, event.label, event.plover,
      event.goldstein, event.quadClass, event.source.code, event.source.country,
      event.source.span.text, event.source.span.start, event.source.span.end, event.target?.code,
      event.target?.country, event.target?.span.text, event.target?.span.start,
      event.target?.span.end, event.mode, event.date, event.dateText, days?.first, days?.last,
      event.evidence.start, event.evidence.end, event.evidence.text, event.coder,
    ]
    return StatementArguments(values)
  }

  static func event(_ row: Row) -> CodedDocument.CodedEvent {
    var target: CodedDocument.Actor?
    if let code: String = row["target_code"] {
      target = .init(
        code: code, country: row["target_country"],
        span: .init(start: row["target_start"], end: row["target_end"], text: row["target_text"]))
    }
    return CodedDocument.CodedEvent(
      sentence: row["sentence"], code: row["code"], root: row["root"], label: row["label"],
      plover: row["plover"], goldstein: row["goldstein"], quadClass: row["quad_class"],
      source: .init(
        code: row["source_code"], country: row["source_country"],
        span: .init(start: row["source_start"], end: row["source_end"], text: row["source_text"])),
      target: target, mode: row["mode"], date: row["date"], dateText: row["date_text"],
      evidence: .init(
        start: row["evidence_start"], end: row["evidence_end"], text: row["evidence_text"]),
      coder: row["coder"])
  }

  /// The first and last day of a date written `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
  static func dayRange(of date: String?) -> (first: String, last: String)? {
    guard let date else { return nil }
    let parts = date.split(separator: "-")
    guard let year = parts.first.flatMap({ Int($0) }), parts[0].count == 4 else { return nil }
    switch parts.count {
    case 1: return ("\(date)-01-01", "\(date)-12-31")
    case 2:
      guard let month = Int(parts[1]), (1...12).contains(month) else { return nil }
      let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
      let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
      return ("\(date)-01", "\(date)-\(days)")
    default: return (String(date.prefix(10)), String(date.prefix(10)))
    }
  }
}
