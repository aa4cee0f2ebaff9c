/// An ISO 3166 alpha-3 country code (`RUS`, `PRK`), or a code of a former state (`SUN`).
public struct CountryCode: CodeValue {
  public var rawValue: String

  public init(rawValue: String) { self.rawValue = rawValue }
}
