import ArgumentParser
import EntenteCoding
import EntenteIO
import EntenteIngest
import EntenteNLP
import EntenteStore
import Foundation

/// `entente benchmark`: throughput of the pipeline on a corpus, one core.
struct Benchmark: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Measure pipeline throughput on a directory of text files (one core).",
    discussion: """
      Reads every *.txt file under the corpus directory into memory (decoding as `entente \
      code` does), then runs the pipeline over all of them several times on one thread and \
      reports the best and median rates in MB/s (10^6 bytes of UTF-8 text), words/s (words \
      as `wc -w` counts them) and tokens/s. Build in release mode for meaningful figures: \
      swift run -c release entente benchmark.
      """
  )

  @Option(name: .long, help: "Directory of *.txt files.")
  var corpus: String = Benchmark.defaultCorpus

  @Option(
    name: .long,
    help:
      "The last stage to run: tokens, sentences, tags, parse or events (parse, actor mentions and event coding: the whole of `entente code` but output)."
  )
  var until: PipelineStage = .sentences

  @OptionGroup var models: ModelOptions

  @Option(name: .long, help: "Number of timed passes over the corpus.")
  var repeats: Int = 5

  @Flag(
    name: .long,
    help:
      "Also time actor mention detection and resolution on the tagged documents, and give its share of the pipeline's time (needs --until tags or parse)."
  )
  var mentions = false

  @Flag(
    name: .long,
    help:
      "Instead, time `entente ingest` of the corpus split into paragraphs (lines; one document each) into a new SQLite store, on one and on two threads, and give the store's share of the time; then 1, 2 and 4 `entente ingest --shard K/N` processes sharing one store."
  )
  var ingest = false

  @Option(
    name: .long,
    help:
      "With --ingest, a postgres:// URL to ingest into (a new schema for each pass) instead of SQLite files (needs the PostgreSQL trait)."
  )
  var ingestDb: String?

  @Flag(
    name: .long,
    help:
      "Also time quote, agreement and relation extraction on the parsed documents and their mentions, and give its share of the whole pipeline's time (needs --until events)."
  )
  var quotes = false

  @Flag(
    name: .long,
    help:
      "Also time place resolution and event location on the coded documents, and give its share of the whole pipeline's time, and the gazetteer's loading time (needs --until events)."
  )
  var places = false

  @Option(name: .long, help: "With --ingest, documents per batch (and per transaction).")
  var batchSize = 256

  @Flag(
    name: .long,
    help: ArgumentHelp(
      "Instead, load-test `entente serve`: POST /v1/code of an article from concurrent clients over loopback.",
      discussion:
        "The article is the first --words words of --article, or of the corpus's first file."))
  var serve = false

  @Flag(
    name: .long,
    help: ArgumentHelp(
      "Instead, code pathological inputs (runs of quotes and brackets, one endless line, many short sentences, deep nesting, a long JSON Lines record) at --size and 4 x --size bytes, each in a process of its own, and check that time and peak memory grow at most linearly.",
      discussion:
        "Exit status 1 when one grows faster, or its peak memory exceeds 300 MB plus 20 times its size."
    ))
  var pathological = false

  @Option(name: .long, help: "With --pathological, the smaller size of each input, in bytes.")
  var size = 1 << 20

  @Option(name: .long, help: "With --serve, the number of requests.")
  var requests = 500

  @Option(name: .long, help: "With --serve, the number of concurrent clients.")
  var clients = 8

  @Option(name: .long, help: "With --serve, the words of the article posted.")
  var words = 400

  @Option(name: .long, help: "With --serve, a text file to take the article from.")
  var article: String?

  @Option(name: .long, help: "With --serve, the most seconds the load may take.")
  var seconds = 300

  func validate() throws {
    guard repeats > 0 else { throw ValidationError("--repeats must be positive") }
    guard size >= 1_000 else { throw ValidationError("--size must be at least 1000 bytes") }
    guard requests > 0, clients > 0, words > 0, seconds > 0, batchSize > 0 else {
      throw ValidationError(
        "--requests, --clients, --words, --seconds and --batch-size must be positive")
    }
    if quotes && until < .events { throw ValidationError("--quotes needs --until events") }
    if places && until < .events { throw ValidationError("--places needs --until events") }
    if mentions && until < .tags {
      throw ValidationError("--mentions needs --until tags or parse")
    }
  }

  func run() async throws {
    if pathological {
      try measurePathological()
      return
    }
    if serve {
      try await loadTest()
      return
    }
    try measure()
  }

  /// This program's own executable, which the benchmarks run as child processes.
  static var executable: String {
    URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().path
  }

  /// The corpus the benchmark reads when --corpus is not given.
  static let defaultCorpus = "../shared/data/corpora/state_union"

  /// Stops with an explanation when the corpus is not a directory one can read: the default
  /// lives beside the clone, not in it, and a new user may not have it.
  func checkCorpus() throws {
    var isDirectory: ObjCBool = false
    guard
      !FileManager.default.fileExists(atPath: corpus, isDirectory: &isDirectory)
        || !isDirectory.boolValue
    else { return }
    let what =
      corpus == Self.defaultCorpus
      ? "the default corpus, \(corpus) (the State of the Union addresses of the shared data, beside the clone), is not there"
      : "\(corpus) is not a directory"
    FileHandle.standardError(
      """
      entente: error: benchmark reads a directory of plain-text (*.txt) files, and \(what).
      Give one with --corpus DIR: any directory of English news or speeches will do (the \
      figures in the README are for the State of the Union corpus, 65 files, 2.07 MB).

      """)
    throw ExitCode(1)
  }

  func measure() throws {
    try checkCorpus()
    var texts: [String] = []
    var reader = DocumentReader(paths: [corpus], options: .init(kind: .text))
    while let item = reader.next() {
      switch item {
      case .document(let document, _): texts.append(document.text)
      case .failure(let error): FileHandle.standardError("entente: warning: \(error)\n")
      }
    }
    guard !texts.isEmpty else {
      FileHandle.standardError("entente: error: no *.txt files under \(corpus)\n")
      throw ExitCode(1)
    }
    let bytes = texts.reduce(0) { $0 + $1.utf8.count }
    let words = texts.reduce(0) { $0 + Self.wordCount($1) }
    if ingest {
      try timeIngest(texts: texts, words: words)
      return
    }
    let loaded = until >= .tags ? try models.load(parser: until >= .parse) : nil
    // With events, the whole of `entente code` but the output runs in the timed loop: actor
    // mentions, events, quotes, agreements and relations.
    let coder = try DocumentCoder(until: until, models: loaded)
    let pipeline = coder.pipeline
    // Normalisation to NFC is part of making a Doc and is timed with the rest.
    var tokens = 0
    var sentences = 0
    for text in texts {
      let doc = pipeline(text)
      tokens += doc.tokens.count
      sentences += doc.sentences.count
    }
    let date = DayDate(iso: "2024-06-19")
    var eventCount = 0
    let clock = ContinuousClock()
    var seconds: [Double] = []
    for _ in 0..<repeats {
      let start = clock.now
      var checksum = 0
      eventCount = 0
      for text in texts {
        if until >= .events {
          let analysis = coder.code(text: text, date: date)
          checksum &+= analysis.doc.tokens.count
          eventCount += analysis.events?.count ?? 0
        } else {
          checksum &+= pipeline(text).tokens.count
        }
      }
      let elapsed = clock.now - start
      precondition(checksum == tokens, "the pipeline is not deterministic")
      seconds.append(
        elapsed.inSeconds)
    }
    seconds.sort()
    let best = seconds[0]
    let median = seconds[seconds.count / 2]
    func line(_ label: String, _ time: Double) -> String {
      String(
        format: "%@: %.1f MB/s, %.0f words/s, %.0f tokens/s (%.4f s per pass)", label,
        Double(bytes) / time / 1e6, Double(words) / time, Double(tokens) / time, time)
    }
    print(
      "corpus: \(corpus): \(texts.count) files, \(bytes) bytes, \(words) words, \(tokens) tokens, \(sentences) sentences"
    )
    print("stage: \(until.rawValue), passes: \(repeats)")
    print(line("best", best))
    print(line("median", median))
    if until >= .events { print("events: \(eventCount) per pass") }
    if mentions { timeMentions(texts: texts, coder: coder, pipelineBest: best) }
    if quotes { timeQuotes(texts: texts, coder: coder, pipelineBest: best) }
    if places { try timePlaces(texts: texts, coder: coder, pipelineBest: best) }
  }

  /// Times place resolution and event location alone, over documents coded once, and the
  /// gazetteer's loading.
  private func timePlaces(texts: [String], coder: DocumentCoder, pipelineBest: Double) throws {
    guard let resolver = coder.placeResolver, let matcher = coder.matcher else {
      print("places: not resolved (--no-places)")
      return
    }
    let clock = ContinuousClock()
    var loads: [Double] = []
    var count = 0
    for _ in 0..<repeats {
      let start = clock.now
      count = try Gazetteer.load().places.count
      loads.append((clock.now - start).inSeconds)
    }
    loads.sort()
    let date = DayDate(iso: "2024-06-19")
    let analyses = texts.map { coder.code(text: $0, date: date) }
    // The mentions as the actor finder leaves them, and the events without their places.
    let bare = analyses.map { matcher.mentions(in: $0.doc, date: date) }
    let events = analyses.map { analysis in
      (analysis.events ?? []).map { event -> Event in
        var event = event
        event.location = nil
        event.locationMention = nil
        return event
      }
    }
    var places = 0
    var located = 0
    var total = 0
    let (_, seconds) = timedPasses {
      places = 0
      located = 0
      total = 0
      for index in analyses.indices {
        var mentions = bare[index]
        resolver.resolve(&mentions, in: analyses[index].doc)
        var coded = events[index]
        resolver.locate(&coded, mentions: analyses[index].mentions, in: analyses[index].doc)
        places += mentions.count { $0.location != nil }
        located += coded.count { $0.location != nil }
        total += coded.count
      }
      return places
    }
    print(
      String(
        format:
          "places: %d mentions resolved, %d of %d events located; best %.4f s per pass, median %.4f s (%.1f%% of the best pass); gazetteer of %d places loaded in %.3f s (best), %.3f s (median)",
        places, located, total, seconds[0], seconds[seconds.count / 2],
        100 * seconds[0] / pipelineBest, count, loads[0], loads[loads.count / 2]))
  }

  /// Times ingesting the corpus's paragraphs into new stores, on one and two threads.
  private func timeIngest(texts: [String], words: Int) throws {
    let directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("entente-benchmark-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    // Paragraphs (the corpus has one per line) as JSON Lines documents.
    var lines = ""
    var documents = 0
    for (file, text) in texts.enumerated() {
      for paragraph in text.split(whereSeparator: \.isNewline) {
        let trimmed = paragraph.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { continue }
        let record = ["id": "\(file)-\(documents)", "date": "2024-06-19", "text": trimmed]
        let data = try JSONSerialization.data(withJSONObject: record, options: [.sortedKeys])
        lines += String(decoding: data, as: UTF8.self) + "\n"
        documents += 1
      }
    }
    let input = directory.appendingPathComponent("paragraphs.jsonl").path
    try lines.write(toFile: input, atomically: true, encoding: .utf8)
    print("corpus: \(corpus): \(documents) paragraphs as documents, \(words) words")
    let coder = try DocumentCoder()
    let provenance = coder.configuration.provenance
    var inputs: [InputDocument] = []
    var reader = DocumentReader(paths: [input], options: .init(kind: .jsonl))
    while let item = reader.next() {
      if case .document(let document, _) = item { inputs.append(document) }
    }
    for jobs in [1, 2] {
      var ratios: [Double] = []
      for pass in 0..<repeats {
        // Coding alone, in the ingest's batches, right before the ingest it is compared
        // with: the machine's speed drifts between runs more than the store costs.
        let clock = ContinuousClock()
        let begun = clock.now
        _ = stride(from: 0, to: inputs.count, by: batchSize).reduce(0) { total, start in
          let batch = Array(inputs[start..<min(start + batchSize, inputs.count)])
          return total + Ingester.code(batch, coder: coder, jobs: jobs).count
        }
        let alone = clock.now - begun
        let codingAlone =
          alone.inSeconds
        let path =
          ingestDb.map { "\($0)?schema=bench_\(jobs)_\(pass)_\(UInt32.random(in: 0...UInt32.max))" }
          ?? directory.appendingPathComponent("store-\(jobs)-\(pass).sqlite").path
        var ingester = Ingester(coder: coder, store: try EventStore(path))
        ingester.jobs = jobs
        ingester.batchSize = batchSize
        let start = clock.now
        let summary = try ingester.ingest(
          paths: [input], reading: .init(kind: .jsonl), provenance: provenance,
          diagnostics: { FileHandle.standardError("entente: \($0)\n") })
        let elapsed = clock.now - start
        let seconds =
          elapsed.inSeconds
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        print(
          String(
            format:
              "ingest into %@, %d thread%@, pass %d: %.2f s (%+.0f%% on coding alone, %.2f s), %.0f documents/s, %.0f words/s; coding %.2f s; writing %.2f s alongside; the ingest waited for the store %.2f s (%.1f%% of coding); %d events, %.1f MB database file",
            ingestDb == nil ? "SQLite" : "PostgreSQL",
            jobs, jobs == 1 ? "" : "s", pass + 1, seconds,
            100 * (seconds / codingAlone - 1), codingAlone,
            Double(summary.stored) / seconds,
            Double(words) / seconds, summary.codingSeconds, summary.storingSeconds,
            summary.waitingSeconds,
            100 * summary.waitingSeconds / max(summary.codingSeconds, 1e-9), summary.events,
            Double(size) / 1e6))
        ratios.append(seconds / codingAlone)
      }
      ratios.sort()
      print(
        String(
          format:
            "ingest into %@, %d thread%@: median %+.0f%% on coding alone (%+.0f%% to %+.0f%%)",
          ingestDb == nil ? "SQLite" : "PostgreSQL", jobs, jobs == 1 ? "" : "s",
          100 * (ratios[ratios.count / 2] - 1), 100 * (ratios[0] - 1),
          100 * ((ratios.last ?? 1) - 1)))
    }
    try timeProcesses(input: input, documents: documents, words: words, directory: directory)
  }

  /// Times 1, 2 and 4 `entente ingest --shard K/N --jobs 1` processes storing the same input
  /// into one new store between them, as several machines would.
  private func timeProcesses(input: String, documents: Int, words: Int, directory: URL) throws {
    let executable = URL(fileURLWithPath: Self.executable)
    for count in [1, 2, 4] {
      for pass in 0..<repeats {
        let db =
          ingestDb.map {
            "\($0)?schema=bench_p\(count)_\(pass)_\(UInt32.random(in: 0...UInt32.max))"
          }
          ?? directory.appendingPathComponent("processes-\(count)-\(pass).sqlite").path
        // The store is made first, so that the processes time ingesting, not setting it up.
        _ = try EventStore(db)
        let clock = ContinuousClock()
        let start = clock.now
        var processes: [Process] = []
        for shard in 1...count {
          let process = Process()
          process.executableURL = executable
          process.arguments = [
            "ingest", input, "--db", db, "--jobs", "1", "--quiet", "--batch-size",
            String(batchSize), "--shard", "\(shard)/\(count)",
          ]
          process.standardError = FileHandle.nullDevice
          try process.run()
          processes.append(process)
        }
        var failed = 0
        for process in processes {
          process.waitUntilExit()
          if process.terminationStatus != 0 { failed += 1 }
        }
        let seconds = (clock.now - start).inSeconds
        let stored = try EventStore(db).counts().documents
        print(
          String(
            format:
              "ingest into %@, %d process%@ (--shard K/%d, one thread each), pass %d: %.2f s, %.0f documents/s, %.0f words/s; %d of %d documents stored%@",
            ingestDb == nil ? "SQLite" : "PostgreSQL", count, count == 1 ? "" : "es", count,
            pass + 1, seconds, Double(stored) / seconds, Double(words) / seconds, stored,
            documents, failed == 0 ? "" : "; \(failed) processes failed"))
      }
    }
  }

  /// Runs `pass` `repeats` times; returns what the last pass counted and the sorted seconds
  /// of every pass.
  private func timedPasses(_ pass: () -> Int) -> (found: Int, seconds: [Double]) {
    let clock = ContinuousClock()
    var seconds: [Double] = []
    var found = 0
    for _ in 0..<repeats {
      let start = clock.now
      found = pass()
      let elapsed = clock.now - start
      seconds.append(
        elapsed.inSeconds)
    }
    return (found, seconds.sorted())
  }

  /// Times quote extraction alone over documents parsed, and their mentions found, once.
  private func timeQuotes(texts: [String], coder: DocumentCoder, pipelineBest: Double) {
    let date = DayDate(iso: "2024-06-19")
    let analyses = texts.map { coder.code(text: $0, date: date) }
    let docs = analyses.map(\.doc)
    let mentions = analyses.map(\.mentions)
    let finder = QuoteFinder()
    let agreementFinder = AgreementFinder()
    let (found, seconds) = timedPasses {
      var found = 0
      for (doc, docMentions) in zip(docs, mentions) {
        found += finder.quotes(in: doc, mentions: docMentions).count
        found += agreementFinder.find(in: doc, mentions: docMentions, date: date).agreements.count
      }
      return found
    }
    print(
      String(
        format:
          "quotes and agreements: %d found; best %.4f s per pass, median %.4f s (%.1f%% of the best pass)",
        found, seconds[0], seconds[seconds.count / 2], 100 * seconds[0] / pipelineBest))
  }

  /// Times mention detection and resolution alone over documents tagged once.
  private func timeMentions(texts: [String], coder: DocumentCoder, pipelineBest: Double) {
    guard let matcher = coder.matcher else { return }
    let docs = texts.map { coder.pipeline($0) }
    let date = DayDate(iso: "2024-06-19")
    let (found, seconds) = timedPasses {
      docs.reduce(0) { $0 + matcher.mentions(in: $1, date: date).count }
    }
    print(
      String(
        format:
          "mentions: %d found; best %.4f s per pass, median %.4f s (%.1f%% of the best %@ pass)",
        found, seconds[0], seconds[seconds.count / 2], 100 * seconds[0] / pipelineBest,
        until.rawValue))
  }

  /// The number of words as `wc -w` counts them: runs of bytes other than ASCII whitespace.
  static func wordCount(_ text: String) -> Int {
    var count = 0
    var inWord = false
    for byte in text.utf8 {
      let space = byte == 0x20 || (byte >= 0x09 && byte <= 0x0D)
      if !space && !inWord { count += 1 }
      inWord = !space
    }
    return count
  }
}
