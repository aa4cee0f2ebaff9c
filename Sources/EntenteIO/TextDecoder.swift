import Foundation

/// Turns the bytes of an input into text, repairing what can be repaired.
///
/// - UTF-8 (with or without a byte-order mark) is taken as it is.
/// - UTF-16 with a byte-order mark is decoded.
/// - Bytes that are not valid UTF-8 in a file that is otherwise UTF-8 are replaced by U+FFFD,
///   with a warning naming the first bad byte's offset and the number of bad sequences.
/// - A file with invalid bytes and no valid multi-byte UTF-8 sequence at all is a legacy
///   8-bit file (Latin-1 or Windows-1252, common in older corpora); it is decoded as
///   Windows-1252, with a warning.
/// - A file with NUL bytes or mostly control characters is binary and is rejected.
public enum TextDecoder {
  /// The result of decoding: the text and what was repaired.
  public struct Decoded: Sendable {
    /// The text.
    public var text: String
    /// Messages about repairs, without location (the caller adds it).
    public var repairs: [String]
  }

  /// Decodes `bytes`.
  ///
  /// - Parameters:
  ///   - bytes: The raw input.
  ///   - path: The input's path, for errors.
  ///   - line: The input's line, for errors in JSON Lines records.
  /// - Returns: The text and the list of repairs made.
  /// - Throws: ``InputError`` with code `binary` for binary data.
  /// - Complexity: O(*n*) in the number of bytes.
  public static func decode(
    _ bytes: UnsafeBufferPointer<UInt8>, path: String, line: Int? = nil
  ) throws(InputError) -> Decoded {
    var slice = bytes[...]
    if slice.starts(with: [0xEF, 0xBB, 0xBF]) { slice = slice.dropFirst(3) }
    if bytes.count >= 2
      && (bytes[0] == 0xFF && bytes[1] == 0xFE || bytes[0] == 0xFE && bytes[1] == 0xFF)
    {
      let data = Data(buffer: bytes)
      let encoding: String.Encoding = bytes[0] == 0xFF ? .utf16LittleEndian : .utf16BigEndian
      if let text = String(data: data.dropFirst(2), encoding: encoding) {
        return Decoded(text: text, repairs: ["decoded as UTF-16 (byte-order mark)"])
      }
      throw InputError(
        .binary, path: path, line: line, "has a UTF-16 byte-order mark but is not valid UTF-16")
    }
    if let offset = binaryEvidence(UnsafeBufferPointer(rebasing: slice)) {
      throw InputError(
        .binary, path: path, line: line, byteOffset: offset,
        "looks like a binary file (control byte 0x\(String(bytes[offset], radix: 16, uppercase: true)) at byte \(offset)); skipped"
      )
    }
    let report = validate(UnsafeBufferPointer(rebasing: slice))
    let base = slice.startIndex
    guard let firstInvalid = report.firstInvalid else {
      return Decoded(
        text: String(decoding: UnsafeBufferPointer(rebasing: slice), as: UTF8.self), repairs: [])
    }
    if report.validMultibyte == 0 {
      return Decoded(
        text: windows1252(UnsafeBufferPointer(rebasing: slice)),
        repairs: [
          "not valid UTF-8 (first bad byte at offset \(firstInvalid + base)) and no UTF-8 sequences at all: decoded as Windows-1252"
        ])
    }
    return Decoded(
      text: String(decoding: UnsafeBufferPointer(rebasing: slice), as: UTF8.self),
      repairs: [
        "invalid UTF-8 at byte offset \(firstInvalid + base) (\(report.invalidSequences) bad sequence\(report.invalidSequences == 1 ? "" : "s") replaced by U+FFFD)"
      ])
  }

  /// The offset of a byte that shows `bytes` to be binary, or `nil` for text.
  ///
  /// A NUL byte anywhere in the first 64 KiB is binary; so is a first 4 KiB in which more
  /// than a tenth of the bytes are control characters other than tab, line feed, vertical
  /// tab, form feed, carriage return and escape.
  static func binaryEvidence(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
    let window = Swift.min(bytes.count, 65_536)
    for i in 0..<window where bytes[i] == 0 { return i }
    let sample = Swift.min(bytes.count, 4_096)
    var controls = 0
    var first = -1
    for i in 0..<sample {
      let b = bytes[i]
      if b < 0x20 && !(b >= 0x09 && b <= 0x0D) && b != 0x1B {
        controls += 1
        if first < 0 { first = i }
      }
    }
    return sample > 0 && controls * 10 > sample ? first : nil
  }

  struct Validation {
    var firstInvalid: Int?
    var invalidSequences = 0
    var validMultibyte = 0
  }

  /// Validates UTF-8, counting bad sequences and good multi-byte ones.
  static func validate(_ bytes: UnsafeBufferPointer<UInt8>) -> Validation {
    var report = Validation()
    let n = bytes.count
    var i = 0
    while i < n {
      let b0 = bytes[i]
      if b0 < 0x80 {
        i += 1
        continue
      }
      var length = 0
      var minimum: UInt32 = 0
      var value: UInt32 = 0
      switch b0 {
      case 0xC2...0xDF:
        length = 2
        minimum = 0x80
        value = UInt32(b0 & 0x1F)
      case 0xE0...0xEF:
        length = 3
        minimum = 0x800
        value = UInt32(b0 & 0x0F)
      case 0xF0...0xF4:
        length = 4
        minimum = 0x10000
        value = UInt32(b0 & 0x07)
      default:
        length = 0
      }
      var valid = length > 0 && i + length <= n
      if valid {
        for k in 1..<length {
          let b = bytes[i + k]
          if b & 0xC0 != 0x80 {
            valid = false
            break
          }
          value = (value << 6) | UInt32(b & 0x3F)
        }
      }
      if valid && (value < minimum || value > 0x10FFFF || (0xD800...0xDFFF).contains(value)) {
        valid = false
      }
      if valid {
        report.validMultibyte += 1
        i += length
      } else {
        if report.firstInvalid == nil { report.firstInvalid = i }
        report.invalidSequences += 1
        i += 1
      }
    }
    return report
  }

  /// Decodes Windows-1252 (a superset of the printable part of Latin-1).
  static func windows1252(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
    let high: [UInt32] = [
      0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
      0x2039, 0x0152, 0x8D, 0x017D, 0x8F, 0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013,
      0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
    ]
    var scalars = String.UnicodeScalarView()
    scalars.reserveCapacity(bytes.count)
    for b in bytes {
      let value = b >= 0x80 && b < 0xA0 ? high[Int(b - 0x80)] : UInt32(b)
      scalars.append(Unicode.Scalar(value) ?? "\u{FFFD}")
    }
    return String(scalars)
  }
}
