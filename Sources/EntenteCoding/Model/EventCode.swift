/// A CAMEO event code (`057`, `1712`); PETRARCH dictionaries may bring codes outside CAMEO.
public struct EventCode: CodeValue {
  public var rawValue: String

  public init(rawValue: String) { self.rawValue = rawValue }

  /// The root: the first two digits (`05` for `057`).
  public var root: Substring { rawValue.prefix(2) }
}
