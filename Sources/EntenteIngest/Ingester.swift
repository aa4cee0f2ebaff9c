public import EntenteCoding
public import EntenteIO
import EntenteNLP
public import EntenteStore
import Foundation

/// What an ingest did.
public struct IngestSummary: Sendable, Equatable {
  /// Documents read from the inputs.
  public var read = 0
  /// Documents coded and stored (new, changed or recoded).
  public var stored = 0
  /// Documents already stored with the same content, skipped.
  public var unchanged = 0
  /// Stored documents replaced by a changed version or a recode.
  public var replaced = 0
  /// Documents whose id an earlier document of the same input had: the later one is kept.
  public var duplicates = 0
  /// Documents read but left to the other shards (``Ingester/shard``).
  public var otherShards = 0
  /// Inputs that could not be read.
  public var rejected = 0
  /// Warnings while reading.
  public var warnings = 0
  /// Events stored.
  public var events = 0
  /// UTF-8 bytes of the documents coded.
  public var bytes = 0
  /// Seconds spent coding (wall time of the parallel coding of batches).
  public var codingSeconds = 0.0
  /// Seconds spent writing to the store (on a thread of its own, alongside the coding).
  public var storingSeconds = 0.0
  /// Seconds the ingest spent on the store: checking what is stored, and waiting for the
  /// writing of a batch to end (batches are written while the next is coded).
  public var waitingSeconds = 0.0

  /// Creates an empty summary.
  public init() {}
}

/// Progress of an ingest, reported as each document is coded (or found unchanged) and after
/// each batch is handed to the store.
public struct IngestProgress: Sendable {
  /// The summary as of the last batch handed to the store.
  public var summary: IngestSummary
  /// Documents done (coded, or skipped as unchanged), one at a time.
  ///
  /// It counts the documents of the batch being coded too.
  public var done: Int
  /// Seconds since the start.
  public var seconds: Double
  /// Input bytes read so far and in all, when the inputs are files (for an estimate of the
  /// time left).
  public var bytesRead: Int
  /// All input bytes, or 0 when unknown (standard input).
  public var bytesTotal: Int
}

/// Codes documents and stores them.
///
/// Documents are read in order, coded in parallel batches and written in order, one
/// transaction per batch. A document already stored with the same id and content
/// is skipped, so a run that was killed finishes the job when it is run again.
public struct Ingester: Sendable {
  /// The coder.
  public let coder: DocumentCoder
  /// The store.
  public let store: EventStore
  /// Documents per batch (and per transaction).
  public var batchSize = 256
  /// The most text (UTF-8 bytes) a batch holds before it is written, whatever its number of
  /// documents: what bounds memory when documents are long.
  public var batchBytes = 4 << 20
  /// Threads that code at once.
  public var jobs = 2
  /// The part of the input this ingest stores, when several processes (on one machine or
  /// several) share one input and one store; nil: all of it.
  public var shard: Shard?

  /// Creates an ingester.
  public init(coder: DocumentCoder, store: EventStore) {
    self.coder = coder
    self.store = store
  }

  /// Reads, codes and stores every document of `paths`.
  ///
  /// - Parameters:
  ///   - paths: Files, directories, or `-` (none: standard input).
  ///   - reading: How to read them.
  ///   - provenance: What codes them, recorded with the run.
  ///   - progress: Called as each document is done and after each batch, one call at a
  ///     time (from the coding threads too).
  ///   - diagnostics: Receives error and warning lines.
  /// - Throws: ``StoreError`` when the store fails (what was written before stays).
  public func ingest(
    paths: [String], reading: DocumentReader.Options, provenance: Provenance,
    progress: @escaping (IngestProgress) -> Void = { _ in }, diagnostics: (String) -> Void
  ) throws(StoreError) -> IngestSummary {
    let run = try store.beginRun(provenance)
    let clock = ContinuousClock()
    let start = clock.now
    let total = Self.inputBytes(paths)
    var summary = IngestSummary()
    var reader = DocumentReader(paths: paths, options: reading)
    var batch: [InputDocument] = []
    var batchText = 0
    var bytesRead = 0
    let writer = BatchWriter(store: store, run: run)
    // The ids read so far, as 64-bit hashes (a million ids cost some 30 MB, not their text).
    var seen = Set<Int>()
    let reporter = ProgressReporter(progress)
    func flush() throws(StoreError) {
      let bytes = bytesRead
      let report: @Sendable (IngestSummary, Int) -> Void = { summary, done in
        reporter.report(
          IngestProgress(
            summary: summary, done: done, seconds: (clock.now - start).inSeconds,
            bytesRead: bytes, bytesTotal: total))
      }
      try store(batch, writer: writer, summary: &summary, done: report)
      batch.removeAll(keepingCapacity: true)
      batchText = 0
      report(summary, summary.stored + summary.unchanged)
    }
    while let item = reader.next() {
      switch item {
      case .failure(let error):
        summary.rejected += 1
        diagnostics("error: \(error)")
      case .document(let input, let warnings):
        for warning in warnings { diagnostics("warning: \(warning)") }
        summary.warnings += warnings.count
        summary.read += 1
        bytesRead += input.text.utf8.count
        if let shard, !shard.contains(input.id) {
          summary.otherShards += 1
          continue
        }
        if !seen.insert(input.id.hashValue).inserted {
          summary.duplicates += 1
          diagnostics(
            "warning: \(input.origin): id \"\(input.id)\" given again: this document replaces the one read before"
          )
        }
        batchText += input.text.utf8.count
        batch.append(input)
        if batch.count >= batchSize || batchText >= batchBytes { try flush() }
      }
    }
    if !batch.isEmpty { try flush() }
    let waiting = clock.now
    try writer.finish()
    summary.waitingSeconds += (clock.now - waiting).inSeconds
    summary.storingSeconds = writer.seconds
    return summary
  }

  /// Stores documents given in memory (the body of an HTTP request) as ``ingest(paths:reading:provenance:progress:diagnostics:)``
  /// stores a file's: a document stored with the same content is skipped, a changed one
  /// replaced.
  ///
  /// - Parameters:
  ///   - documents: The documents.
  ///   - run: The run they belong to (``EventStore/beginRun(_:)``).
  /// - Throws: ``StoreError`` when the store fails (the batches written before stay).
  public func ingest(_ documents: [InputDocument], run: Int64) throws(StoreError) -> IngestSummary {
    var summary = IngestSummary()
    summary.read = documents.count
    summary.duplicates = documents.count - Set(documents.map(\.id)).count
    let writer = BatchWriter(store: store, run: run)
    for start in stride(from: 0, to: documents.count, by: max(1, batchSize)) {
      let batch = Array(documents[start..<min(start + max(1, batchSize), documents.count)])
      try store(batch, writer: writer, summary: &summary)
    }
    try writer.finish()
    summary.storingSeconds = writer.seconds
    return summary
  }

  /// Recodes stored documents with the current coder, in batches.
  ///
  /// - Parameter all: Recode every document; otherwise only those coded with another
  ///   provenance than `provenance`.
  public func recode(
    provenance: Provenance, all: Bool, progress: @escaping (IngestProgress) -> Void = { _ in }
  ) throws(StoreError) -> IngestSummary {
    let reporter = ProgressReporter(progress)
    let run = try store.beginRun(provenance)
    let clock = ContinuousClock()
    let start = clock.now
    var summary = IngestSummary()
    var runs: [Int64: Provenance?] = [:]
    var ids: [String] = []
    for (id, documentRun) in try store.documentIDs() {
      if let shard, !shard.contains(id) {
        summary.otherShards += 1
        continue
      }
      if !all, let documentRun {
        if runs[documentRun] == nil { runs[documentRun] = try store.provenance(ofRun: documentRun) }
        if runs[documentRun] == provenance { continue }
      }
      ids.append(id)
    }
    for first in stride(from: 0, to: ids.count, by: batchSize) {
      var inputs: [InputDocument] = []
      for id in ids[first..<min(first + batchSize, ids.count)] {
        guard let stored = try store.document(id: id) else { continue }
        inputs.append(
          InputDocument(
            id: stored.id, date: stored.date, text: stored.text, title: stored.title,
            url: stored.url, source: stored.source, origin: "store"))
      }
      summary.read += inputs.count
      let before = summary
      let (offset, total) = (first, ids.count)
      let coded = code(inputs) { count in
        reporter.report(
          IngestProgress(
            summary: before, done: before.stored + count, seconds: (clock.now - start).inSeconds,
            bytesRead: offset + count, bytesTotal: total))
      }
      try store.save(coded, run: run)
      summary.stored += coded.count
      summary.replaced += coded.count
      summary.events += coded.reduce(0) { $0 + $1.events.count }
      summary.bytes += inputs.reduce(0) { $0 + $1.text.utf8.count }
      reporter.report(
        IngestProgress(
          summary: summary, done: summary.stored, seconds: (clock.now - start).inSeconds,
          bytesRead: first + inputs.count, bytesTotal: ids.count))
    }
    return summary
  }

  /// Codes and stores one batch, skipping what is stored already.
  ///
  /// - Parameter done: Called with the summary before this batch's coding and the documents
  ///   done so far, as each document is coded.
  private func store(
    _ batch: [InputDocument], writer: BatchWriter, summary: inout IngestSummary,
    done: @escaping @Sendable (IngestSummary, Int) -> Void = { _, _ in }
  ) throws(StoreError) {
    // A document given twice in a batch: the later one is the one kept.
    var last: [String: Int] = [:]
    for (index, input) in batch.enumerated() { last[input.id] = index }
    let unique = batch.enumerated().filter { last[$0.element.id] == $0.offset }.map(\.element)
    let clock = ContinuousClock()
    let checking = clock.now
    // A document also in the batch being written is checked once that batch is stored.
    if writer.isWriting(any: unique.map(\.id)) { try writer.finish() }
    let stored = try store.storedHashes(of: unique.map(\.id))
    summary.waitingSeconds += (clock.now - checking).inSeconds
    var fresh: [InputDocument] = []
    for input in unique {
      if let hash = stored[input.id] {
        if hash == CodedDocument.hash(of: input) {
          summary.unchanged += 1
          continue
        }
        summary.replaced += 1
      }
      fresh.append(input)
    }
    let coding = clock.now
    let before = summary
    let coded = code(fresh) { done(before, before.stored + before.unchanged + $0) }
    let writing = clock.now
    summary.codingSeconds += (writing - coding).inSeconds
    try writer.write(coded)
    summary.waitingSeconds += (clock.now - writing).inSeconds
    summary.stored += coded.count
    summary.events += coded.reduce(0) { $0 + $1.events.count }
    summary.bytes += fresh.reduce(0) { $0 + $1.text.utf8.count }
  }

  /// Codes documents on `jobs` threads; the results keep the inputs' order.
  func code(_ inputs: [InputDocument], done: @escaping @Sendable (Int) -> Void = { _ in })
    -> [CodedDocument]
  {
    Self.code(inputs, coder: coder, jobs: jobs, done: done)
  }

  /// Codes documents with `coder` on `jobs` threads, as an ingest does, storing nothing; the
  /// results keep the inputs' order.
  ///
  /// - Parameter done: Called with the number of documents coded so far as each is coded,
  ///   on the thread that coded it.
  public static func code(
    _ inputs: [InputDocument], coder: DocumentCoder, jobs: Int,
    done: @escaping @Sendable (Int) -> Void = { _ in }
  ) -> [CodedDocument] {
    let results = Results(count: inputs.count)
    // Each thread takes the next document when it is done with one, so that long and short
    // documents even out and no thread waits long at the end of a batch.
    let work: @Sendable (Int) -> Void = { _ in
      while let index = results.claim() {
        done(results.set(index, coder.code(inputs[index])))
      }
    }
    if inputs.count > 1 && jobs > 1 {
      DispatchQueue.concurrentPerform(iterations: min(jobs, inputs.count), execute: work)
    } else {
      work(0)
    }
    return results.values()
  }

  /// The bytes of the input files (directories walked for `*.txt` and `*.jsonl`), or 0 when
  /// standard input is among them.
  static func inputBytes(_ paths: [String]) -> Int {
    guard !paths.isEmpty, !paths.contains("-") else { return 0 }
    var total = 0
    let manager = FileManager.default
    for path in paths {
      var isDirectory: ObjCBool = false
      guard manager.fileExists(atPath: path, isDirectory: &isDirectory) else { continue }
      if isDirectory.boolValue {
        let files = manager.enumerator(atPath: path)?.compactMap { $0 as? String } ?? []
        for file in files where file.hasSuffix(".txt") || file.hasSuffix(".jsonl") {
          let full = (path as NSString).appendingPathComponent(file)
          total += (try? manager.attributesOfItem(atPath: full)[.size] as? Int) ?? 0
        }
      } else {
        total += (try? manager.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
      }
    }
    return total
  }
}

/// One of `count` parts of an input, by a stable hash of each document's id: processes given
/// the parts 1 to N of the same input store every document once between them, with no
/// coordination but the store's.
public struct Shard: Sendable, Equatable, CustomStringConvertible {
  /// The part, from 0.
  public let index: Int
  /// The number of parts.
  public let count: Int

  /// Reads `K/N`, 1 <= K <= N (the part K of N, counted from 1 as people do).
  public init?(_ text: String) {
    let parts = text.split(separator: "/", omittingEmptySubsequences: false)
    guard parts.count == 2, let part = Int(parts[0]), let count = Int(parts[1]), count >= 1,
      (1...count).contains(part)
    else { return nil }
    index = part - 1
    self.count = count
  }

  /// Whether the document with this id is in this part.
  public func contains(_ id: String) -> Bool {
    // FNV-1a of the id's UTF-8 bytes: the same on every machine and in every run (Swift's
    // own `hashValue` is seeded per process).
    Int(FeatureHashing.hash(id) % UInt64(count)) == index
  }

  public var description: String { "\(index + 1)/\(count)" }
}

/// Writes batches to the store on a thread of its own, in order, one at a time, while the
/// ingest codes the next: a batch handed over waits for the one before to be written.
private final class BatchWriter: @unchecked Sendable {
  private let store: EventStore
  private let run: Int64
  private let queue = DispatchQueue(label: "entente.ingest.writer")
  /// Held while a batch is being written.
  private let slot = DispatchSemaphore(value: 1)
  private let lock = NSLock()
  private var failure: StoreError?
  private var writing: Set<String> = []
  private var total = 0.0

  init(store: EventStore, run: Int64) {
    self.store = store
    self.run = run
  }

  /// Seconds spent writing.
  var seconds: Double { lock.withLock { total } }

  /// Whether a batch being written holds one of `ids`.
  func isWriting(any ids: [String]) -> Bool {
    lock.withLock { !writing.isEmpty && ids.contains(where: writing.contains) }
  }

  /// Hands over a batch once the one before is written.
  ///
  /// - Throws: The failure of an earlier batch, if any: nothing more is written after it.
  func write(_ documents: [CodedDocument]) throws(StoreError) {
    slot.wait()
    if let failure = lock.withLock({ failure }) {
      slot.signal()
      throw failure
    }
    lock.withLock { writing = Set(documents.map(\.id)) }
    queue.async { [self] in
      let clock = ContinuousClock()
      let start = clock.now
      do throws(StoreError) {
        try store.save(documents, run: run)
      } catch {
        lock.withLock { failure = error }
      }
      let elapsed = clock.now - start
      lock.withLock {
        total += elapsed.inSeconds
        writing = []
      }
      slot.signal()
    }
  }

  /// Waits for the last batch to be written.
  ///
  /// - Throws: The failure of a batch, if any.
  func finish() throws(StoreError) {
    slot.wait()
    slot.signal()
    if let failure = lock.withLock({ failure }) { throw failure }
  }
}

/// Slots for results written by several threads, each slot by one.
private final class Results: @unchecked Sendable {
  private var slots: [CodedDocument?]
  private let lock = NSLock()

  private var claimed = 0
  private var filled = 0

  init(count: Int) { slots = Array(repeating: nil, count: count) }

  /// The next slot no thread has taken, if any.
  func claim() -> Int? {
    lock.lock()
    defer { lock.unlock() }
    guard claimed < slots.count else { return nil }
    claimed += 1
    return claimed - 1
  }

  /// Fills a slot; returns the number of slots filled.
  func set(_ index: Int, _ value: CodedDocument) -> Int {
    lock.lock()
    defer { lock.unlock() }
    slots[index] = value
    filled += 1
    return filled
  }

  func values() -> [CodedDocument] {
    lock.lock()
    defer { lock.unlock() }
    return slots.compactMap { $0 }
  }
}

/// Hands progress to a caller's closure one call at a time, from whichever thread reports it:
/// the closure (which may keep state, such as when it last printed) never runs on two
/// threads at once, and never goes backwards (a thread that coded the 3rd document may report
/// after the one that coded the 4th).
private final class ProgressReporter: @unchecked Sendable {
  private let lock = NSLock()
  private let progress: (IngestProgress) -> Void
  private var done = 0

  init(_ progress: @escaping (IngestProgress) -> Void) { self.progress = progress }

  func report(_ value: IngestProgress) {
    lock.withLock {
      guard value.done >= done else { return }
      done = value.done
      progress(value)
    }
  }
}
