/// A Universal Dependencies relation, as the parser labels a token's link to its head.
///
/// The parser's model names its labels by string (``LabelSet``); a ``Doc`` stores each token's
/// label as an index into that set. This enum is the closed set the coders compare against, so
/// that `relation == .nsubj` is one integer comparison rather than a string one. A label the
/// enum does not know (a model trained on another treebank) reads as ``dep``.
public enum DependencyRelation: UInt8, Sendable, CaseIterable, CustomStringConvertible {
  case acl, aclRelcl, advcl, advclRelcl, advmod, amod, appos, aux, auxPass, `case`, cc, ccPreconj
  case ccomp, clf, compound, compoundPrt, conj, cop, csubj, csubjOuter, csubjPass, dep, det
  case detPredet, discourse, dislocated, expl, fixed, flat, goeswith, iobj, list, mark, nmod
  case nmodDesc, nmodNpmod, nmodPoss, nmodUnmarked, nsubj, nsubjOuter, nsubjPass, nummod, obj
  case obl, oblAgent, oblNpmod, oblTmod, oblUnmarked, orphan, parataxis, punct, reparandum
  case root, vocative, xcomp

  /// The relation named `name` (`nsubj:pass`), or ``dep`` for a name outside UD English.
  public init(name: some StringProtocol) {
    self = Self.byName[String(name)] ?? .dep
  }

  /// The UD name, with its subtype (`nsubj:pass`).
  public var name: String { Self.names[Int(rawValue)] }

  public var description: String { name }

  /// The relation without its subtype: `nsubj:pass` -> `nsubj`, `nmod:poss` -> `nmod`.
  public var base: DependencyRelation { Self.bases[Int(rawValue)] }

  /// The names, in the order of the cases.
  private static let names: [String] = [
    "acl", "acl:relcl", "advcl", "advcl:relcl", "advmod", "amod", "appos", "aux", "aux:pass",
    "case", "cc", "cc:preconj", "ccomp", "clf", "compound", "compound:prt", "conj", "cop",
    "csubj", "csubj:outer", "csubj:pass", "dep", "det", "det:predet", "discourse",
    "dislocated", "expl", "fixed", "flat", "goeswith", "iobj", "list", "mark", "nmod",
    "nmod:desc", "nmod:npmod", "nmod:poss", "nmod:unmarked", "nsubj", "nsubj:outer",
    "nsubj:pass", "nummod", "obj", "obl", "obl:agent", "obl:npmod", "obl:tmod",
    "obl:unmarked", "orphan", "parataxis", "punct", "reparandum", "root", "vocative", "xcomp",
  ]

  private static let byName: [String: DependencyRelation] = Dictionary(
    uniqueKeysWithValues: allCases.map { ($0.name, $0) })

  private static let bases: [DependencyRelation] = allCases.map { relation in
    let name = relation.name
    guard let colon = name.firstIndex(of: ":") else { return relation }
    return byName[String(name[..<colon])] ?? relation
  }
}
