import ArgumentParser
import EntenteCoding
import EntenteIO
import EntenteServer
import EntenteStore
import Foundation
import Logging

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

extension Benchmark {
  /// Serves a new store on a free loopback port, posts the article to `/v1/code` from
  /// `clients` concurrent clients until `requests` are answered (or `seconds` pass), and
  /// reports errors, throughput and latency percentiles.
  func loadTest() async throws {
    if article == nil { try checkCorpus() }
    let source = article ?? Self.firstText(under: corpus)
    guard let source, let full = try? String(contentsOfFile: source, encoding: .utf8) else {
      FileHandle.standardError(
        "entente: error: no article: give --article FILE, or a --corpus with *.txt files\n")
      throw ExitCode(1)
    }
    let text = full.split(whereSeparator: \.isWhitespace).prefix(words).joined(separator: " ")
    let articleWords = Self.wordCount(text)
    let directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("entente-load-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let store = try EventStore(directory.appendingPathComponent("store.sqlite").path)
    let coder = try DocumentCoder()
    var configuration = ServerConfiguration()
    configuration.port = 0
    // Every client finds a place: the load test measures latency, not refusals.
    configuration.codingQueue = max(configuration.codingQueue, clients)
    let (ports, portSink) = AsyncStream.makeStream(of: Int.self)
    let app = buildApplication(
      coder: coder, store: store, provenance: coder.configuration.provenance,
      configuration: configuration,
      logger: {
        // Stopping the server at the end by cancelling it is not worth reporting.
        var logger = Logger(label: "entente.load")
        logger.logLevel = .critical
        return logger
      }(),
      onServerRunning: { port in
        portSink.yield(port)
        portSink.finish()
      })
    let server = Task { try await app.runService(gracefulShutdownSignals: []) }
    var iterator = ports.makeAsyncIterator()
    guard let port = await iterator.next() else {
      FileHandle.standardError("entente: error: the server did not start\n")
      throw ExitCode(1)
    }
    print(
      "load: \(requests) POST /v1/code of a \(articleWords)-word article (\(source)), \(clients) concurrent clients, http://127.0.0.1:\(port)/"
    )
    let session = URLSession(
      configuration: {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.httpMaximumConnectionsPerHost = clients
        configuration.timeoutIntervalForRequest = 60
        return configuration
      }())
    var components = URLComponents()
    components.scheme = "http"
    components.host = "127.0.0.1"
    components.port = port
    components.path = "/v1/code"
    guard let url = components.url else { throw ExitCode(1) }
    var request = URLRequest(url: url)
    request.httpMethod = "POST"
    request.setValue("text/plain; charset=utf-8", forHTTPHeaderField: "Content-Type")
    request.httpBody = Data(text.utf8)
    let posted = request
    let tally = LoadTally(total: requests)
    let deadline = ContinuousClock.now + .seconds(seconds)
    let clock = ContinuousClock()
    let start = clock.now
    await withTaskGroup(of: Void.self) { group in
      for _ in 0..<clients {
        group.addTask {
          while tally.take(), ContinuousClock.now < deadline {
            let begun = clock.now
            var failure: String?
            do {
              let (data, response) = try await session.data(for: posted)
              let status = (response as? HTTPURLResponse)?.statusCode ?? 0
              if status != 200 || data.first != UInt8(ascii: "[") {
                failure = "status \(status)"
              }
            } catch {
              failure = "\(error)"
            }
            let elapsed = clock.now - begun
            tally.record(
              seconds: elapsed.inSeconds, failure: failure)
          }
        }
      }
    }
    let elapsed = clock.now - start
    let total = elapsed.inSeconds
    server.cancel()
    _ = try? await server.value
    let (latencies, failures) = tally.results()
    let sorted = latencies.sorted()
    func percentile(_ p: Double) -> Double {
      sorted.isEmpty
        ? 0 : sorted[min(sorted.count - 1, Int((p * Double(sorted.count)).rounded(.up)) - 1)]
    }
    let answered = sorted.count - failures.count
    print(
      String(
        format:
          "load: %d requests in %.2f s: %d ok, %d errors; %.1f requests/s, %.0f words/s; latency p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms",
        sorted.count, total, answered, failures.count, Double(sorted.count) / total,
        Double(answered * articleWords) / total, 1000 * percentile(0.5), 1000 * percentile(0.9),
        1000 * percentile(0.99), 1000 * (sorted.last ?? 0)))
    for failure in Set(failures).sorted().prefix(5) {
      FileHandle.standardError("entente: error: a request failed: \(failure)\n")
    }
    if !failures.isEmpty || sorted.count < requests {
      if sorted.count < requests {
        FileHandle.standardError(
          "entente: error: only \(sorted.count) of \(requests) requests in \(seconds) s\n")
      }
      throw ExitCode(1)
    }
  }

  /// The first `*.txt` file under a directory, in name order.
  static func firstText(under directory: String) -> String? {
    let files = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
    return files.filter { $0.hasSuffix(".txt") }.sorted().first.map {
      (directory as NSString).appendingPathComponent($0)
    }
  }
}

/// The requests of a load test: how many may still start, and what each took.
private final class LoadTally: @unchecked Sendable {
  private let lock = NSLock()
  private var remaining: Int
  private var latencies: [Double] = []
  private var failures: [String] = []

  init(total: Int) { remaining = total }

  /// Whether another request may start (and counts it).
  func take() -> Bool {
    lock.withLock {
      guard remaining > 0 else { return false }
      remaining -= 1
      return true
    }
  }

  func record(seconds: Double, failure: String?) {
    lock.withLock {
      latencies.append(seconds)
      if let failure { failures.append(failure) }
    }
  }

  func results() -> ([Double], [String]) { lock.withLock { (latencies, failures) } }
}
