import EntenteStore
import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

@Suite("entente ingest")
struct IngestTests {
  /// JSON Lines documents made of the example article's sentences, two or three each.
  static func corpus(_ count: Int, in directory: URL) throws -> String {
    try corpus(0..<count, in: directory, name: "stories")
  }

  /// Documents `range` of the corpus above, as the JSON Lines file `name.jsonl`.
  static func corpus(_ range: Range<Int>, in directory: URL, name: String) throws -> String {
    let text = try String(contentsOfFile: EntenteProcess.example, encoding: .utf8)
    let sentences = text.split(separator: ".").map {
      $0.trimmingCharacters(in: .whitespacesAndNewlines)
    }.filter { $0.count > 20 }
    var lines = ""
    for index in range {
      let picked = (0..<(2 + index % 2)).map { sentences[(index + $0 * 3) % sentences.count] + "." }
      let record: [String: String] = [
        "id": "story-\(index)", "date": String(format: "2024-%02d-15", 1 + index % 12),
        "text": picked.joined(separator: " "),
      ]
      let data = try JSONSerialization.data(withJSONObject: record, options: [.sortedKeys])
      lines += String(decoding: data, as: UTF8.self) + "\n"
    }
    let path = directory.appendingPathComponent("\(name).jsonl").path
    try lines.write(toFile: path, atomically: true, encoding: .utf8)
    return path
  }

  static func temporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory
      .appendingPathComponent("entente-ingest-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  @Test("stores documents, skips them the second time, and reports on standard error")
  func ingests() throws {
    let directory = try Self.temporaryDirectory()
    let corpus = try Self.corpus(10, in: directory)
    let db = directory.appendingPathComponent("a.sqlite").path
    let first = try EntenteProcess.run(["ingest", corpus, "--db", db])
    #expect(first.status == 0, "\(first.stderr)")
    #expect(first.stderr.contains("10 documents read, 10 stored"), "\(first.stderr)")
    let second = try EntenteProcess.run(["ingest", corpus, "--db", db])
    #expect(second.stderr.contains("0 stored (0 replacing older versions), 10 unchanged"))
    let bad = try EntenteProcess.run(["ingest", corpus, "--db", corpus])
    #expect(bad.status == 1)
    #expect(bad.stderr.contains("cannot open the event store"), "\(bad.stderr)")
  }

  @Test("query takes the date forms of the HTTP API: YYYY, YYYY-MM and YYYY-MM-DD")
  func dateForms() throws {
    let directory = try Self.temporaryDirectory()
    let corpus = try Self.corpus(10, in: directory)
    let db = directory.appendingPathComponent("dates.sqlite").path
    #expect(try EntenteProcess.run(["ingest", corpus, "--db", db]).status == 0)
    func ids(_ arguments: [String]) throws -> [String] {
      let run = try EntenteProcess.run(
        ["query", "documents", "--db", db, "--format", "tsv"] + arguments)
      #expect(run.status == 0, "\(run.stderr)")
      return run.stdout.split(separator: "\n").dropFirst().map {
        String($0.split(separator: "\t")[0])
      }
    }
    // Documents are dated the 15th of months 1 to 10 of 2024.
    #expect(try ids(["--from", "2024-06", "--to", "2024-07"]) == ["story-5", "story-6"])
    #expect(try ids(["--from", "2024-10-15"]) == ["story-9"])
    #expect(try ids(["--to", "2024-02"]) == ["story-0", "story-1"])
    #expect(try ids(["--from", "2025"]).isEmpty)
    #expect(try ids(["--to", "2024"]).count == 10)
    let events = try EntenteProcess.run(["query", "events", "--db", db, "--from", "2024-06"])
    #expect(events.status == 0, "\(events.stderr)")
    for wrong in ["2024-6", "2024-13", "June"] {
      let run = try EntenteProcess.run(["query", "events", "--db", db, "--from", wrong])
      #expect(run.status != 0)
      #expect(run.stderr.contains("is not YYYY, YYYY-MM or YYYY-MM-DD"), "\(run.stderr)")
    }
  }

  /// Runs `entente` as a user who may not write the store's directory: as root (CI), as
  /// `nobody` through `setpriv`; nil when that cannot be done here.
  static func runAsReader(_ arguments: [String]) throws -> EntenteProcess.Result? {
    guard geteuid() == 0 else { return try EntenteProcess.run(arguments) }
    let setpriv = "/usr/bin/setpriv"
    guard FileManager.default.isExecutableFile(atPath: setpriv) else { return nil }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: setpriv)
    process.arguments =
      ["--reuid=65534", "--regid=65534", "--clear-groups", EntenteProcess.executable.path]
      + arguments
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let stdout = out.fileHandleForReading.readDataToEndOfFile()
    let stderr = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    let result = EntenteProcess.Result(
      status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
      stderr: String(decoding: stderr, as: UTF8.self))
    // `nobody` cannot reach the executable here (a private build directory): not testable.
    return result.stderr.contains("Permission denied") || result.status == 126 ? nil : result
  }

  @Test(
    "an ingest leaves the whole store in its file, which query reads alone where it may not write")
  func readOnlyDirectory() throws {
    let directory = try Self.temporaryDirectory()
    let corpus = try Self.corpus(4, in: directory)
    let db = directory.appendingPathComponent("store.sqlite").path
    #expect(try EntenteProcess.run(["ingest", corpus, "--db", db, "--quiet"]).status == 0)
    // The write-ahead log was written into the database and emptied.
    let wal = try? FileManager.default.attributesOfItem(atPath: db + "-wal")[.size] as? Int
    #expect(wal == nil || wal == 0)
    // The file copied alone (no -wal, no -shm) to a shelf the reader may not write.
    let shelf = directory.appendingPathComponent("shelf")
    try FileManager.default.createDirectory(at: shelf, withIntermediateDirectories: true)
    let copy = shelf.appendingPathComponent("store.sqlite").path
    try FileManager.default.copyItem(atPath: db, toPath: copy)
    #expect(chmod(copy, 0o444) == 0 && chmod(shelf.path, 0o555) == 0)
    #expect(chmod(directory.path, 0o755) == 0)
    defer { chmod(shelf.path, 0o755) }
    guard let run = try Self.runAsReader(["query", "documents", "--db", copy, "--format", "tsv"])
    else { return }
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stdout.split(separator: "\n").count == 5, "\(run.stdout)")
    #expect(try FileManager.default.contentsOfDirectory(atPath: shelf.path) == ["store.sqlite"])
  }

  @Test("an id given twice in one input is warned about and counted, the later record kept")
  func duplicateIDs() throws {
    let directory = try Self.temporaryDirectory()
    let input = directory.appendingPathComponent("twice.jsonl")
    try """
    {"id": "same", "date": "2024-06-01", "text": "Chile praised Peru."}
    {"id": "other", "date": "2024-06-01", "text": "Peru met Chile."}
    {"id": "same", "date": "2024-06-02", "text": "Chile criticized Peru."}
    """.write(to: input, atomically: true, encoding: .utf8)
    let db = directory.appendingPathComponent("d.sqlite").path
    let run = try EntenteProcess.run(["ingest", input.path, "--db", db])
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stderr.contains(#"id "same" given again"#), "\(run.stderr)")
    #expect(run.stderr.contains("2 stored"), "\(run.stderr)")
    #expect(run.stderr.contains("0 unchanged, 1 duplicate ids"), "\(run.stderr)")
    let events = try EntenteProcess.run(["query", "events", "--db", db, "--format", "jsonl"])
    // The later `same` (a criticism) is stored, not the earlier (praise).
    #expect(events.stdout.contains(#""code":"110""#), "\(events.stdout)")
    #expect(!events.stdout.contains(#""code":"051""#), "\(events.stdout)")
  }

  @Test(
    "four ingests started at once on a new database all succeed, each document stored once",
    arguments: kinds)
  func concurrentStart(kind: String) throws {
    let directory = try Self.temporaryDirectory()
    let corpus = try Self.corpus(6, in: directory)
    // (On PostgreSQL, a new schema: its setting up is what the processes race for.)
    let db = Self.location(kind, in: directory, name: "new")
    var processes: [Process] = []
    for _ in 0..<4 {
      let process = Process()
      process.executableURL = EntenteProcess.executable
      process.arguments = ["ingest", corpus, "--db", db]
      process.standardError = FileHandle.nullDevice
      try process.run()
      processes.append(process)
    }
    for process in processes {
      process.waitUntilExit()
      #expect(process.terminationStatus == 0)
    }
    #expect(try EventStore(db).counts().documents == 6)
  }

  /// SQLite, and PostgreSQL when `ENTENTE_TEST_POSTGRES` names a server (see the store
  /// tests).
  static let postgres = ProcessInfo.processInfo.environment["ENTENTE_TEST_POSTGRES"]
  static let kinds = postgres == nil ? ["sqlite"] : ["sqlite", "postgres"]

  static func location(_ kind: String, in directory: URL, name: String) -> String {
    if kind == "postgres", let postgres {
      return "\(postgres)?schema=\(name)_\(UUID().uuidString.prefix(8).lowercased())"
    }
    return directory.appendingPathComponent("\(name).sqlite").path
  }

  @Test(
    "killed with SIGKILL mid-way and run again, nothing is lost and nothing duplicated",
    arguments: kinds)
  func killed(kind: String) throws {
    let directory = try Self.temporaryDirectory()
    let corpus = try Self.corpus(300, in: directory)
    let reference = Self.location(kind, in: directory, name: "reference")
    let complete = try EntenteProcess.run(["ingest", corpus, "--db", reference, "--jobs", "2"])
    #expect(complete.status == 0, "\(complete.stderr)")
    let expected = try EventStore(reference)
    let (documents, events) = try expected.counts()
    #expect(documents == 300 && events > 0)

    let db = Self.location(kind, in: directory, name: "killed")
    let process = Process()
    process.executableURL = EntenteProcess.executable
    process.arguments = ["ingest", corpus, "--db", db, "--batch-size", "10", "--jobs", "1"]
    let errorLog = directory.appendingPathComponent("killed.stderr")
    FileManager.default.createFile(atPath: errorLog.path, contents: nil)
    process.standardError = try FileHandle(forWritingTo: errorLog)
    try process.run()
    // Kill it once some batches are stored, before it ends.
    let deadline = Date().addingTimeInterval(120)
    var stored = 0
    while Date() < deadline && process.isRunning {
      if kind == "postgres" || FileManager.default.fileExists(atPath: db) {
        stored = (try? EventStore(db).counts().documents) ?? 0
        if stored >= 30 { break }
      }
      usleep(20_000)
    }
    let wasRunning = process.isRunning
    kill(process.processIdentifier, SIGKILL)
    process.waitUntilExit()
    let log = (try? String(contentsOf: errorLog, encoding: .utf8)) ?? ""
    #expect(wasRunning, "the ingest ended before it could be killed: \(log)")
    let partial = try EventStore(db).counts().documents
    #expect(partial >= 30 && partial < 300, "\(partial) documents stored when killed")

    let again = try EntenteProcess.run(["ingest", corpus, "--db", db])
    #expect(again.status == 0, "\(again.stderr)")
    #expect(again.stderr.contains("\(300 - partial) stored"), "\(again.stderr)")
    let store = try EventStore(db)
    #expect(try store.counts() == (documents, events))
    for index in stride(from: 0, to: 300, by: 7) {
      #expect(
        try store.document(id: "story-\(index)")?.events
          == expected.document(id: "story-\(index)")?.events)
    }
  }

  /// Starts `entente ingest` with `arguments`, its standard error into a file.
  static func start(_ arguments: [String], log: URL) throws -> Process {
    let process = Process()
    process.executableURL = EntenteProcess.executable
    process.arguments = ["ingest", "--quiet"] + arguments
    FileManager.default.createFile(atPath: log.path, contents: nil)
    process.standardError = try FileHandle(forWritingTo: log)
    try process.run()
    return process
  }

  /// For tests of several ingests into one store: a directory, the corpus of `count`
  /// documents in it, a reference store of them ingested by one process, and the location
  /// of a new store to share.
  static func shared(_ count: Int, kind: String) throws -> (
    directory: URL, corpus: String, reference: String, db: String
  ) {
    let directory = try temporaryDirectory()
    let all = try corpus(0..<count, in: directory, name: "all")
    let reference = location(kind, in: directory, name: "reference")
    #expect(try EntenteProcess.run(["ingest", all, "--db", reference, "--quiet"]).status == 0)
    return (directory, all, reference, location(kind, in: directory, name: "shared"))
  }

  /// The store's documents and events, checked against a reference store of the same
  /// documents ingested by one process: each document once, with the same events.
  static func expectSame(_ db: String, as reference: String, documents: Int) throws {
    let store = try EventStore(db)
    let expected = try EventStore(reference)
    let counts = try store.counts()
    #expect(counts.documents == documents)
    #expect(try counts == expected.counts())
    for index in stride(from: 0, to: documents, by: 5) {
      #expect(
        try store.document(id: "story-\(index)")?.events
          == expected.document(id: "story-\(index)")?.events, "story-\(index)")
    }
  }

  @Test(
    "four ingests at once over overlapping inputs: each document stored once, no batch lost, no deadlock",
    arguments: kinds)
  func overlapping(kind: String) throws {
    let (directory, _, reference, db) = try Self.shared(200, kind: kind)
    // Every document is in two or three of the inputs, in batches that differ.
    let parts = [0..<120, 80..<200, 0..<200, 40..<160]
    var processes: [(Process, URL)] = []
    for (index, range) in parts.enumerated() {
      let file = try Self.corpus(range, in: directory, name: "part-\(index)")
      let log = directory.appendingPathComponent("part-\(index).stderr")
      let batch = ["7", "8", "10", "9"][index]
      processes.append(
        (try Self.start([file, "--db", db, "--batch-size", batch, "--jobs", "1"], log: log), log))
    }
    for (process, log) in processes {
      process.waitUntilExit()
      let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
      #expect(process.terminationStatus == 0, "\(text)")
      #expect(!text.contains("error"), "\(text)")
    }
    try Self.expectSame(db, as: reference, documents: 200)
  }

  @Test(
    "--shard K/N splits one input among processes; one killed with SIGKILL and run again loses nothing",
    arguments: kinds)
  func shards(kind: String) throws {
    let (directory, all, reference, db) = try Self.shared(240, kind: kind)
    func arguments(_ shard: Int) -> [String] {
      [all, "--db", db, "--shard", "\(shard)/3", "--batch-size", "5", "--jobs", "1"]
    }
    var processes: [Process] = []
    for shard in 1...3 {
      let log = directory.appendingPathComponent("shard-\(shard).stderr")
      processes.append(try Self.start(arguments(shard), log: log))
    }
    // Shard 2 is killed once the store holds some documents, in the middle of its work.
    let deadline = Date().addingTimeInterval(120)
    while Date() < deadline && processes[1].isRunning {
      if (try? EventStore(db).counts().documents) ?? 0 >= 45 { break }
      usleep(20_000)
    }
    #expect(processes[1].isRunning, "shard 2 ended before it could be killed")
    kill(processes[1].processIdentifier, SIGKILL)
    for process in processes { process.waitUntilExit() }
    #expect(processes[0].terminationStatus == 0 && processes[2].terminationStatus == 0)
    #expect(try EventStore(db).counts().documents < 240)
    let again = try EntenteProcess.run(["ingest", "--quiet"] + arguments(2))
    #expect(again.status == 0, "\(again.stderr)")
    // Each shard holds about a third of the documents, and says how many it left to others.
    let summary = try #require(
      again.stderr.firstMatch(of: /(\d+) documents read, .* (\d+) in other shards/))
    let (read, others) = (Int(summary.1) ?? 0, Int(summary.2) ?? 0)
    #expect(read == 240 && (40...120).contains(read - others), "\(again.stderr)")
    try Self.expectSame(db, as: reference, documents: 240)
  }

  @Test("--shard must be K/N with 1 <= K <= N")
  func shardSyntax() throws {
    for wrong in ["0/3", "4/3", "3", "a/b", "1/0"] {
      let run = try EntenteProcess.run(["ingest", "--shard", wrong, "--db", "/nonexistent/x"])
      #expect(run.status == 64 || run.status == 2, "\(wrong): \(run.status)")
      #expect(run.stderr.contains("--shard"), "\(run.stderr)")
    }
  }
}
