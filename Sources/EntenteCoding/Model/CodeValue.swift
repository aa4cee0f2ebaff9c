/// A code of an open set, written as a string: an actor, country or event code.
///
/// Dictionaries bring codes of their own, so these are not enums; the types keep an actor
/// code from being passed where an event code is meant, and encode as plain strings.
public protocol CodeValue: RawRepresentable, Hashable, Comparable, Sendable, Codable,
  ExpressibleByStringLiteral, CustomStringConvertible
where RawValue == String {
  /// The code written `rawValue`.
  init(rawValue: String)
}

extension CodeValue {
  /// The code written `value`.
  public init(stringLiteral value: String) { self.init(rawValue: value) }

  public var description: String { rawValue }

  public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}
