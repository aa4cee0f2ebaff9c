import EntenteIngest
import Foundation
import Hummingbird

/// The server's counters, written as Prometheus text at `/metrics`.
final class Metrics: @unchecked Sendable {
  /// The upper bounds of the latency histogram's buckets, in seconds.
  static let buckets = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10]

  private struct Histogram {
    var counts = Array(repeating: 0, count: Metrics.buckets.count)
    var count = 0
    var sum = 0.0
  }

  private let lock = NSLock()
  private var requests: [String: Int] = [:]
  private var latencies: [String: Histogram] = [:]
  private var documentsCoded = 0
  private var wordsCoded = 0
  private var documentsStored = 0
  private var eventsStored = 0
  private let started = Date()
  private let pools: [WorkPool]

  /// Creates the counters; the pools' gauges are read when the metrics are.
  init(pools: [WorkPool] = []) { self.pools = pools }

  /// Counts a request to `route` answered with `status` after `seconds`.
  func request(route: String, method: String, status: Int, seconds: Double) {
    lock.withLock {
      requests["route=\"\(route)\",method=\"\(method)\",status=\"\(status)\"", default: 0] += 1
      var histogram = latencies[route] ?? Histogram()
      for (index, bound) in Self.buckets.enumerated() where seconds <= bound {
        histogram.counts[index] += 1
      }
      histogram.count += 1
      histogram.sum += seconds
      latencies[route] = histogram
    }
  }

  /// Counts documents coded (by `/v1/code`, the reading page or an ingest).
  func coded(documents: Int, words: Int) {
    lock.withLock {
      documentsCoded += documents
      wordsCoded += words
    }
  }

  /// Counts documents and events stored.
  func stored(documents: Int, events: Int) {
    lock.withLock {
      documentsStored += documents
      eventsStored += events
    }
  }

  /// The Prometheus text exposition of every counter.
  var text: String {
    lock.withLock {
      var out = ""
      func header(_ name: String, _ type: String, _ help: String) {
        out += "# HELP \(name) \(help)\n# TYPE \(name) \(type)\n"
      }
      header("entente_http_requests_total", "counter", "HTTP requests answered.")
      for key in requests.keys.sorted() {
        out += "entente_http_requests_total{\(key)} \(requests[key] ?? 0)\n"
      }
      header(
        "entente_http_request_duration_seconds", "histogram", "Time to answer HTTP requests.")
      for route in latencies.keys.sorted() {
        guard let histogram = latencies[route] else { continue }
        for (index, bound) in Self.buckets.enumerated() {
          out +=
            "entente_http_request_duration_seconds_bucket{route=\"\(route)\",le=\"\(bound)\"} \(histogram.counts[index])\n"
        }
        out +=
          "entente_http_request_duration_seconds_bucket{route=\"\(route)\",le=\"+Inf\"} \(histogram.count)\n"
        out +=
          "entente_http_request_duration_seconds_sum{route=\"\(route)\"} \(histogram.sum)\n"
        out +=
          "entente_http_request_duration_seconds_count{route=\"\(route)\"} \(histogram.count)\n"
      }
      header("entente_documents_coded_total", "counter", "Documents coded.")
      out += "entente_documents_coded_total \(documentsCoded)\n"
      header("entente_words_coded_total", "counter", "Words (tokens) coded.")
      out += "entente_words_coded_total \(wordsCoded)\n"
      header("entente_documents_stored_total", "counter", "Documents stored by POST /v1/documents.")
      out += "entente_documents_stored_total \(documentsStored)\n"
      header("entente_events_stored_total", "counter", "Events stored by POST /v1/documents.")
      out += "entente_events_stored_total \(eventsStored)\n"
      header("entente_work_running", "gauge", "Requests running, by pool.")
      header("entente_work_queued", "gauge", "Requests waiting for a thread, by pool.")
      header(
        "entente_work_refused_total", "counter",
        "Requests answered 503: the pool's queue was full, or the request was late.")
      for pool in pools { out += pool.metrics }
      header("entente_uptime_seconds", "gauge", "Seconds since the server started.")
      out += "entente_uptime_seconds \(Date().timeIntervalSince(started))\n"
      return out
    }
  }

  /// The route a path belongs to, with its parameters named, for the metrics' labels.
  static func route(of path: String) -> String {
    if Routes.all.contains(where: { $0.path == path }) { return path }
    for route in Routes.all where route.path.contains("{") {
      let prefix = String(route.path.prefix(while: { $0 != "{" }))
      if path.hasPrefix(prefix), !path.dropFirst(prefix.count).contains("/") { return route.path }
    }
    return "other"
  }
}

/// Counts every request and its latency.
struct MetricsMiddleware: RouterMiddleware {
  typealias Context = EntenteContext
  let metrics: Metrics

  func handle(
    _ request: Request, context: Context,
    next: (Request, Context) async throws -> Response
  ) async throws -> Response {
    let clock = ContinuousClock()
    let start = clock.now
    let route = Metrics.route(of: request.uri.path)
    func seconds() -> Double { (clock.now - start).inSeconds }
    do {
      let response = try await next(request, context)
      metrics.request(
        route: route, method: request.method.rawValue, status: response.status.code,
        seconds: seconds())
      return response
    } catch {
      let status = (error as? any HTTPResponseError)?.status.code ?? 500
      metrics.request(
        route: route, method: request.method.rawValue, status: status, seconds: seconds())
      throw error
    }
  }
}
