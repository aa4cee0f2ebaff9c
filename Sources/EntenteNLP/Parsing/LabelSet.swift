/// The dependency relations of a parser.
public final class LabelSet: Sendable {
  /// The relation names (`nsubj`, `obl:agent`, ...).
  public let names: [String]
  /// The relation of each name, for comparisons (``DependencyRelation/dep`` for a name outside
  /// UD English).
  public let relations: [DependencyRelation]

  /// Creates a label set.
  public init(names: [String]) {
    self.names = names
    self.relations = names.map { DependencyRelation(name: $0) }
  }
}
