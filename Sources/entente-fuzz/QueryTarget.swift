import EntenteCoding
import EntenteIngest
import EntenteServer
import EntenteStore
import Foundation
import Hummingbird
import Logging
import NIOCore
import NIOEmbedded

/// The `query` target: requests to the API's and the dashboard's read routes, with query
/// strings and ids made of the input, answered by the application's responder (its
/// middleware and routes, no socket) on a small store.
final class QueryTarget: @unchecked Sendable {
  static let shared = QueryTarget()

  /// The read routes; the input's first byte picks one.
  static let routes = [
    "/v1/events?", "/v1/dyads?a=RUS&b=UKR&", "/v1/actors?", "/v1/documents/", "/events?",
    "/dyad?", "/relations?", "/documents/", "/v1/events?oneADay=true&", "/v1/dyads?",
  ]

  private typealias Pending = (uri: String, answer: @Sendable (Int) -> Void)
  private let requests: AsyncStream<Pending>.Continuation

  private init() {
    let (stream, continuation) = AsyncStream.makeStream(of: Pending.self)
    requests = continuation
    let directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("entente-fuzz-\(getpid())")
    try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    guard let coder = try? DocumentCoder(),
      let store = try? EventStore(directory.appendingPathComponent("store.sqlite").path),
      let run = try? store.beginRun(coder.configuration.provenance)
    else { preconditionFailure("the store could not be made") }
    let sentences = [
      "Russia criticized Ukraine on Monday.", "Ukraine accused Russia of shelling Kharkiv.",
      "Turkey and Greece held talks in Athens.", "Iran threatened Israel.",
    ]
    let documents = sentences.enumerated().map { index, text in
      coder.code(
        InputDocument(
          id: "doc \(index)/a%b", date: "2024-06-1\(index)", text: text, origin: "fuzz"))
    }
    do {
      try store.save(documents, run: run)
    } catch {
      preconditionFailure("\(error)")
    }
    var configuration = ServerConfiguration()
    configuration.port = 0
    let app = buildApplication(
      coder: coder, store: store, provenance: coder.configuration.provenance,
      configuration: configuration)
    Task.detached { await Self.answer(stream, with: app) }
  }

  /// Answers each request of `stream` with the application's responder.
  private static func answer<App: ApplicationProtocol>(
    _ stream: AsyncStream<Pending>, with app: App
  ) async {
    guard let responder = try? await app.responder else {
      preconditionFailure("the application has no responder")
    }
    let logger = Logger(label: "entente.fuzz")
    // One channel for every request (each makes an event loop of its own).
    let channel = NIOAsyncTestingChannel()
    for await request in stream {
      let context = App.Context(
        source: ApplicationRequestContextSource(channel: channel, logger: logger))
      let head = HTTPRequest(
        method: .get, scheme: "http", authority: "localhost", path: request.uri)
      let status: HTTPResponse.Status
      do {
        status = try await responder.respond(
          to: Request(head: head, body: RequestBody(buffer: ByteBuffer())), context: context
        ).status
      } catch {
        // What the server answers for an error no handler turned into a response.
        status = .internalServerError
      }
      request.answer(status.code)
    }
  }

  /// The input as a URI: its first byte picks a route, the rest is the query (or the id),
  /// with the bytes a request line cannot hold percent-encoded.
  static func uri(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
    guard let first = bytes.first else { return routes[0] }
    var uri = routes[Int(first) % routes.count]
    for byte in bytes.dropFirst() {
      switch byte {
      case 0x21...0x7E where byte != 0x23: uri.unicodeScalars.append(Unicode.Scalar(byte))
      default: uri += String(format: "%%%02X", byte)
      }
    }
    return uri
  }

  func run(_ bytes: UnsafeBufferPointer<UInt8>) {
    let uri = Self.uri(bytes)
    let done = DispatchSemaphore(value: 0)
    let status = Status()
    requests.yield(
      (
        uri,
        { code in
          status.value = code
          done.signal()
        }
      ))
    done.wait()
    precondition(status.value > 0 && status.value < 500, "\(uri): status \(status.value)")
  }
}

/// A status handed from the server's task to the fuzzer's thread.
private final class Status: @unchecked Sendable {
  var value = 0
}
