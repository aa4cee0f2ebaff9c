import EntenteCoding
import EntenteNLP
import Foundation
import Testing

@Suite(
  "Long documents in parts",
  .enabled(if: defaultCoder != nil, "the shipped resources could not be loaded"))
struct DocumentPartsTests {
  /// A paragraph written here with events, a quotation, an agreement and an affiliation, and
  /// nothing that refers to an earlier paragraph.
  static let paragraph = """
    Chile and Peru signed a trade agreement in Lima on Monday. Bolivia criticized Chile. \
    “We will defend our interests,” Bolivian President Luis Arce said. Argentina praised Peru.
    """

  /// Every span of the document is the text at its offsets, every index points somewhere.
  static func expectSpansHold(_ document: CodedDocument) {
    #expect(throws: Never.self) { try document.checkInvariants() }
  }

  @Test("a document over the part size is coded in parts: the same findings, offsets of the whole")
  func parts() throws {
    var coder = try #require(defaultCoder)
    let count = 12
    let text = Array(repeating: Self.paragraph, count: count).joined(separator: "\n\n")
    let input = InputDocument(id: "long", date: "2024-06-19", text: text, origin: "test")
    let whole = coder.code(input)
    let one = coder.code(
      InputDocument(id: "one", date: "2024-06-19", text: Self.paragraph, origin: "test"))
    #expect(!one.events.isEmpty && !one.quotes.isEmpty && !one.agreements.isEmpty)
    coder.partBytes = 3 * Self.paragraph.utf8.count + 10
    var tokens = 0
    var sentences = 0
    let parted = coder.code(input, tokens: true) {
      sentences += $0
      tokens += $1
    }
    // Four parts of three paragraphs, each cut at a paragraph break.
    #expect(parted.text == whole.text)
    #expect(parted.contentHash == whole.contentHash)
    #expect(parted.sentences.count == whole.sentences.count && sentences == whole.sentences.count)
    #expect(parted.events.count == count * one.events.count)
    #expect(parted.mentions.count == whole.mentions.count)
    #expect(parted.quotes.count == count * one.quotes.count)
    #expect(parted.agreements.count == count * one.agreements.count)
    #expect(parted.events.map(\.code) == whole.events.map(\.code))
    #expect(parted.events.map(\.evidence) == whole.events.map(\.evidence))
    #expect(parted.mentions.map(\.span) == whole.mentions.map(\.span))
    Self.expectSpansHold(parted)
    // Token indices and heads are the whole document's.
    let all = parted.sentences.flatMap { $0.tokens ?? [] }
    #expect(all.count == tokens)
    #expect(all.map(\.index) == Array(0..<tokens))
    #expect(all.allSatisfy { ($0.dependency?.head ?? 0) < tokens })
  }

  @Test(
    "parts are cut at paragraph breaks, else lines, sentences, spaces, and never inside a character"
  )
  func cuts() {
    var coder = try? DocumentCoder(until: .tokens)
    coder?.partBytes = 64
    let cases = [
      String(repeating: "Peru met Chile. ", count: 40),
      String(repeating: "\u{201C}", count: 100),
      String(repeating: "é", count: 200),
      String(repeating: "word\n", count: 50) + "\n\n" + String(repeating: "x", count: 300),
    ]
    for text in cases {
      let document = coder?.code(InputDocument(id: "t", text: text, origin: "test"))
      #expect(document?.text == text.precomposedStringWithCanonicalMapping)
      if let document { Self.expectSpansHold(document) }
    }
  }

  @Test("the invariant check finds a span that is not its text, and an index that points nowhere")
  func invariants() throws {
    let coder = try #require(defaultCoder)
    let document = coder.code(
      InputDocument(id: "one", date: "2024-06-19", text: Self.paragraph, origin: "test"))
    try document.checkInvariants()
    var moved = document
    moved.events[0].evidence.start += 1
    #expect(throws: CodedDocumentInvariantError.self) { try moved.checkInvariants() }
    var lost = document
    lost.mentions[0].sentence = 99
    #expect(throws: CodedDocumentInvariantError.self) { try lost.checkInvariants() }
  }
}
