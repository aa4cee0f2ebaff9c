import EntenteIngest
import Foundation
import Hummingbird

/// Threads of its own that run one kind of blocking work (coding, store queries, the health
/// check) with a bound on how many run at once, how many wait, and how long a request may
/// take.
///
/// A request that finds the queue full, or that is not answered within the time limit, gets a
/// 503 with `Retry-After` at once instead of waiting behind the others. Pools do not share
/// threads, so `/healthz` never waits behind coding or queries, and the threads of Swift's
/// shared pool (the connections) never wait behind any of them.
final class WorkPool: @unchecked Sendable {
  /// How a pool is bounded.
  struct Limits: Sendable {
    /// Jobs that run at once (threads).
    var running: Int
    /// Jobs that may wait for a thread; one more is refused.
    var queued: Int
    /// Seconds a request may take from its arrival in the queue to its answer.
    var seconds: Double
  }

  /// What a job can ask while it runs.
  struct Ticket: Sendable {
    fileprivate let state: JobState

    /// Whether the request has been answered with a 503 already (its time is up): work
    /// that checks this between documents stops early, its result unused.
    var isExpired: Bool { state.isFinished }
  }

  /// The pool's name in messages and metrics (`coding`, `query`, `health`).
  let name: String
  let limits: Limits

  private let condition = NSCondition()
  private var waiting: [Job] = []
  private var head = 0
  private var threads = 0
  private var idle = 0
  private var running = 0
  private var refused = (full: 0, late: 0)
  /// Seconds the recent jobs took, on average (for `Retry-After`).
  private var meanSeconds = 0.1

  init(name: String, limits: Limits) {
    self.name = name
    self.limits = Limits(
      running: max(1, limits.running), queued: max(0, limits.queued),
      seconds: max(0.001, limits.seconds))
  }

  /// Runs `body` on one of the pool's threads and returns its result.
  ///
  /// - Throws: A 503 ``APIError`` with `Retry-After` when the queue is full or the time
  ///   limit passes first (the work, if begun, ends on its own and its result is dropped);
  ///   otherwise what `body` throws.
  func run<T: Sendable>(_ body: @escaping @Sendable (Ticket) throws -> T) async throws -> T {
    let state = JobState()
    return try await withCheckedThrowingContinuation { continuation in
      let resume: @Sendable (Result<T, any Error>) -> Void = { result in
        if state.finish() { continuation.resume(with: result) }
      }
      let job = Job(state: state) { [self] in
        let start = ContinuousClock.now
        let result = Result { try body(Ticket(state: state)) }
        record(seconds: (ContinuousClock.now - start).inSeconds)
        resume(result.map { $0 })
      }
      guard let retry = submit(job) else {
        let limit = limits.seconds
        DispatchQueue.global().asyncAfter(deadline: .now() + limit) { [self] in
          guard !state.isFinished else { return }
          resume(.failure(overloaded(late: true)))
        }
        return
      }
      resume(.failure(overloaded(late: false, retryAfter: retry)))
    }
  }

  /// The 503 of a full queue or of a request out of time.
  private func overloaded(late: Bool, retryAfter: Int? = nil) -> APIError {
    condition.withLock {
      if late { refused.late += 1 } else { refused.full += 1 }
    }
    let message =
      late
      ? "the server is busy: this request was not answered within \(Self.format(limits.seconds)) s; try again later"
      : "the server is busy: \(limits.running) \(name) requests are running and \(limits.queued) waiting; try again later"
    var error = APIError(.serviceUnavailable, message)
    error.headers[.retryAfter] = String(retryAfter ?? self.retryAfter())
    return error
  }

  private static func format(_ seconds: Double) -> String {
    seconds == seconds.rounded() ? String(Int(seconds)) : String(seconds)
  }

  /// Queues a job; returns nil when it is queued, or the seconds to wait when the queue is
  /// full.
  private func submit(_ job: Job) -> Int? {
    condition.lock()
    defer { condition.unlock() }
    guard waiting.count - head < limits.queued || running + (waiting.count - head) < limits.running
    else { return retryAfterLocked() }
    waiting.append(job)
    if idle > 0 {
      condition.signal()
    } else if threads < limits.running {
      threads += 1
      let thread = Thread { [self] in work() }
      thread.name = "entente-\(name)"
      thread.start()
    }
    return nil
  }

  /// A thread's loop: take the oldest job, skip it if its request is answered already, run
  /// it; end after some seconds with nothing to do.
  private func work() {
    condition.lock()
    while true {
      while head == waiting.count {
        idle += 1
        let woken = condition.wait(until: Date(timeIntervalSinceNow: 10))
        idle -= 1
        if !woken && head == waiting.count {
          threads -= 1
          condition.unlock()
          return
        }
      }
      let job = waiting[head]
      head += 1
      if head > 64 && head * 2 > waiting.count {
        waiting.removeFirst(head)
        head = 0
      }
      guard !job.state.isFinished else { continue }
      running += 1
      condition.unlock()
      job.body()
      condition.lock()
      running -= 1
    }
  }

  private func record(seconds: Double) {
    condition.withLock { meanSeconds = 0.8 * meanSeconds + 0.2 * seconds }
  }

  private func retryAfter() -> Int { condition.withLock { retryAfterLocked() } }

  /// Seconds until a place is likely free: the jobs ahead times their mean time, over the
  /// threads; from 1 to 60.
  private func retryAfterLocked() -> Int {
    let ahead = Double(waiting.count - head + running)
    let seconds = meanSeconds * ahead / Double(limits.running)
    return min(60, max(1, Int(seconds.rounded(.up))))
  }

  /// The pool's gauges and counters, in the Prometheus text format.
  var metrics: String {
    condition.withLock {
      let label = "pool=\"\(name)\""
      return """
        entente_work_running{\(label)} \(running)
        entente_work_queued{\(label)} \(waiting.count - head)
        entente_work_refused_total{\(label),reason="full"} \(refused.full)
        entente_work_refused_total{\(label),reason="late"} \(refused.late)

        """
    }
  }
}

/// A queued job: its body and whether its request has been answered.
private struct Job {
  let state: JobState
  let body: () -> Void
}

/// Whether a job's request has been answered (by its result or by a 503): the first answer
/// wins.
private final class JobState: @unchecked Sendable {
  private let lock = NSLock()
  private var finished = false

  var isFinished: Bool { lock.withLock { finished } }

  /// Marks the request answered; false when it was already.
  func finish() -> Bool {
    lock.withLock {
      if finished { return false }
      finished = true
      return true
    }
  }
}
