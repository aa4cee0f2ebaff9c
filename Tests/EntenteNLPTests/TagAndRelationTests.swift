import EntenteNLP
import Testing

@Suite("Tags and relations as enums")
struct TagAndRelationTests {
  @Test("every UD relation reads back from its name; subtypes have their base")
  func relations() {
    for relation in DependencyRelation.allCases {
      #expect(DependencyRelation(name: relation.name) == relation, "\(relation.name)")
    }
    #expect(Set(DependencyRelation.allCases.map(\.name)).count == DependencyRelation.allCases.count)
    #expect(DependencyRelation(name: "nsubj:pass") == .nsubjPass)
    #expect(DependencyRelation(name: "case") == .case)
    #expect(DependencyRelation.nsubjPass.base == .nsubj)
    #expect(DependencyRelation.nmodPoss.base == .nmod)
    #expect(DependencyRelation.oblAgent.base == .obl)
    #expect(DependencyRelation.aclRelcl.base == .acl)
    #expect(DependencyRelation.obj.base == .obj)
    #expect(DependencyRelation(name: "nonsense") == .dep)
  }

  @Test("every Penn tag reads back from its name; verbs and nouns are classed")
  func tags() {
    for tag in PennTag.allCases where tag != .other {
      #expect(PennTag(name: tag.name) == tag, "\(tag.name)")
    }
    #expect(PennTag(name: "PRP$") == .prpPossessive)
    #expect(PennTag(name: "-LRB-") == .leftBracket)
    #expect(PennTag(name: "??") == .other)
    #expect(["VB", "VBD", "VBG", "VBN", "VBP", "VBZ"].allSatisfy { PennTag(name: $0).isVerb })
    #expect(!PennTag.md.isVerb && !PennTag.wdt.isVerb)
    #expect(PennTag.nns.isCommonNoun && !PennTag.nnp.isCommonNoun && PennTag.nnps.isNoun)
  }

  @Test("the shipped models' tags and labels are all known")
  func shippedModels() throws {
    let models = try Models.bundled(parser: true)
    let tags = models.tagger.tagSet
    #expect(
      !tags.pennTags.contains(.other), "\(zip(tags.xpos, tags.pennTags).filter { $0.1 == .other })")
    let labels = try #require(models.parser?.labelSet)
    #expect(
      zip(labels.names, labels.relations).allSatisfy { $0.0 == "dep" || $0.1 != .dep },
      "\(zip(labels.names, labels.relations).filter { $0.1 == .dep })")
  }
}
