/// Days written `YYYY`, `YYYY-MM` or `YYYY-MM-DD`: the forms every date filter accepts (the
/// command line and the HTTP API alike).
public enum DayText {
  /// The day, if `text` is `YYYY-MM-DD`.
  public static func day(_ text: String) -> String? {
    parts(text)?.count == 3 ? text : nil
  }

  /// The first day `text` covers.
  public static func first(_ text: String) -> String? {
    guard let parts = parts(text) else { return nil }
    return parts.count == 1 ? "\(text)-01-01" : parts.count == 2 ? "\(text)-01" : text
  }

  /// The last day `text` covers (as text, `-31` serves every month).
  public static func last(_ text: String) -> String? {
    guard let parts = parts(text) else { return nil }
    return parts.count == 1 ? "\(text)-12-31" : parts.count == 2 ? "\(text)-31" : text
  }

  private static func parts(_ text: String) -> [Int]? {
    let pieces = text.split(separator: "-", omittingEmptySubsequences: false)
    guard (1...3).contains(pieces.count), pieces[0].count == 4,
      pieces.dropFirst().allSatisfy({ $0.count == 2 }),
      pieces.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) })
    else { return nil }
    let numbers = pieces.compactMap { Int($0) }
    if numbers.count > 1, !(1...12).contains(numbers[1]) { return nil }
    if numbers.count > 2, !(1...31).contains(numbers[2]) { return nil }
    return numbers
  }
}
