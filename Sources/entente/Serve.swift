import ArgumentParser
import EntenteCoding
import EntenteIO
import EntenteServer
import EntenteStore
import Foundation
import Logging

/// `entente serve`: the HTTP API and the web dashboard.
struct Serve: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Serve the HTTP API and the web dashboard over an event store.",
    discussion: """
      The API codes text (POST /v1/code), stores documents (POST /v1/documents, with the \
      bearer token) and answers the queries of `entente query` under /v1; /openapi.json \
      describes it, /healthz and /metrics (Prometheus) watch it. The dashboard, at /, reads \
      an article, lists the stored events, draws the network of countries and a dyad's \
      timeline. Without --token (or ENTENTE_TOKEN) the server only reads. SIGTERM or SIGINT \
      stops it once the requests under way are answered. See docs/server.md.
      """
  )

  @Option(
    name: .long,
    help: "The database: a SQLite file, or a postgres://user:password@host:port/database URL.")
  var db = "entente.sqlite"

  @Option(name: .long, help: "The address to listen on.")
  var host = "127.0.0.1"

  @Option(name: .long, help: "The port to listen on (0: any free port).")
  var port = 8080

  @Option(
    name: .long,
    help: "The bearer token that POST /v1/documents requires (default: $ENTENTE_TOKEN).")
  var token: String?

  @Option(name: .long, help: "The largest request body taken, in bytes.")
  var maxBody = 16 << 20

  @Option(name: .long, help: "Seconds before an idle connection is closed.")
  var idleTimeout = 30

  @Option(name: .long, help: "Coding requests run at once (default: one per core).")
  var codingThreads = ProcessInfo.processInfo.activeProcessorCount

  @Option(
    name: .long,
    help: "Coding requests that may wait; one more is answered 503 with Retry-After.")
  var codingQueue = 4 * ProcessInfo.processInfo.activeProcessorCount

  @Option(
    name: .long, help: "Seconds a coding request may take, waiting included, before a 503.")
  var codingTimeout = 60.0

  @Option(name: .long, help: "Store queries run at once (at most 4 on SQLite).")
  var queryThreads = 4

  @Option(name: .long, help: "Store queries that may wait.")
  var queryQueue = 64

  @Option(name: .long, help: "Seconds a query may take, waiting included, before a 503.")
  var queryTimeout = 30.0

  @OptionGroup var dictionaries: DictionaryOptions

  func validate() throws {
    guard (0...65_535).contains(port) else { throw ValidationError("--port must be 0 to 65535") }
    guard maxBody >= 1, idleTimeout >= 1 else {
      throw ValidationError("--max-body and --idle-timeout must be at least 1")
    }
    guard codingThreads >= 1, queryThreads >= 1, codingQueue >= 0, queryQueue >= 0 else {
      throw ValidationError(
        "--coding-threads and --query-threads must be at least 1, the queues at least 0")
    }
    guard codingTimeout > 0, queryTimeout > 0 else {
      throw ValidationError("--coding-timeout and --query-timeout must be over 0 seconds")
    }
  }

  func run() async throws {
    let coder = try dictionaries.coder()
    let provenance = coder.configuration.provenance
    let store: EventStore
    do {
      store = try EventStore(db)
    } catch {
      FileHandle.standardError("entente: error: \(error)\n")
      throw ExitCode(1)
    }
    var configuration = ServerConfiguration()
    configuration.host = host
    configuration.port = port
    configuration.token =
      token
      ?? ProcessInfo.processInfo.environment["ENTENTE_TOKEN"].flatMap {
        $0.isEmpty ? nil : $0
      }
    configuration.maxBodyBytes = maxBody
    configuration.idleTimeoutSeconds = Int64(idleTimeout)
    configuration.codingThreads = codingThreads
    configuration.codingQueue = codingQueue
    configuration.codingSeconds = codingTimeout
    configuration.queryThreads = queryThreads
    configuration.queryQueue = queryQueue
    configuration.querySeconds = queryTimeout
    var logger = Logger(label: "entente.serve")
    logger.logLevel = .warning
    let readOnly = configuration.token == nil
    let host = host
    let location = store.location
    let app = buildApplication(
      coder: coder, store: store, provenance: provenance, configuration: configuration,
      logger: logger,
      onServerRunning: { port in
        FileHandle.standardError(
          "entente: serving http://\(host):\(port)/ over \(location)"
            + (readOnly
              ? "; read-only: no --token or ENTENTE_TOKEN, so POST /v1/documents is refused\n"
              : "; POST /v1/documents needs the bearer token\n"))
      })
    do {
      try await app.runService()
    } catch {
      FileHandle.standardError("entente: error: \(error)\n")
      throw ExitCode(1)
    }
    FileHandle.standardError("entente: stopped\n")
  }
}
