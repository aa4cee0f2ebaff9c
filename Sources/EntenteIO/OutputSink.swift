import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Where output bytes go: standard output, a file or memory.
public protocol OutputSink: AnyObject {
  /// Writes `bytes`.
  ///
  /// - Throws: ``OutputError`` when the bytes cannot be written (a closed pipe, a full disk).
  func write(_ bytes: [UInt8]) throws(OutputError)
}

/// A failure to write output.
public struct OutputError: Error, Sendable, CustomStringConvertible {
  /// Whether the reader went away (a closed pipe), which is not worth reporting.
  public var isBrokenPipe: Bool
  /// What happened.
  public var description: String
}

/// Writes to a file descriptor, such as standard output.
public final class FileDescriptorSink: OutputSink {
  private let descriptor: Int32

  /// Creates a sink writing to `descriptor`.
  public init(descriptor: Int32) { self.descriptor = descriptor }

  /// Standard output.
  public static func standardOutput() -> FileDescriptorSink { FileDescriptorSink(descriptor: 1) }

  public func write(_ bytes: [UInt8]) throws(OutputError) {
    let failure: OutputError? = bytes.withUnsafeBytes { raw -> OutputError? in
      guard var base = raw.baseAddress else { return nil }
      var remaining = raw.count
      while remaining > 0 {
        let written = Foundation.write(descriptor, base, remaining)
        if written < 0 {
          if errno == EINTR { continue }
          return OutputError(
            isBrokenPipe: errno == EPIPE, description: String(cString: strerror(errno)))
        }
        remaining -= written
        base += written
      }
      return nil
    }
    if let failure { throw failure }
  }
}

/// Collects output in memory, for tests and the HTTP server.
public final class MemorySink: OutputSink {
  /// Everything written so far.
  public private(set) var bytes: [UInt8] = []

  /// Creates an empty sink.
  public init() {}

  public func write(_ bytes: [UInt8]) throws(OutputError) { self.bytes.append(contentsOf: bytes) }

  /// Everything written so far, as text.
  public var text: String { String(decoding: bytes, as: UTF8.self) }
}
