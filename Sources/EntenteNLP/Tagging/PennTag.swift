/// A Penn Treebank part-of-speech tag, as the tagger gives it (``TagSet/xpos``).
///
/// The closed set the coders compare against: `tag == .nnp` is one integer comparison. A tag
/// outside the Penn Treebank's English set (a model trained on another tag set) reads as
/// ``other``.
public enum PennTag: UInt8, Sendable, CaseIterable, CustomStringConvertible {
  case cc, cd, dt, ex, fw, `in`, jj, jjr, jjs, ls, md, nn, nns, nnp, nnps, pdt, pos, prp
  case prpPossessive, rb, rbr, rbs, rp, sym, to, uh, vb, vbd, vbg, vbn, vbp, vbz, wdt, wp
  case wpPossessive, wrb, hyph, nfp, add, afx, gw, xx, comma, period, colon, dollar, pound
  case openingQuote, closingQuote, leftBracket, rightBracket, other

  /// The tag written `name` (`NNP`, `PRP$`, `-LRB-`), or ``other``.
  public init(name: some StringProtocol) {
    self = Self.byName[String(name)] ?? .other
  }

  /// The Penn Treebank name (`NNP`, `PRP$`, `-LRB-`).
  public var name: String { Self.names[Int(rawValue)] }

  public var description: String { name }

  /// A common noun, singular or plural (`NN`, `NNS`).
  public var isCommonNoun: Bool { self == .nn || self == .nns }

  /// Any noun, common or proper (`NN`, `NNS`, `NNP`, `NNPS`).
  public var isNoun: Bool { self == .nn || self == .nns || self == .nnp || self == .nnps }

  /// A verb in any form (`VB`, `VBD`, `VBG`, `VBN`, `VBP`, `VBZ`).
  public var isVerb: Bool { rawValue >= PennTag.vb.rawValue && rawValue <= PennTag.vbz.rawValue }

  /// The names, in the order of the cases.
  private static let names: [String] = [
    "CC", "CD", "DT", "EX", "FW", "IN", "JJ", "JJR", "JJS", "LS", "MD", "NN", "NNS", "NNP",
    "NNPS", "PDT", "POS", "PRP", "PRP$", "RB", "RBR", "RBS", "RP", "SYM", "TO", "UH", "VB",
    "VBD", "VBG", "VBN", "VBP", "VBZ", "WDT", "WP", "WP$", "WRB", "HYPH", "NFP", "ADD", "AFX",
    "GW", "XX", ",", ".", ":", "$", "#", "``", "''", "-LRB-", "-RRB-", "",
  ]

  private static let byName: [String: PennTag] = Dictionary(
    uniqueKeysWithValues: allCases.map { ($0.name, $0) })
}
