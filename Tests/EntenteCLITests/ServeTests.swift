import Foundation
import Testing

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif
#if canImport(Glibc)
  import Glibc
#endif

/// `entente serve` as a process: started on a free port over a store ingested from
/// documents written here, stopped with SIGTERM.
final class ServerProcess {
  let process = Process()
  let directory: URL
  let errorLog: URL
  private(set) var port = 0

  /// Ingests `documents` (JSON Lines) into a new store and serves it.
  init(documents: String, token: String? = nil, arguments: [String] = []) throws {
    directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("entente-serve-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    let input = directory.appendingPathComponent("documents.jsonl")
    try documents.write(to: input, atomically: true, encoding: .utf8)
    let database = directory.appendingPathComponent("store.sqlite").path
    let ingest = try EntenteProcess.run(["ingest", input.path, "--db", database, "--quiet"])
    try #require(ingest.status == 0, "\(ingest.stderr)")
    errorLog = directory.appendingPathComponent("serve.stderr")
    FileManager.default.createFile(atPath: errorLog.path, contents: nil)
    process.executableURL = EntenteProcess.executable
    process.arguments =
      ["serve", "--db", database, "--port", "0"] + (token.map { ["--token", $0] } ?? [])
      + arguments
    process.standardError = try FileHandle(forWritingTo: errorLog)
    process.standardOutput = FileHandle.nullDevice
    try process.run()
    // The server says where it listens once it does.
    let deadline = Date().addingTimeInterval(120)
    while Date() < deadline {
      if let match = log.firstMatch(of: /serving http:\/\/127\.0\.0\.1:(\d+)\//),
        let number = Int(match.1)
      {
        port = number
        return
      }
      guard process.isRunning else { break }
      usleep(100_000)
    }
    process.terminate()
    throw ServeError(message: "the server did not start: \(log)")
  }

  var log: String { (try? String(contentsOf: errorLog, encoding: .utf8)) ?? "" }

  func url(_ path: String) -> String { "http://127.0.0.1:\(port)\(path)" }

  /// Sends SIGTERM and waits for the process to end; returns its exit status.
  func stop() -> Int32 {
    if process.isRunning { kill(process.processIdentifier, SIGTERM) }
    process.waitUntilExit()
    return process.terminationStatus
  }

  deinit {
    if process.isRunning { process.terminate() }
    try? FileManager.default.removeItem(at: directory)
  }
}

struct ServeError: Error, CustomStringConvertible {
  var message: String
  var description: String { message }
}

/// Documents written for the dashboard's browser test.
let browserDocuments = """
  {"id": "pact", "date": "2024-06-19", "title": "Leaders sign a defence pact", "source": "Entente Wire", "text": "Russia and North Korea signed a mutual defence pact on Wednesday. \\"We will defend each other,\\" Kim Jong Un said. Japan criticized North Korea on Thursday."}
  {"id": "border", "date": "2024-07-02", "title": "Border talks", "text": "Armenia and Azerbaijan held talks on the border dispute. Turkey accused Greece of violating its airspace."}
  {"id": "hostile", "date": "2024-07-03", "title": "<script>alert(1)</script>", "text": "<script>document.title='owned'</script> Iran threatened Israel with a harsh response."}
  {"id": "geneva", "date": "2024-07-05", "title": "Talks in Geneva", "text": "Armenia and Azerbaijan held talks in Geneva on Friday."}
  """

/// Sends a request and waits for the answer.
func fetch(_ request: URLRequest) async throws -> (status: Int, body: String) {
  let (status, body, _) = try await fetchWithHeaders(request)
  return (status, body)
}

/// Sends a request and waits for the answer, with its headers.
func fetchWithHeaders(_ request: URLRequest) async throws -> (
  status: Int, body: String, headers: [String: String]
) {
  let (data, response) = try await URLSession.shared.data(for: request)
  let http = response as? HTTPURLResponse
  var headers: [String: String] = [:]
  for (name, value) in http?.allHeaderFields ?? [:] {
    headers["\(name)".lowercased()] = "\(value)"
  }
  return (http?.statusCode ?? 0, String(decoding: data, as: UTF8.self), headers)
}

/// Opens a TCP connection to the loopback port, sends `bytes`, keeps the connection open
/// for `seconds` (sending nothing more), then closes it.
func sendRaw(_ bytes: String, port: Int, keepOpen seconds: Double) throws {
  let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
  try #require(socket >= 0)
  defer { close(socket) }
  var address = sockaddr_in()
  address.sin_family = sa_family_t(AF_INET)
  address.sin_port = in_port_t(UInt16(port)).bigEndian
  address.sin_addr.s_addr = inet_addr("127.0.0.1")
  let connected = withUnsafePointer(to: &address) {
    $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
      connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
    }
  }
  try #require(connected == 0)
  let data = Array(bytes.utf8)
  try #require(write(socket, data, data.count) == data.count)
  usleep(UInt32(seconds * 1_000_000))
}

/// A long text of sentences written here: some seconds of coding in a debug build.
func longText(sentences count: Int) -> String {
  let sentences = [
    "Russia criticized Ukraine on Monday.", "China praised Pakistan for its support.",
    "Iran threatened Israel with a harsh response.", "Egypt condemned the attack on Israel.",
    "Germany and France signed a trade agreement in Berlin.",
  ]
  return (0..<count).map { sentences[$0 % sentences.count] }.joined(separator: " ")
}

@Suite("entente serve", .serialized)
struct ServeTests {
  static let chromium = [
    "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome",
  ]
  .first { FileManager.default.isExecutableFile(atPath: $0) }

  /// Where screenshots go: `.build/screenshots` of the package.
  static let screenshots = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent(".build/screenshots")

  /// Runs headless Chromium on a page: its DOM after the scripts ran, and a screenshot.
  static func chromium(_ url: String, screenshot name: String) throws -> String {
    let browser = try #require(chromium)
    let common = [
      "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
      "--no-first-run", "--hide-scrollbars", "--window-size=1280,900",
    ]
    func run(_ arguments: [String]) throws -> String {
      let process = Process()
      process.executableURL = URL(fileURLWithPath: browser)
      process.arguments = common + arguments
      let out = Pipe()
      process.standardOutput = out
      process.standardError = FileHandle.nullDevice
      try process.run()
      let data = out.fileHandleForReading.readDataToEndOfFile()
      process.waitUntilExit()
      return String(decoding: data, as: UTF8.self)
    }
    try FileManager.default.createDirectory(at: screenshots, withIntermediateDirectories: true)
    _ = try run(["--screenshot=\(screenshots.appendingPathComponent(name + ".png").path)", url])
    return try run(["--virtual-time-budget=2000", "--dump-dom", url])
  }

  @Test(
    "headless Chromium renders every dashboard page with the stored events",
    .enabled(
      if: chromium != nil,
      "Chromium is not installed here (.ci/run installs Debian's chromium); skipped"))
  func browser() throws {
    let server = try ServerProcess(documents: browserDocuments)
    let pages: [(String, String, [String])] = [
      ("/", "read", ["<textarea", "Code it", "class=\"js\""]),
      (
        "/events?mode=all", "events",
        ["events-table", "Sign formal agreement", "href=\"/documents/pact\"", "RUS", "PRK"]
      ),
      (
        "/relations?mode=all", "relations",
        ["<svg class=\"network\"", ">RUS</text>", ">PRK</text>"]
      ),
      (
        "/dyad?a=RUS&b=PRK&period=day&mode=all", "dyad",
        ["<svg class=\"timeline\"", "class=\"bar quad-", "Sign formal agreement"]
      ),
      (
        "/documents/pact#event-0", "document",
        ["mention-country", "seg mention mention-country evidence active", "Kim Jong Un", "057"]
      ),
      ("/documents/hostile", "hostile", ["&lt;script&gt;alert(1)&lt;/script&gt;", "Iran"]),
      (
        "/map?mode=all", "map",
        ["<svg class=\"world-map\"", "class=\"point quad-1\"", "Geneva, CHE", "places-table"]
      ),
      ("/documents/geneva", "document-places", ["<h2>Places", "GeoNames 2660646"]),
    ]
    for (path, name, expected) in pages {
      let dom = try Self.chromium(server.url(path), screenshot: name)
      for text in expected {
        #expect(dom.contains(text), "\(path) lacks \(text)")
      }
      // Scripts ran (the page's own), and none from a document did.
      #expect(!dom.contains("<title>owned"))
      #expect(
        FileManager.default.fileExists(
          atPath: Self.screenshots.appendingPathComponent(name + ".png").path))
    }
    #expect(server.stop() == 0)
    #expect(server.log.contains("entente: stopped"))
  }

  @Test("the load test posts its requests from concurrent clients and reports latencies")
  func load() throws {
    let result = try EntenteProcess.run([
      "benchmark", "--serve", "--requests", "48", "--clients", "8", "--article",
      EntenteProcess.example,
    ])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("48 requests in"))
    #expect(result.stdout.contains("48 ok, 0 errors"))
    #expect(result.stdout.contains("p99"))
  }

  @Test("SIGTERM lets an ingest under way finish, then the server stops")
  func gracefulShutdown() async throws {
    let server = try ServerProcess(documents: browserDocuments, token: "secret")
    let sentences = [
      "Russia criticized Ukraine on Monday.", "China praised Pakistan for its support.",
      "Iran threatened Israel with a harsh response.", "Egypt condemned the attack on Israel.",
    ]
    let lines = (0..<300).map { index in
      #"{"id": "bulk-\#(index)", "date": "2024-08-01", "text": "\#(sentences[index % 4]) \#(sentences[(index + 1) % 4])"}"#
    }.joined(separator: "\n")
    var request = URLRequest(url: URL(string: server.url("/v1/documents"))!)
    request.httpMethod = "POST"
    request.setValue("Bearer secret", forHTTPHeaderField: "Authorization")
    request.setValue("application/x-ndjson", forHTTPHeaderField: "Content-Type")
    request.httpBody = Data(lines.utf8)
    request.timeoutInterval = 120
    let ingest = Task { try await fetch(request) }
    // The request is under way (300 documents take well over this) when the signal comes.
    try await Task.sleep(for: .milliseconds(400))
    kill(server.process.processIdentifier, SIGTERM)
    let (status, body) = try await ingest.value
    #expect(status == 200, "\(body)")
    #expect(body.contains("\"stored\":300"))
    #expect(server.stop() == 0)
    #expect(server.log.contains("entente: stopped"))
  }

  @Test("a body that never finishes is the client's failure: 408 in /metrics, never 500")
  func incompleteBody() async throws {
    let server = try ServerProcess(documents: browserDocuments, arguments: ["--idle-timeout", "1"])
    let head = "Host: x\r\nContent-Type: text/plain\r\nContent-Length: 1000\r\n\r\nRussia"
    // One client stops sending (the idle timeout closes it), one closes mid-body.
    try sendRaw("POST /v1/code HTTP/1.1\r\n" + head, port: server.port, keepOpen: 2.5)
    try sendRaw("POST /read HTTP/1.1\r\n" + head, port: server.port, keepOpen: 0.2)
    var metrics = ""
    for _ in 0..<50 {
      metrics = try await fetch(URLRequest(url: URL(string: server.url("/metrics"))!)).body
      if metrics.contains(#"route="/read",method="POST",status="408"} 1"#) { break }
      try await Task.sleep(for: .milliseconds(100))
    }
    #expect(metrics.contains(#"route="/v1/code",method="POST",status="408"} 1"#), "\(metrics)")
    #expect(metrics.contains(#"route="/read",method="POST",status="408"} 1"#), "\(metrics)")
    #expect(!metrics.contains(#"status="500""#), "\(metrics)")
    #expect(server.stop() == 0)
  }

  @Test(
    "coding beyond its threads and queue is a 503 with Retry-After; /healthz and queries never wait behind it"
  )
  func overload() async throws {
    let server = try ServerProcess(
      documents: browserDocuments, arguments: ["--coding-threads", "1", "--coding-queue", "1"])
    func post(_ text: String) -> URLRequest {
      var request = URLRequest(url: URL(string: server.url("/v1/code"))!)
      request.httpMethod = "POST"
      request.httpBody = Data(text.utf8)
      request.timeoutInterval = 300
      return request
    }
    let heavy = post(longText(sentences: 6_000))
    let finished = Finished()
    let first = Task {
      let answer = try await fetch(heavy)
      await finished.add("first")
      return answer
    }
    try await Task.sleep(for: .milliseconds(500))
    let second = Task {
      let answer = try await fetch(heavy)
      await finished.add("second")
      return answer
    }
    try await Task.sleep(for: .milliseconds(300))
    // One running, one waiting: the third is refused at once.
    let third = try await fetchWithHeaders(post("Russia criticized Ukraine."))
    #expect(third.status == 503, "\(third.body)")
    #expect(third.body.contains("the server is busy"), "\(third.body)")
    #expect(Int(third.headers["retry-after"] ?? "") ?? 0 >= 1, "\(third.headers)")
    // The health check and a query answer while the coding goes on.
    let health = try await fetch(URLRequest(url: URL(string: server.url("/healthz"))!))
    #expect(health.status == 200, "\(health.body)")
    let events = try await fetch(URLRequest(url: URL(string: server.url("/v1/events?mode=all"))!))
    #expect(events.status == 200, "\(events.body)")
    await finished.add("health and query")
    #expect(try await first.value.status == 200)
    #expect(try await second.value.status == 200)
    let order = await finished.order
    #expect(order.first == "health and query", "\(order)")
    let metrics = try await fetch(URLRequest(url: URL(string: server.url("/metrics"))!)).body
    #expect(metrics.contains(#"entente_work_refused_total{pool="coding",reason="full"} 1"#))
    #expect(server.stop() == 0)
  }

  @Test("a coding request not answered within --coding-timeout is a 503, and the work stops")
  func codingTimeout() async throws {
    let server = try ServerProcess(
      documents: browserDocuments,
      arguments: ["--coding-threads", "1", "--coding-timeout", "0.5"])
    // Many documents: the abandoned work stops at the next one.
    let lines = (0..<400).map { index in
      #"{"id": "d\#(index)", "date": "2024-08-01", "text": "\#(longText(sentences: 20))"}"#
    }.joined(separator: "\n")
    var request = URLRequest(url: URL(string: server.url("/v1/code"))!)
    request.httpMethod = "POST"
    request.setValue("application/x-ndjson", forHTTPHeaderField: "Content-Type")
    request.httpBody = Data(lines.utf8)
    let late = try await fetchWithHeaders(request)
    #expect(late.status == 503, "\(late.body.prefix(200))")
    #expect(late.body.contains("not answered within 0.5 s"), "\(late.body.prefix(200))")
    #expect(late.headers["retry-after"] != nil)
    // The thread is free again soon: a short request is answered.
    var small = URLRequest(url: URL(string: server.url("/v1/code"))!)
    small.httpMethod = "POST"
    small.httpBody = Data("Russia criticized Ukraine.".utf8)
    var status = 0
    for _ in 0..<20 where status != 200 {
      status = try await fetch(small).status
      if status != 200 { try await Task.sleep(for: .milliseconds(200)) }
    }
    #expect(status == 200)
    #expect(server.stop() == 0)
  }
}

/// The order in which concurrent requests were answered.
actor Finished {
  private(set) var order: [String] = []
  func add(_ name: String) { order.append(name) }
}
