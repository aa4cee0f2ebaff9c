import EntenteCoding
import EntenteIngest
import EntenteStore
import Foundation
import GRDB
import Testing

/// The shipped coder, built once.
let runner = try? DocumentCoder()

let provenance = Provenance(
  version: "test", models: "shipped", lexicon: "entente events.tsv", dictionaries: "knowledge base")

@Suite("Event store")
struct StoreTests {
  /// A document with every field set, null and not.
  static let full = CodedDocument(
    id: "full-1", date: "2024-06-19", title: "A\ttitle \\N with \\ and\r\nlines",
    url: "https://example.org/1",
    source: "Wire", text: "Ünïcode text here.",
    sentences: [.init(span: .init(start: 0, end: 18, text: "Ünïcode text here."), dateline: true)],
    mentions: [
      .init(
        sentence: 0, span: .init(start: 0, end: 7, text: "Ünïcode"), type: .person,
        code: "RUSGOV", country: "RUS", canonical: "Unicode", resolvedFrom: .coreference,
        role: "President", affiliation: 1),
      .init(
        sentence: 0, span: .init(start: 8, end: 12, text: "text"), type: .organisation,
        code: nil, country: nil, canonical: "Text"),
    ],
    events: [
      .init(
        sentence: 0, code: "057", root: "05", label: "Sign formal agreement", plover: "AGREE",
        goldstein: 8.0, quadClass: .verbalCooperation,
        source: .init(code: "RUS", country: "RUS", span: .init(start: 0, end: 7, text: "Ünïcode")),
        target: .init(code: "PRK", country: nil, span: .init(start: 8, end: 12, text: "text")),
        mode: .asserted, date: "1961", dateText: "in 1961",
        evidence: .init(start: 0, end: 17, text: "Ünïcode text here"), coder: "entente x:1"),
      .init(
        sentence: 0, code: "1717", root: "17", label: nil, plover: nil, goldstein: 0,
        quadClass: nil,
        source: .init(code: "---GOV", country: nil, span: .init(start: 0, end: 7, text: "Ünïcode")),
        target: nil, mode: .denied, date: nil, dateText: nil,
        evidence: .init(start: 8, end: 12, text: "text"), coder: "PETR x:2"),
    ],
    quotes: [
      .init(
        sentence: 0,
        speaker: .init(
          span: .init(start: 0, end: 7, text: "Ünïcode"), code: "USAEDU", country: "USA",
          canonical: "Unicode", affiliation: "Text"),
        cue: "said", content: .init(start: 8, end: 17, text: "text here"), kind: .direct),
      .init(
        sentence: 0,
        speaker: .init(
          span: .init(start: 8, end: 12, text: "text"), code: nil, country: nil, canonical: nil,
          affiliation: nil),
        cue: nil, content: .init(start: 0, end: 7, text: "Ünïcode"), kind: .mixed),
      .init(
        sentence: 0, speaker: nil, cue: nil, content: .init(start: 0, end: 4, text: "Ünïc"),
        kind: .indirect),
    ],
    agreements: [
      .init(
        sentence: 0, name: "Treaty of Text", parties: [],
        obligations: [], cowType: nil, date: nil, dateText: nil, status: nil, replaces: nil,
        replacedBy: 1, evidence: .init(start: 8, end: 12, text: "text"), references: []),
      .init(
        sentence: 0, name: nil,
        parties: [
          .init(code: "RUS", country: "RUS", span: .init(start: 0, end: 7, text: "Ünïcode")),
          .init(code: "PRK", country: nil, span: .init(start: 8, end: 12, text: "text")),
        ],
        obligations: [.defence, .consultation], cowType: "I", date: "2024-06-19",
        dateText: "on Wednesday", status: .signed, replaces: 0, replacedBy: nil,
        evidence: .init(start: 0, end: 12, text: "Ünïcode text"),
        references: [
          .init(start: 8, end: 12, text: "text"), .init(start: 13, end: 17, text: "here"),
        ]),
    ],
    relations: [
      .init(
        sentence: 0,
        source: .init(code: "CHN", country: "CHN", span: .init(start: 0, end: 7, text: "Ünïcode")),
        target: .init(code: "PRK", country: nil, span: .init(start: 8, end: 12, text: "text")),
        kind: .ally, evidence: .init(start: 0, end: 12, text: "Ünïcode text"))
    ])

  /// A text written for this test, with a quote, agreements and a relation.
  static let pact = InputDocument(
    id: "pact-1", date: "2024-06-19",
    text: """
      Russia and North Korea signed a mutual defence pact on Wednesday. The pact replaces a \
      treaty signed in 1961. "We will defend each other," Kim Jong Un said. China, North \
      Korea's main ally, did not comment on the pact.
      """, origin: "test")

  @Test("every field survives a round trip, coded or written by hand", arguments: TestStores.kinds)
  func roundTrip(kind: String) throws {
    let store = try EventStore(TestStores.location(kind))
    let run = try store.beginRun(provenance)
    let coder = try #require(runner)
    let coded = coder.code(Corpus.document(5))
    #expect(!coded.events.isEmpty && !coded.mentions.isEmpty)
    let pact = coder.code(Self.pact)
    #expect(pact.quotes.count == 1 && pact.relations.count == 1)
    #expect(pact.agreements.first?.parties.map(\.code) == ["RUS", "PRK"])
    #expect(pact.agreements.first?.references.map(\.text) == ["The pact"])
    try store.save([Self.full, coded, pact], run: run)
    #expect(try store.document(id: "full-1") == Self.full)
    #expect(try store.document(id: coded.id) == coded)
    #expect(try store.document(id: pact.id) == pact)
    #expect(try store.document(id: "absent") == nil)
    #expect(try store.provenance(ofRun: run) == provenance)
    // Stored again, the same document replaces itself.
    try store.save([Self.full], run: run)
    #expect(try store.counts().documents == 3)
    #expect(try store.document(id: "full-1") == Self.full)
    // A batch of more rows than one statement takes (500) is written whole.
    var long = Self.full
    long.id = "long-1"
    long.mentions = Array(repeating: Self.full.mentions[1], count: 1_234)
    long.events = Array(repeating: Self.full.events[0], count: 777)
    try store.save([long], run: run)
    #expect(try store.document(id: "long-1") == long)
  }

  @Test(
    "ingest is idempotent; a changed document is replaced; recode recodes",
    arguments: TestStores.kinds)
  func idempotent(kind: String) throws {
    let directory = try Corpus.temporaryDirectory()
    let file = try Corpus.write(0..<20, to: directory)
    let coder = try #require(runner)
    let store = try EventStore(TestStores.location(kind))
    var ingester = Ingester(coder: coder, store: store)
    ingester.batchSize = 6
    ingester.jobs = 2
    var lines: [String] = []
    let first = try ingester.ingest(
      paths: [file], reading: .init(), provenance: provenance, diagnostics: { lines.append($0) })
    #expect(lines.isEmpty)
    #expect(first.read == 20 && first.stored == 20 && first.unchanged == 0)
    let expectedEvents = (0..<20).reduce(0) { $0 + coder.code(Corpus.document($1)).events.count }
    #expect(first.events == expectedEvents)
    #expect(try store.counts() == (20, expectedEvents))
    let second = try ingester.ingest(
      paths: [file], reading: .init(), provenance: provenance, diagnostics: { _ in })
    #expect(second.stored == 0 && second.unchanged == 20)
    #expect(try store.counts() == (20, expectedEvents))
    // One document changes its text: only it is coded again.
    var changed = Corpus.document(3)
    changed.text = "Russia praised China."
    let changedFile = directory.appendingPathComponent("changed.jsonl").path
    try #"{"id": "doc-3", "date": "\#(changed.date ?? "")", "text": "Russia praised China."}"#
      .write(toFile: changedFile, atomically: true, encoding: .utf8)
    let third = try ingester.ingest(
      paths: [changedFile], reading: .init(), provenance: provenance, diagnostics: { _ in })
    #expect(third.stored == 1 && third.replaced == 1)
    #expect(try store.document(id: "doc-3")?.events.map(\.code) == ["051"])
    #expect(try store.document(id: "doc-3")?.title == nil)
    // Recoding with the same provenance recodes nothing unless asked to recode all.
    #expect(try ingester.recode(provenance: provenance, all: false).stored == 0)
    let all = try ingester.recode(provenance: provenance, all: true)
    #expect(all.stored == 20)
    #expect(try store.counts().documents == 20)
  }

  @Test("a batch ends at its number of documents or its bytes of text, whichever comes first")
  func batchBounds() throws {
    let coder = try #require(runner)
    let directory = try Corpus.temporaryDirectory()
    let file = try Corpus.write(0..<10, to: directory)
    var batches: [Int] = []
    for (size, bytes) in [(4, 1 << 20), (100, 1)] {
      let store = try EventStore(directory.appendingPathComponent("bounds-\(size).sqlite").path)
      var ingester = Ingester(coder: coder, store: store)
      ingester.batchSize = size
      ingester.batchBytes = bytes
      var stored: [Int] = []
      var done: [Int] = []
      let summary = try ingester.ingest(
        paths: [file], reading: .init(), provenance: provenance,
        progress: {
          stored.append($0.summary.stored)
          done.append($0.done)
        },
        diagnostics: { _ in })
      #expect(summary.stored == 10)
      batches.append(Set(stored.filter { $0 > 0 }).count)
      // Progress advances a document at a time, never backwards, whatever the batch.
      #expect(Set(done).isSuperset(of: 1...10), "\(done)")
      #expect(zip(done, done.dropFirst()).allSatisfy { $0 <= $1 }, "\(done)")
    }
    // Four documents a batch: 4, 4, 2; a one-byte cap: one document a batch.
    #expect(batches == [3, 10])
  }

  @Test(
    "parallel coding gives the documents in order, as one thread does",
    arguments: TestStores.kinds)
  func parallelOrder(kind: String) throws {
    let coder = try #require(runner)
    let directory = try Corpus.temporaryDirectory()
    let one = try EventStore(TestStores.location(kind))
    let two = try EventStore(TestStores.location(kind))
    let file = try Corpus.write(0..<12, to: directory)
    var serial = Ingester(coder: coder, store: one)
    serial.jobs = 1
    var parallel = Ingester(coder: coder, store: two)
    parallel.jobs = 2
    parallel.batchSize = 5
    _ = try serial.ingest(paths: [file], reading: .init(), provenance: provenance) { _ in }
    _ = try parallel.ingest(paths: [file], reading: .init(), provenance: provenance) { _ in }
    for index in 0..<12 {
      #expect(try one.document(id: "doc-\(index)") == two.document(id: "doc-\(index)"))
    }
  }

  @Test("a file that is not a database is a clear error")
  func notADatabase() throws {
    let directory = try Corpus.temporaryDirectory()
    let path = directory.appendingPathComponent("text.sqlite").path
    try String(repeating: "not a database\n", count: 200).write(
      toFile: path, atomically: true, encoding: .utf8)
    #expect {
      try EventStore(path)
    } throws: { error in
      "\(error)".contains("cannot open the event store")
    }
  }

  @Test("a database of something else is refused at once and left as it was")
  func foreignSchema() throws {
    let directory = try Corpus.temporaryDirectory()
    let path = directory.appendingPathComponent("other.sqlite").path
    try DatabaseQueue(path: path).write { db in
      try db.execute(sql: "CREATE TABLE documents (x TEXT)")
    }
    let before = try Data(contentsOf: URL(fileURLWithPath: path))
    let clock = ContinuousClock()
    let start = clock.now
    #expect {
      try EventStore(path)
    } throws: { error in
      "\(error)".contains("a database of something else")
    }
    // It once waited out 100 retries of "table already exists" (5.7 s).
    #expect(clock.now - start < .seconds(2))
    #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
  }

  @Test("a store opened to read only reads, and writes nothing")
  func readOnly() throws {
    let directory = try Corpus.temporaryDirectory()
    let path = directory.appendingPathComponent("store.sqlite").path
    do {
      let store = try EventStore(path)
      let coder = try DocumentCoder()
      let run = try store.beginRun(
        Provenance(version: "t", models: "m", lexicon: "l", dictionaries: "d"))
      try store.save(
        [
          coder.code(
            InputDocument(id: "a", date: "2024-06-01", text: "Chile praised Peru.", origin: "t"))
        ],
        run: run)
    }
    let reader = try EventStore(path, readOnly: true)
    #expect(try reader.document(id: "a") != nil)
    #expect(throws: StoreError.self) {
      _ = try reader.beginRun(
        Provenance(version: "t", models: "m", lexicon: "l", dictionaries: "d"))
    }
  }
}
