import EntenteNLP
import Foundation
import Testing

/// The models shipped with Entente, loaded once.
let shippedModels: Models? = try? Models.bundled(parser: true)

/// Cases of (sentence, dependent, expected head, expected relation).
let keyStructures: [(String, String, String, String)] = [
  // Passives.
  ("The embassy was attacked by protesters.", "embassy", "attacked", "nsubj:pass"),
  ("The embassy was attacked by protesters.", "protesters", "attacked", "obl:agent"),
  ("The embassy was attacked by protesters.", "was", "attacked", "aux:pass"),
  // Coordination.
  ("Russia and North Korea signed a pact.", "Korea", "Russia", "conj"),
  ("Russia and North Korea signed a pact.", "Russia", "signed", "nsubj"),
  ("Russia and North Korea signed a pact.", "pact", "signed", "obj"),
  // Clausal complements.
  ("Putin said that Russia would respond.", "respond", "said", "ccomp"),
  ("South Korea wants to send arms to Ukraine.", "send", "wants", "xcomp"),
  ("South Korea wants to send arms to Ukraine.", "arms", "send", "obj"),
  // Apposition and possessives.
  ("Kim Jong Un, the North Korean leader, visited Moscow.", "leader", "Kim", "appos"),
  ("Russia's forces entered the city.", "Russia", "forces", "nmod:poss"),
  ("Russia's forces entered the city.", "forces", "entered", "nsubj"),
]

@Suite(
  "Shipped models",
  .enabled(if: shippedModels != nil, "the shipped models could not be loaded"))
struct ShippedModelTests {
  @Test("parses the structures event coding relies on", arguments: keyStructures)
  func keyStructure(_ sentence: String, _ dependent: String, _ head: String, _ relation: String)
    throws
  {
    let models = try #require(shippedModels)
    let doc = try Pipeline.standard(until: .parse, models: models)(sentence)
    try doc.checkInvariants()
    let texts = (0..<doc.tokens.count).map { doc[$0].text }
    let d = try #require(texts.firstIndex(of: dependent))
    let token = doc.tokens[d]
    let labels = try #require(doc.labelSet)
    let headText = token.head >= 0 ? texts[Int(token.head)] : "ROOT"
    #expect(headText == head, "\(dependent) should hang from \(head) in: \(sentence)")
    #expect(
      labels.names[Int(token.deprel)] == relation,
      "\(dependent) should be \(relation) in: \(sentence)")
  }

  @Test("tags and lemmatizes news text")
  func tagsAndLemmas() throws {
    let models = try #require(shippedModels)
    let doc = try Pipeline.standard(until: .tags, models: models)(
      "Russia withdrew its soldiers and said it fought for peace.")
    let tagSet = try #require(doc.tagSet)
    let tags = doc.tokens.map { tagSet.xpos[Int($0.tag)] }
    #expect(tags == ["NNP", "VBD", "PRP$", "NNS", "CC", "VBD", "PRP", "VBD", "IN", "NN", "."])
    #expect(
      Array(doc.lemmas) == [
        "Russia", "withdraw", "its", "soldier", "and", "say", "it", "fight", "for", "peace", ".",
      ])
  }

  @Test("every sentence has exactly one root and no cycles")
  func wellFormedTrees() throws {
    let models = try #require(shippedModels)
    let text = """
      North Korea and Russia signed a pact on Wednesday. The agreement, which officials in Seoul \
      criticised, includes a promise of mutual military assistance if either is attacked. "We \
      will respond," the ministry said.
      """
    let doc = try Pipeline.standard(until: .parse, models: models)(text)
    for sentence in doc.sentences {
      let range = Int(sentence.tokenStart)..<Int(sentence.tokenEnd)
      #expect(range.filter { doc.tokens[$0].head < 0 }.count == 1)
      for i in range {
        var seen = Set<Int>()
        var node = i
        while doc.tokens[node].head >= 0 {
          #expect(range.contains(Int(doc.tokens[node].head)))
          guard seen.insert(node).inserted else {
            Issue.record("cycle at token \(i)")
            break
          }
          node = Int(doc.tokens[node].head)
        }
      }
    }
  }
}
