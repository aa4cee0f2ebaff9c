import ArgumentParser
import EntenteCoding
import EntenteIO
import EntenteIngest
import EntenteStore
import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// `entente ingest`: code documents and keep them in the event store.
struct Ingest: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Code documents and store them, with their mentions and events, in a database.",
    discussion: """
      Takes the same inputs as `entente code`. Documents are coded in parallel and written in \
      order, one transaction per batch. A document already stored with the same id and \
      content is skipped, so running the same command again after a crash finishes the job \
      with nothing lost and nothing duplicated; a document whose content changed is replaced. \
      --recode codes the stored documents again (after a model or dictionary upgrade). \
      The schema is described in docs/store.md.

      Exit status: 0 when every input was stored, 1 when some input was rejected or the \
      database failed, 2 for a usage error.
      """
  )

  @Argument(help: "Files, directories, or - for standard input.")
  var inputs: [String] = []

  @Option(
    name: .long,
    help: "The database: a SQLite file, or a postgres://user:password@host:port/database URL.")
  var db = "entente.sqlite"

  @Option(name: .long, help: "How to read inputs: auto (by extension), text or jsonl.")
  var input: InputKind = .auto

  @Option(name: .long, help: "The date (YYYY-MM-DD) of plain-text documents.")
  var date: String?

  @Option(name: .long, help: "The largest document accepted, in bytes.")
  var maxDocumentBytes: Int = 256 << 20

  @Option(name: .long, help: "Threads that code documents at once.")
  var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

  @Option(
    name: .long,
    help: "Documents per batch (and per transaction); a batch holds at most 4 MB of text."
  )
  var batchSize: Int = 256

  @Flag(
    name: .long,
    help: ArgumentHelp(
      "Code the stored documents again instead of reading inputs.",
      discussion:
        "Only documents coded with other dictionaries or another version are recoded, unless --all is given."
    ))
  var recode = false

  @Flag(name: .long, help: "With --recode, recode every stored document.")
  var all = false

  @Flag(name: .long, help: "No progress bar, even on a terminal.")
  var quiet = false

  @Option(
    name: .long,
    help: ArgumentHelp(
      "Store only part K of N of the input (K/N, from 1/N to N/N), by a stable hash of each id.",
      discussion:
        "N processes, on one machine or several, given the same inputs and the same --db with --shard 1/N to N/N store every document once between them."
    ))
  var shard: String?

  @OptionGroup var dictionaries: DictionaryOptions

  func validate() throws {
    if let date, DocumentDate.normalize(date) != date {
      throw ValidationError("--date must be a calendar date written YYYY-MM-DD, not '\(date)'")
    }
    guard jobs >= 1, batchSize >= 1 else {
      throw ValidationError("--jobs and --batch-size must be at least 1")
    }
    if let shard, Shard(shard) == nil {
      throw ValidationError("--shard must be K/N with 1 <= K <= N, such as 2/4, not '\(shard)'")
    }
    if recode && !inputs.isEmpty {
      throw ValidationError("--recode takes no inputs: it recodes the stored documents")
    }
  }

  func run() throws {
    let coder = try dictionaries.coder()
    let provenance = coder.configuration.provenance
    var ingester: Ingester
    do {
      ingester = Ingester(coder: coder, store: try EventStore(db))
    } catch {
      FileHandle.standardError("entente: error: \(error)\n")
      throw ExitCode(1)
    }
    ingester.jobs = jobs
    ingester.batchSize = batchSize
    ingester.shard = shard.flatMap(Shard.init)
    let terminal = !quiet && isatty(STDERR_FILENO) == 1
    var last = ContinuousClock.now
    let report: (IngestProgress) -> Void = { progress in
      guard terminal, ContinuousClock.now - last > .milliseconds(200) else { return }
      last = ContinuousClock.now
      FileHandle.standardError("\r\u{1B}[K" + Self.progressLine(progress, recoding: recode))
    }
    let summary: IngestSummary
    let clock = ContinuousClock()
    let start = clock.now
    do {
      if recode {
        summary = try ingester.recode(provenance: provenance, all: all, progress: report)
      } else {
        summary = try ingester.ingest(
          paths: inputs,
          reading: DocumentReader.Options(
            kind: input, defaultDate: date, maxDocumentBytes: maxDocumentBytes),
          provenance: provenance, progress: report,
          diagnostics: { FileHandle.standardError("entente: \($0)\n") })
      }
    } catch {
      if terminal { FileHandle.standardError("\n") }
      FileHandle.standardError("entente: error: \(error)\n")
      throw ExitCode(1)
    }
    if terminal { FileHandle.standardError("\r\u{1B}[K") }
    do {
      try ingester.store.close()
    } catch {
      FileHandle.standardError("entente: warning: \(error)\n")
    }
    let elapsed = clock.now - start
    let seconds = elapsed.inSeconds
    FileHandle.standardError(
      "entente: \(summary.read) documents read, \(summary.stored) stored (\(summary.replaced) replacing older versions), "
        + "\(summary.unchanged) unchanged, \(summary.duplicates) duplicate ids, \(summary.rejected) rejected, \(summary.events) events"
        + (ingester.shard.map { "; shard \($0): \(summary.otherShards) in other shards" } ?? "")
        + "; "
        + String(
          format: "%.1f s, %.1f documents/s\n", seconds,
          seconds > 0 ? Double(summary.stored) / seconds : 0))
    if summary.rejected > 0 { throw ExitCode(1) }
  }

  /// `1,234 documents, 45.2/s, 0:12 left`.
  static func progressLine(_ progress: IngestProgress, recoding: Bool) -> String {
    let rate = progress.seconds > 0 ? Double(progress.done) / progress.seconds : 0
    var line = String(
      format: "%@ %d documents (%d stored, %d unchanged), %.1f documents/s",
      recoding ? "recoding:" : "ingesting:", progress.done, progress.summary.stored,
      progress.summary.unchanged, rate)
    if progress.bytesTotal > 0 && progress.bytesRead > 0 {
      let left =
        progress.seconds * Double(progress.bytesTotal - progress.bytesRead)
        / Double(progress.bytesRead)
      line += String(format: ", %d:%02d left", Int(left) / 60, Int(left) % 60)
    }
    return line
  }
}
