/// A CAMEO actor code: a country, IGO or `---` (no known country) of three letters,
/// then sectors of three (`RUS`, `RUSGOV`, `PRKMIL`, `IGOUNO`, `---GOV`).
public struct ActorCode: CodeValue {
  public var rawValue: String

  public init(rawValue: String) { self.rawValue = rawValue }

  /// The first three letters: the country, IGO or `---`.
  public var base: Substring { rawValue.prefix(3) }
}
