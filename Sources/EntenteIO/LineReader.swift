import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reads a file descriptor in large blocks and hands out its lines, with bounded memory.
struct LineReader {
  enum ReadError: Error, Sendable {
    case tooLarge
    case io(String)
  }

  private let handle: FileHandle
  private let maxLine: Int
  private var buffer: [UInt8] = []
  private var position = 0
  private var atEnd = false
  private var failed: String?
  /// The 1-based number of the line last returned.
  private(set) var lineNumber = 0

  init(handle: FileHandle, maxLine: Int) {
    self.handle = handle
    self.maxLine = maxLine
  }

  /// Stops reading; later calls return `nil`.
  mutating func finish() {
    atEnd = true
    buffer = []
    position = 0
  }

  /// Reads the next block into the buffer; returns `false` at end of input.
  private mutating func fill() -> Bool {
    if atEnd { return false }
    if position > 0 {
      buffer.removeSubrange(0..<position)
      position = 0
    }
    let blockSize = 1 << 20
    var readCount = 0
    let descriptor = handle.fileDescriptor
    // Read into a block that is not filled first (no megabyte of zeros for a short file).
    let block = [UInt8](unsafeUninitializedCapacity: blockSize) { pointer, count in
      count = 0
      guard let base = pointer.baseAddress else { return }
      while true {
        let result = read(descriptor, base, blockSize)
        if result < 0 && errno == EINTR { continue }
        readCount = result
        break
      }
      count = max(0, readCount)
    }
    if readCount < 0 {
      failed = String(cString: strerror(errno))
      atEnd = true
      return false
    }
    buffer.append(contentsOf: block)
    if readCount == 0 { atEnd = true }
    return readCount > 0
  }

  /// The next line without its line feed, an error, or `nil` at the end.
  mutating func nextLine() -> Result<[UInt8], ReadError>? {
    var scanFrom = position
    var skipping = false
    while true {
      if let newline = buffer[scanFrom...].firstIndex(of: 0x0A) {
        lineNumber += 1
        defer { position = newline + 1 }
        if skipping || newline - position > maxLine { return .failure(.tooLarge) }
        var end = newline
        if end > position && buffer[end - 1] == 0x0D { end -= 1 }
        return .success(Array(buffer[position..<end]))
      }
      if buffer.count - position > maxLine {
        // Drop what is buffered of an overlong line and read on to its end.
        skipping = true
        position = buffer.count
      }
      let shift = position
      scanFrom = buffer.count
      guard fill() else {
        if let failed {
          self.failed = nil
          return .failure(.io(failed))
        }
        guard position < buffer.count || skipping else { return nil }
        lineNumber += 1
        defer { position = buffer.count }
        if skipping { return .failure(.tooLarge) }
        return .success(Array(buffer[position...]))
      }
      scanFrom -= shift
    }
  }

  /// Reads all of `handle`, up to `limit` bytes.
  static func readAll(_ handle: FileHandle, limit: Int) -> Result<[UInt8], ReadError> {
    var result: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    let descriptor = handle.fileDescriptor
    while true {
      let count = chunk.withUnsafeMutableBufferPointer { pointer -> Int in
        guard let base = pointer.baseAddress else { return 0 }
        while true {
          let result = read(descriptor, base, pointer.count)
          if result < 0 && errno == EINTR { continue }
          return result
        }
      }
      if count < 0 { return .failure(.io(String(cString: strerror(errno)))) }
      if count == 0 { return .success(result) }
      if result.count + count > limit { return .failure(.tooLarge) }
      result.append(contentsOf: chunk[0..<count])
    }
  }
}
