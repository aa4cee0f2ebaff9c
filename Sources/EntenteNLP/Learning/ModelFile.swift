import Foundation

/// A model file that cannot be read: missing, truncated, corrupt or of another kind.
public struct ModelFileError: Error, Sendable, CustomStringConvertible {
  /// The file.
  public var path: String
  /// What is wrong.
  public var message: String

  /// Creates an error.
  public init(path: String, _ message: String) {
    self.path = path
    self.message = message
  }

  public var description: String { "\(path): \(message)" }
}

/// Entente's binary model format.
///
/// A file is the 8-byte magic `ENTMODEL`, a little-endian `UInt32` format version (1), a
/// `UInt32` section count, the sections, and a trailing CRC-32 of everything before it. A
/// section is a `UInt16` name length, the UTF-8 name, a `UInt8` element type (1: UTF-8
/// strings separated by line feeds, 2: `UInt16`, 3: `UInt32`, 4: `UInt64`, 5: 16-bit floats,
/// 6: bytes),
/// a `UInt64` byte length, and the bytes (little-endian numbers). See docs/models.md.
public struct ModelFile: Sendable {
  static let magic = Array("ENTMODEL".utf8)
  static let version: UInt32 = 1

  enum ElementType: UInt8 {
    case strings = 1
    case uint16 = 2
    case uint32 = 3
    case uint64 = 4
    case float16 = 5
    case uint8 = 6
  }

  /// The path the model was read from, for messages.
  public let path: String
  private let sections: [String: (ElementType, [UInt8])]

  /// Reads and checks the model file at `path`.
  ///
  /// - Throws: ``ModelFileError`` when the file is missing, truncated or corrupt.
  public init(path: String) throws(ModelFileError) {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw ModelFileError(path: path, "model file not found or unreadable")
    }
    try self.init(bytes: [UInt8](data), path: path)
  }

  /// Parses and checks model bytes.
  ///
  /// - Throws: ``ModelFileError`` when the bytes are truncated or corrupt.
  public init(bytes: [UInt8], path: String) throws(ModelFileError) {
    self.path = path
    guard bytes.count >= 20, Array(bytes[0..<8]) == Self.magic else {
      throw ModelFileError(path: path, "not an Entente model file (bad magic)")
    }
    let body = bytes[0..<(bytes.count - 4)]
    let stored = Self.readUInt32(bytes, at: bytes.count - 4)
    guard CRC32.checksum(body) == stored else {
      throw ModelFileError(path: path, "model file is truncated or corrupt (checksum mismatch)")
    }
    let version = Self.readUInt32(bytes, at: 8)
    guard version == Self.version else {
      throw ModelFileError(
        path: path, "model format version \(version) is not supported (expected \(Self.version))")
    }
    let count = Int(Self.readUInt32(bytes, at: 12))
    var offset = 16
    var sections: [String: (ElementType, [UInt8])] = [:]
    let end = bytes.count - 4
    for _ in 0..<count {
      guard offset + 2 <= end else { throw ModelFileError(path: path, "model file is truncated") }
      let nameLength = Int(bytes[offset]) | Int(bytes[offset + 1]) << 8
      offset += 2
      guard offset + nameLength + 9 <= end else {
        throw ModelFileError(path: path, "model file is truncated")
      }
      let name = String(decoding: bytes[offset..<(offset + nameLength)], as: UTF8.self)
      offset += nameLength
      guard let type = ElementType(rawValue: bytes[offset]) else {
        throw ModelFileError(path: path, "section \(name) has an unknown element type")
      }
      offset += 1
      var length = 0
      for k in 0..<8 { length |= Int(bytes[offset + k]) << (8 * k) }
      offset += 8
      guard length >= 0, offset + length <= end else {
        throw ModelFileError(path: path, "model file is truncated in section \(name)")
      }
      sections[name] = (type, Array(bytes[offset..<(offset + length)]))
      offset += length
    }
    guard offset == end else { throw ModelFileError(path: path, "model file has trailing bytes") }
    self.sections = sections
  }

  static func readUInt32(_ bytes: [UInt8], at offset: Int) -> UInt32 {
    UInt32(bytes[offset]) | UInt32(bytes[offset + 1]) << 8 | UInt32(bytes[offset + 2]) << 16
      | UInt32(bytes[offset + 3]) << 24
  }

  private func section(_ name: String, _ type: ElementType) throws(ModelFileError) -> [UInt8] {
    guard let (stored, bytes) = sections[name] else {
      throw ModelFileError(path: path, "model file lacks section \(name)")
    }
    guard stored == type else {
      throw ModelFileError(path: path, "section \(name) has the wrong type")
    }
    return bytes
  }

  /// Whether the file has a section named `name`.
  public func has(_ name: String) -> Bool { sections[name] != nil }

  /// The strings of section `name`.
  public func strings(_ name: String) throws(ModelFileError) -> [String] {
    let bytes = try section(name, .strings)
    if bytes.isEmpty { return [] }
    return bytes.split(separator: 0x0A, omittingEmptySubsequences: false).map {
      String(decoding: $0, as: UTF8.self)
    }
  }

  /// The integers of section `name`.
  public func integers<T: FixedWidthInteger & UnsignedInteger>(_ name: String)
    throws(ModelFileError) -> [T]
  {
    let type: ElementType
    switch T.bitWidth {
    case 16: type = .uint16
    case 32: type = .uint32
    default: type = .uint64
    }
    let bytes = try section(name, type)
    let size = T.bitWidth / 8
    guard bytes.count % size == 0 else {
      throw ModelFileError(path: path, "section \(name) is misaligned")
    }
    var result = [T](repeating: 0, count: bytes.count / size)
    result.withUnsafeMutableBytes { target in
      bytes.withUnsafeBytes { source in target.copyMemory(from: source) }
    }
    // The file is little-endian; so is every platform Entente runs on, but be exact.
    return result.map { T(littleEndian: $0) }
  }

  /// The bytes of section `name`.
  public func bytes(_ name: String) throws(ModelFileError) -> [UInt8] { try section(name, .uint8) }

  /// The 16-bit floats of section `name`, widened to `Float`.
  public func halfFloats(_ name: String) throws(ModelFileError) -> [Float] {
    let bytes = try section(name, .float16)
    guard bytes.count % 2 == 0 else {
      throw ModelFileError(path: path, "section \(name) is misaligned")
    }
    let table = HalfFloat.table
    var result = [Float](repeating: 0, count: bytes.count / 2)
    bytes.withUnsafeBufferPointer { source in
      result.withUnsafeMutableBufferPointer { target in
        for i in 0..<target.count {
          target[i] = table[Int(UInt16(source[2 * i]) | UInt16(source[2 * i + 1]) << 8)]
        }
      }
    }
    return result
  }
}

/// Conversion of 16-bit floats by table, faster than the software conversion the compiler
/// emits for targets without F16C.
enum HalfFloat {
  static let table: [Float] = (0...UInt16.max).map { Float(Float16(bitPattern: $0)) }
}

/// Builds a model file in memory.
public struct ModelFileWriter: Sendable {
  private var sections: [(String, ModelFile.ElementType, [UInt8])] = []

  /// Creates an empty writer.
  public init() {}

  /// Adds a section of strings (which must not contain line feeds).
  public mutating func add(_ name: String, strings: [String]) {
    sections.append((name, .strings, Array(strings.joined(separator: "\n").utf8)))
  }

  /// Adds a section of unsigned integers.
  public mutating func add<T: FixedWidthInteger & UnsignedInteger>(_ name: String, integers: [T]) {
    let type: ModelFile.ElementType =
      switch T.bitWidth {
      case 16: .uint16
      case 32: .uint32
      default: .uint64
      }
    var bytes = [UInt8]()
    bytes.reserveCapacity(integers.count * T.bitWidth / 8)
    for value in integers {
      let wide = UInt64(value)
      for k in 0..<(T.bitWidth / 8) { bytes.append(UInt8(truncatingIfNeeded: wide >> (8 * k))) }
    }
    sections.append((name, type, bytes))
  }

  /// Adds a section of bytes.
  public mutating func add(_ name: String, bytes: [UInt8]) {
    sections.append((name, .uint8, bytes))
  }

  /// Adds a section of floats, stored as 16-bit floats.
  public mutating func add(_ name: String, halfFloats: [Float]) {
    var bytes = [UInt8]()
    bytes.reserveCapacity(halfFloats.count * 2)
    for value in halfFloats {
      let bits = Float16(value).bitPattern
      bytes.append(UInt8(truncatingIfNeeded: bits))
      bytes.append(UInt8(truncatingIfNeeded: bits >> 8))
    }
    sections.append((name, .float16, bytes))
  }

  /// The bytes of the file.
  public func bytes() -> [UInt8] {
    var out = ModelFile.magic
    func append32(_ v: UInt32) {
      for k in 0..<4 { out.append(UInt8(truncatingIfNeeded: v >> (8 * k))) }
    }
    append32(ModelFile.version)
    append32(UInt32(sections.count))
    for (name, type, payload) in sections {
      let nameBytes = Array(name.utf8)
      out.append(UInt8(truncatingIfNeeded: nameBytes.count))
      out.append(UInt8(truncatingIfNeeded: nameBytes.count >> 8))
      out.append(contentsOf: nameBytes)
      out.append(type.rawValue)
      let length = UInt64(payload.count)
      for k in 0..<8 { out.append(UInt8(truncatingIfNeeded: length >> (8 * k))) }
      out.append(contentsOf: payload)
    }
    append32(CRC32.checksum(out[...]))
    return out
  }

  /// Writes the file to `path`.
  ///
  /// - Throws: ``ModelFileError`` when it cannot be written.
  public func write(to path: String) throws(ModelFileError) {
    do {
      try Data(bytes()).write(to: URL(fileURLWithPath: path), options: .atomic)
    } catch {
      throw ModelFileError(path: path, "cannot write model file: \(error.localizedDescription)")
    }
  }
}

/// The CRC-32 (IEEE 802.3) checksum.
enum CRC32 {
  static let table: [UInt32] = (0..<256).map { n in
    var c = UInt32(n)
    for _ in 0..<8 { c = c & 1 != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
    return c
  }

  static func checksum(_ bytes: ArraySlice<UInt8>) -> UInt32 {
    var crc: UInt32 = 0xFFFF_FFFF
    Self.table.withUnsafeBufferPointer { table in
      bytes.withUnsafeBufferPointer { bytes in
        for byte in bytes { crc = table[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8) }
      }
    }
    return crc ^ 0xFFFF_FFFF
  }
}
