/// Validation of the `YYYY-MM-DD` dates that documents carry.
public enum DocumentDate {
  /// The `YYYY-MM-DD` date at the start of `value` (a date or an ISO 8601 date-time), or
  /// `nil` when it is not a real calendar date.
  public static func normalize(_ value: String) -> String? {
    let bytes = Array(value.utf8)
    guard bytes.count >= 10, bytes[4] == 0x2D, bytes[7] == 0x2D else { return nil }
    if bytes.count > 10 && bytes[10] != 0x54 && bytes[10] != 0x20 { return nil }
    func number(_ range: Range<Int>) -> Int? {
      var result = 0
      for i in range {
        let d = Int(bytes[i]) - 0x30
        guard d >= 0 && d <= 9 else { return nil }
        result = result * 10 + d
      }
      return result
    }
    guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
      (1...12).contains(month), day >= 1
    else { return nil }
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
    guard day <= days[month - 1] else { return nil }
    return String(decoding: bytes[0..<10], as: UTF8.self)
  }
}
