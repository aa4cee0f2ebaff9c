import EntenteNLP
import Foundation
import Testing

/// The founding example lives in `../shared`, which the project may read but not copy.
enum SharedData {
  /// `../shared` beside the package root.
  static let root = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("shared")

  /// The text of `../shared/<relative>`, or `nil` when the shared folder is absent.
  static func text(_ relative: String) -> String? {
    try? String(contentsOf: root.appendingPathComponent(relative), encoding: .utf8)
  }

  static var hasFoundingExample: Bool { text("examples/pact-article.txt") != nil }
}

@Suite(
  "Founding example",
  .enabled(if: SharedData.hasFoundingExample, "../shared/examples/pact-article.txt is absent"))
struct FoundingExampleTests {
  let text = SharedData.text("examples/pact-article.txt") ?? ""

  @Test("comes out as exactly its 18 sentences")
  func eighteenSentences() throws {
    let doc = Pipeline.standard()(text)
    try doc.checkInvariants()
    #expect(doc.sentences.count == 18)
    // Paragraph by paragraph (one per line), the number of sentences each holds.
    let paragraphs = text.split(separator: "\n").map {
      Pipeline.standard()(String($0)).sentences.count
    }
    #expect(paragraphs == [1, 2, 1, 2, 2, 2, 1, 2, 1, 2, 2])
    for span in doc.sentenceSpans {
      let sentence = span.text
      #expect(sentence.hasSuffix("."), "\(sentence)")
      #expect(sentence.first?.isUppercase == true, "\(sentence)")
      #expect(!sentence.contains("\n"))
    }
  }

  @Test("keeps acronyms and possessives as news tokens")
  func tokens() {
    let doc = Pipeline.standard()(text)
    let texts = (0..<doc.tokens.count).map { doc[$0].text }
    #expect(texts.contains("U.N."))
    #expect(texts.contains("U.S."))
    #expect(texts.contains("long-range"))
    #expect(texts.filter { $0 == "’s" }.count >= 10)
    #expect(!texts.contains { $0.hasSuffix("’s") && $0.count > 2 })
  }
}
