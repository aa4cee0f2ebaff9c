/// A problem with one input: a file, a JSON Lines record or standard input.
///
/// Every error names where it happened: the path, and the line or byte offset when known.
/// An input error rejects that input (or that record) only; the others are still processed.
public struct InputError: Error, Sendable, Equatable, CustomStringConvertible {
  /// What went wrong, as a stable code.
  public struct Code: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public var description: String { rawValue }

    /// The path does not exist.
    public static let missingFile = Code(rawValue: "missing-file")
    /// The path exists but could not be read.
    public static let unreadable = Code(rawValue: "unreadable")
    /// The file holds binary data, not text.
    public static let binary = Code(rawValue: "binary")
    /// The input is larger than the document size limit.
    public static let tooLarge = Code(rawValue: "too-large")
    /// A JSON Lines record is not a JSON object.
    public static let malformedJSON = Code(rawValue: "malformed-json")
    /// A JSON Lines record lacks a required field.
    public static let missingField = Code(rawValue: "missing-field")
    /// A JSON Lines field has the wrong type or form.
    public static let invalidField = Code(rawValue: "invalid-field")
  }

  /// What went wrong.
  public var code: Code
  /// The path of the input (`-` for standard input).
  public var path: String
  /// The 1-based line of a JSON Lines record.
  public var line: Int?
  /// The byte offset in the file, when it matters.
  public var byteOffset: Int?
  /// A human-readable explanation.
  public var message: String

  /// Creates an error.
  public init(
    _ code: Code, path: String, line: Int? = nil, byteOffset: Int? = nil, _ message: String
  ) {
    self.code = code
    self.path = path
    self.line = line
    self.byteOffset = byteOffset
    self.message = message
  }

  /// `path[:line]: message`.
  public var description: String { locatedMessage(path: path, line: line, message) }
}

/// Something in an input that was repaired or assumed, reported but not rejected.
public struct InputWarning: Sendable, Equatable, CustomStringConvertible {
  /// The path of the input.
  public var path: String
  /// The 1-based line of a JSON Lines record.
  public var line: Int?
  /// A human-readable explanation.
  public var message: String

  /// Creates a warning.
  public init(path: String, line: Int? = nil, _ message: String) {
    self.path = path
    self.line = line
    self.message = message
  }

  /// `path[:line]: message`.
  public var description: String { locatedMessage(path: path, line: line, message) }
}

/// `path[:line]: message`, the form of every diagnostic about an input.
func locatedMessage(path: String, line: Int?, _ message: String) -> String {
  guard let line else { return "\(path): \(message)" }
  return "\(path):\(line): \(message)"
}
