/// A fast writer of JSON text into a byte buffer, compact or indented.
///
/// The writer tracks nesting so that commas, colons and indentation come out right; callers
/// say what to write, in order. Strings are escaped as RFC 8259 requires, with U+2028 and
/// U+2029 escaped as well so that the output is also valid JavaScript.
public struct JSONBuffer: Sendable {
  /// The bytes written so far.
  public var bytes: [UInt8] = []
  private let pretty: Bool
  /// For each open container: whether it has an element yet.
  private var hasElement: [Bool] = []
  private var afterKey = false

  /// Creates an empty buffer.
  ///
  /// - Parameter pretty: Whether to indent with two spaces per level.
  public init(pretty: Bool) {
    self.pretty = pretty
    bytes.reserveCapacity(1 << 16)
  }

  /// Removes the bytes written, keeping the capacity and the nesting state.
  public mutating func removeBytes() { bytes.removeAll(keepingCapacity: true) }

  private mutating func newline() {
    guard pretty else { return }
    bytes.append(0x0A)
    for _ in 0..<hasElement.count {
      bytes.append(0x20)
      bytes.append(0x20)
    }
  }

  /// Writes the separator before a value: nothing after a key, else a comma and newline.
  private mutating func beforeValue() {
    if afterKey {
      afterKey = false
      return
    }
    guard let last = hasElement.indices.last else { return }
    if hasElement[last] { bytes.append(0x2C) }
    hasElement[last] = true
    newline()
  }

  /// Opens an object.
  public mutating func beginObject() {
    beforeValue()
    bytes.append(0x7B)
    hasElement.append(false)
  }

  /// Closes the innermost object.
  public mutating func endObject() { end(0x7D) }

  /// Opens an array.
  public mutating func beginArray() {
    beforeValue()
    bytes.append(0x5B)
    hasElement.append(false)
  }

  /// Closes the innermost array.
  public mutating func endArray() { end(0x5D) }

  private mutating func end(_ bracket: UInt8) {
    let hadElements = hasElement.removeLast()
    if hadElements { newline() }
    bytes.append(bracket)
  }

  /// Writes an object key; the next call writes its value.
  public mutating func key(_ name: StaticString) {
    beforeValue()
    bytes.append(0x22)
    name.withUTF8Buffer { bytes.append(contentsOf: $0) }
    bytes.append(0x22)
    bytes.append(0x3A)
    if pretty { bytes.append(0x20) }
    afterKey = true
  }

  /// Writes a string value.
  public mutating func string(_ value: String) {
    beforeValue()
    var copy = value
    copy.withUTF8 { appendEscaped($0) }
  }

  /// Begins a string value written in pieces (a text too long to hold at once).
  ///
  /// It writes the opening quote; ``stringPiece(_:)`` adds to it, ``endString()`` closes it.
  public mutating func beginString() {
    beforeValue()
    bytes.append(0x22)
  }

  /// Appends a piece of a string value, escaped, without quotes; the piece holds whole
  /// characters.
  public mutating func stringPiece(_ value: String) {
    var copy = value
    copy.withUTF8 { appendEscapedContent($0) }
  }

  /// Closes a string value begun with ``beginString()``.
  public mutating func endString() { bytes.append(0x22) }

  /// Marks the innermost container as holding elements that were written elsewhere (and
  /// copied to the output), so that it ends as a container with elements does.
  public mutating func markElements() {
    guard let last = hasElement.indices.last else { return }
    hasElement[last] = true
  }

  /// Writes a string value from raw UTF-8 bytes.
  public mutating func string(utf8 value: UnsafeBufferPointer<UInt8>) {
    beforeValue()
    appendEscaped(value)
  }

  /// Writes `value`, or `null` when it is `nil`.
  public mutating func string(orNull value: String?) {
    if let value { string(value) } else { null() }
  }

  /// Writes an integer value.
  public mutating func int(_ value: Int) {
    beforeValue()
    if value == 0 {
      bytes.append(0x30)
      return
    }
    var v = value.magnitude
    if value < 0 { bytes.append(0x2D) }
    let start = bytes.count
    while v > 0 {
      bytes.append(UInt8(truncatingIfNeeded: v % 10) + 0x30)
      v /= 10
    }
    bytes[start...].reverse()
  }

  /// Writes a finite number the shortest way that reads back the same (`-0.1`, `8`).
  public mutating func double(_ value: Double) {
    guard value.isFinite else { return null() }
    if value == value.rounded(), abs(value) < 1e15 {
      int(Int(value))
    } else {
      beforeValue()
      bytes.append(contentsOf: "\(value)".utf8)
    }
  }

  /// Writes a Boolean value.
  public mutating func bool(_ value: Bool) {
    beforeValue()
    if value {
      bytes.append(contentsOf: [0x74, 0x72, 0x75, 0x65])
    } else {
      bytes.append(contentsOf: [0x66, 0x61, 0x6C, 0x73, 0x65])
    }
  }

  /// Writes `null`.
  public mutating func null() {
    beforeValue()
    bytes.append(contentsOf: [0x6E, 0x75, 0x6C, 0x6C])
  }

  /// Writes an empty array value.
  public mutating func emptyArray() {
    beginArray()
    endArray()
  }

  private mutating func appendEscaped(_ value: UnsafeBufferPointer<UInt8>) {
    bytes.append(0x22)
    appendEscapedContent(value)
    bytes.append(0x22)
  }

  private mutating func appendEscapedContent(_ value: UnsafeBufferPointer<UInt8>) {
    let hex: [UInt8] = Array("0123456789abcdef".utf8)
    var i = 0
    let n = value.count
    while i < n {
      let b = value[i]
      switch b {
      case 0x22:
        bytes.append(0x5C)
        bytes.append(0x22)
      case 0x5C:
        bytes.append(0x5C)
        bytes.append(0x5C)
      case 0x0A:
        bytes.append(0x5C)
        bytes.append(0x6E)
      case 0x0D:
        bytes.append(0x5C)
        bytes.append(0x72)
      case 0x09:
        bytes.append(0x5C)
        bytes.append(0x74)
      case 0..<0x20, 0x7F:
        bytes.append(contentsOf: [0x5C, 0x75, 0x30, 0x30, hex[Int(b >> 4)], hex[Int(b & 0xF)]])
      case 0xE2
      where i + 2 < n && value[i + 1] == 0x80 && (value[i + 2] == 0xA8 || value[i + 2] == 0xA9):
        bytes.append(contentsOf: [0x5C, 0x75, 0x32, 0x30, 0x32, value[i + 2] == 0xA8 ? 0x38 : 0x39])
        i += 2
      default:
        bytes.append(b)
      }
      i += 1
    }
  }
}
