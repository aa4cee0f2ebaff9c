/// A calendar day as the integer `YYYYMMDD`, which orders like the dates it names.
public struct DayDate: Sendable, Hashable, Comparable, CustomStringConvertible {
  /// `YYYYMMDD`.
  public var value: Int

  /// Creates a day from its `YYYYMMDD` value.
  public init(_ value: Int) { self.value = value }

  /// Parses `YYYY-MM-DD`.
  public init?(iso: String) {
    let parts = iso.split(separator: "-")
    guard parts.count == 3, let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]),
      (1...12).contains(m), (1...31).contains(d)
    else { return nil }
    value = y * 10_000 + m * 100 + d
  }

  /// Parses a PETRARCH date: `YYMMDD` (years up to 30 are 20YY, the rest 19YY) or `YYYYMMDD`.
  public init?(petrarch text: Substring) {
    guard text.allSatisfy(\.isASCII), let number = Int(text) else { return nil }
    switch text.count {
    case 6:
      let yy = number / 10_000
      value = (yy <= 30 ? 2000 + yy : 1900 + yy) * 10_000 + number % 10_000
    case 8:
      value = number
    default:
      return nil
    }
    let month = value / 100 % 100
    let day = value % 100
    guard (1...12).contains(month), (1...31).contains(day) else { return nil }
  }

  public static func < (lhs: DayDate, rhs: DayDate) -> Bool { lhs.value < rhs.value }

  /// `YYYY-MM-DD`.
  public var description: String {
    let y = value / 10_000
    let m = value / 100 % 100
    let d = value % 100
    return "\(y)-\(m < 10 ? "0" : "")\(m)-\(d < 10 ? "0" : "")\(d)"
  }
}
