public import EntenteCoding
public import EntenteStore
import Foundation
public import Hummingbird
public import Logging

/// How `entente serve` runs.
public struct ServerConfiguration: Sendable {
  /// The address to listen on.
  public var host = "127.0.0.1"
  /// The port to listen on (0: any free port).
  public var port = 8080
  /// The bearer token writing endpoints require; without one the server only reads.
  public var token: String?
  /// The largest request body taken, in bytes; a larger one is refused with 413.
  public var maxBodyBytes = 16 << 20
  /// Seconds a connection may stay idle (a client that stops sending) before it is closed.
  public var idleTimeoutSeconds: Int64 = 30
  /// The largest page of events or rows an API request gets.
  public var maxPageSize = 1_000
  /// Coding requests (`POST /v1/code`, `POST /v1/documents`, the reading page) that run at
  /// once: one per core by default.
  public var codingThreads = ProcessInfo.processInfo.activeProcessorCount
  /// Coding requests that may wait for a thread; one more is answered 503 at once.
  public var codingQueue = 4 * ProcessInfo.processInfo.activeProcessorCount
  /// Seconds a coding request may take, waiting included, before it is answered 503.
  public var codingSeconds = 60.0
  /// Store queries (the API's reads and the dashboard's pages) that run at once: fewer than
  /// SQLite's five readers, so that the health check always has one.
  public var queryThreads = 4
  /// Store queries that may wait for a thread.
  public var queryQueue = 64
  /// Seconds a query may take, waiting included.
  public var querySeconds = 30.0
  /// Seconds the health check waits for the store before answering 503.
  public var healthSeconds = 5.0

  /// Creates the default configuration: loopback, port 8080, read-only.
  public init() {}
}

/// Everything a request handler needs: the coder, the store and the counters.
struct ServerState: Sendable {
  let coder: DocumentCoder
  let store: EventStore
  let provenance: Provenance
  let configuration: ServerConfiguration
  let metrics: Metrics
  let run: RunOnce
  /// Threads for coding, for store queries and for the health check: blocking work runs
  /// outside Swift's shared pool, so that its few threads stay free for the connections,
  /// and each kind is bounded on its own (``WorkPool``).
  let coding: WorkPool
  let queries: WorkPool
  let health: WorkPool

  init(
    coder: DocumentCoder, store: EventStore, provenance: Provenance,
    configuration: ServerConfiguration
  ) {
    self.coder = coder
    self.store = store
    self.provenance = provenance
    self.configuration = configuration
    run = RunOnce()
    coding = WorkPool(
      name: "coding",
      limits: .init(
        running: configuration.codingThreads, queued: configuration.codingQueue,
        seconds: configuration.codingSeconds))
    queries = WorkPool(
      name: "query",
      limits: .init(
        running: configuration.queryThreads, queued: configuration.queryQueue,
        seconds: configuration.querySeconds))
    health = WorkPool(
      name: "health", limits: .init(running: 1, queued: 16, seconds: configuration.healthSeconds))
    metrics = Metrics(pools: [coding, queries, health])
  }

  /// Runs coding work in the coding pool.
  func code<T: Sendable>(_ body: @escaping @Sendable (WorkPool.Ticket) throws -> T) async throws
    -> T
  {
    try await coding.run(body)
  }

  /// Runs a store query in the query pool.
  func query<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
    try await queries.run { _ in try body() }
  }
}

/// The run that documents posted to the server are stored under, begun with the first.
final class RunOnce: @unchecked Sendable {
  private let lock = NSLock()
  private var id: Int64?

  func id(in store: EventStore, provenance: Provenance) throws(StoreError) -> Int64 {
    lock.lock()
    defer { lock.unlock() }
    if let id { return id }
    let new = try store.beginRun(provenance)
    id = new
    return new
  }
}

/// The request context of Entente's routes.
public typealias EntenteContext = BasicRequestContext

/// Builds the `entente serve` application: the HTTP API under `/v1`, `/healthz`, `/metrics`,
/// `/openapi.json` and the web dashboard.
///
/// - Parameters:
///   - coder: The coder, as `entente code` uses it.
///   - store: The event store.
///   - provenance: What codes posted documents, recorded with their run.
///   - configuration: Address, token and limits.
///   - logger: Where the server logs.
/// - Returns: The application; `runService()` runs it until SIGTERM or SIGINT, then lets
///   the requests under way finish.
public func buildApplication(
  coder: DocumentCoder, store: EventStore, provenance: Provenance,
  configuration: ServerConfiguration, logger: Logger = Logger(label: "entente.serve"),
  onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }
) -> some ApplicationProtocol {
  let state = ServerState(
    coder: coder, store: store, provenance: provenance, configuration: configuration)
  let router = Router(context: EntenteContext.self)
  router.add(middleware: MetricsMiddleware(metrics: state.metrics))
  router.add(middleware: ErrorMiddleware(maxBodyBytes: configuration.maxBodyBytes))
  API(state: state).register(on: router)
  Dashboard(state: state).register(on: router)
  return Application(
    router: router,
    server: .http1(
      configuration: .init(idleTimeout: .seconds(configuration.idleTimeoutSeconds))),
    configuration: .init(
      address: .hostname(configuration.host, port: configuration.port), serverName: "entente"),
    onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? 0) },
    logger: logger)
}

/// Turns errors into clear responses: a JSON `{"error": ...}` for the API, a 413 that says
/// the limit for a body too large.
struct ErrorMiddleware: RouterMiddleware {
  typealias Context = EntenteContext
  let maxBodyBytes: Int

  func handle(
    _ request: Request, context: Context,
    next: (Request, Context) async throws -> Response
  ) async throws -> Response {
    do {
      return try await next(request, context)
    } catch let error as APIError {
      return error.response
    } catch let error as any HTTPResponseError where error.status == .contentTooLarge {
      return APIError(
        .contentTooLarge,
        "the request body is over \(maxBodyBytes) bytes, this server's limit (--max-body)"
      ).response
    } catch let error as any HTTPResponseError {
      return APIError(error.status, error.status.reasonPhrase).response
    } catch {
      return APIError(.internalServerError, "\(error)").response
    }
  }
}

/// An error answered with a status and a JSON body `{"error": "message"}`.
struct APIError: Error {
  var status: HTTPResponse.Status
  var message: String
  var headers: HTTPFields = [:]

  init(_ status: HTTPResponse.Status, _ message: String) {
    self.status = status
    self.message = message
  }

  var response: Response {
    var fields = headers
    fields[.contentType] = "application/json; charset=utf-8"
    fields[.xContentTypeOptions] = "nosniff"
    let body = JSONValue.object([("error", .string(message))]).text
    return Response(
      status: status, headers: fields, body: .init(byteBuffer: ByteBuffer(string: body)))
  }
}
