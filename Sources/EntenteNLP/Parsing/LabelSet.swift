/// The dependency relations of a parser.
public final class LabelSet: Sendable {
  /// The relation names (`nsubj`, `obl:agent`, ...).
  public let names: [String]

  /// Creates a label set.
  public init(names: [String]) { self.names = names }
}
