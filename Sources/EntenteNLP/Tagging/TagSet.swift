/// The classes of a part-of-speech tagger: each a Penn Treebank tag with its Universal tag.
public final class TagSet: Sendable {
  /// Penn Treebank tag of each class.
  public let xpos: [String]
  /// Universal POS tag of each class.
  public let upos: [String]
  /// The Penn Treebank tag of each class as an enum, for comparisons.
  public let pennTags: [PennTag]

  /// Creates a tag set from `XPOS|UPOS` class names.
  public init(classes: [String]) {
    var xpos: [String] = []
    var upos: [String] = []
    for name in classes {
      let parts = name.split(separator: "|", maxSplits: 1)
      xpos.append(parts.first.map(String.init) ?? name)
      upos.append(parts.count > 1 ? String(parts[1]) : "X")
    }
    self.xpos = xpos
    self.upos = upos
    self.pennTags = xpos.map { PennTag(name: $0) }
  }

  /// The number of classes.
  public var count: Int { xpos.count }

  /// The `XPOS|UPOS` name of each class.
  public var classNames: [String] { zip(xpos, upos).map { "\($0)|\($1)" } }
}
