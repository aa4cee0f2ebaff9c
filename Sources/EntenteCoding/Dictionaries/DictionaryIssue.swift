/// A problem in a dictionary file, with its place: the entry is skipped, the rest loads.
public struct DictionaryIssue: Error, Sendable, Equatable, CustomStringConvertible {
  /// The file.
  public var path: String
  /// The 1-based line.
  public var line: Int
  /// What is wrong.
  public var message: String

  /// Creates an issue.
  public init(path: String, line: Int, _ message: String) {
    self.path = path
    self.line = line
    self.message = message
  }

  /// `path:line: message`.
  public var description: String { "\(path):\(line): \(message)" }
}
