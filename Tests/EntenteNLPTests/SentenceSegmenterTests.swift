import EntenteNLP
import Foundation
import Testing

/// The sentence texts of `text`, joined with " || ".
func sentenceTexts(_ text: String) -> String {
  Pipeline.standard()(text).sentenceSpans.map(\.text).joined(separator: " || ")
}

/// Each case is an input and its expected sentences, joined with " || ".
let segmenterCases: [(String, String)] = [
  // Final punctuation.
  ("Russia signed. Korea agreed.", "Russia signed. || Korea agreed."),
  ("Did they sign? Yes!", "Did they sign? || Yes!"),
  ("It happened!!! Then silence.", "It happened!!! || Then silence."),
  ("No final period", "No final period"),
  ("One sentence.", "One sentence."),
  ("", ""),
  ("Wait... What happened?", "Wait... || What happened?"),
  ("He paused… and went on.", "He paused… and went on."),
  ("They waited... and waited.", "They waited... and waited."),
  // Abbreviations, initials, decimals.
  ("Mr. Kim met Gen. Gerasimov. They talked.", "Mr. Kim met Gen. Gerasimov. || They talked."),
  ("U.N. sanctions remain. China objects.", "U.N. sanctions remain. || China objects."),
  ("Both denied U.S. and allied claims.", "Both denied U.S. and allied claims."),
  ("He lives in the U.S. He works there.", "He lives in the U.S. || He works there."),
  ("The U.S. Senate voted.", "The U.S. Senate voted."),
  ("John F. Kennedy spoke. He left.", "John F. Kennedy spoke. || He left."),
  ("Growth was 3.5 percent. It slowed.", "Growth was 3.5 percent. || It slowed."),
  ("It rose 0.5%. Then it fell.", "It rose 0.5%. || Then it fell."),
  ("They met on Jan. 5 in Moscow.", "They met on Jan. 5 in Moscow."),
  ("At 5 p.m. the talks ended.", "At 5 p.m. the talks ended."),
  ("Talks ended at 5 p.m. The sides left.", "Talks ended at 5 p.m. || The sides left."),
  ("Acme Inc. said so. The shares fell.", "Acme Inc. said so. || The shares fell."),
  ("He joined Acme Inc. The firm grew.", "He joined Acme Inc. || The firm grew."),
  ("Dr. Terry of the Council spoke.", "Dr. Terry of the Council spoke."),
  ("It was approx. five days.", "It was approx. five days."),
  ("It cost $4.5 billion. Officials agreed.", "It cost $4.5 billion. || Officials agreed."),
  (
    "The treaty of 1961 lapsed in 2000. A new one followed.",
    "The treaty of 1961 lapsed in 2000. || A new one followed."
  ),
  ("See No. 10 for details.", "See No. 10 for details."),
  ("The answer was no. Then yes.", "The answer was no. || Then yes."),
  // Quotes and brackets after the final period.
  ("He said, \"We will respond.\" Then he left.", "He said, \"We will respond.\" || Then he left."),
  ("He said, “We will respond.” Then he left.", "He said, “We will respond.” || Then he left."),
  ("“Why?” he asked.", "“Why?” he asked."),
  ("“We will win!” she said. Nobody cheered.", "“We will win!” she said. || Nobody cheered."),
  ("(He later resigned.) The party split.", "(He later resigned.) || The party split."),
  ("It ended (finally). Peace came.", "It ended (finally). || Peace came."),
  ("“It is over.” “No, it is not.”", "“It is over.” || “No, it is not.”"),
  ("He called it ‘defensive.’ Others did not.", "He called it ‘defensive.’ || Others did not."),
  // Lowercase after a period does not start a sentence.
  ("e.g. arms and shells were sent.", "e.g. arms and shells were sent."),
  ("See example.com. it is down.", "See example.com. it is down."),
  // Headlines, paragraphs and lines.
  (
    "Russia and North Korea sign pact\n\nThe two countries agreed.",
    "Russia and North Korea sign pact || The two countries agreed."
  ),
  (
    "Headline without period\nFirst sentence here. Second one.",
    "Headline without period || First sentence here. || Second one."
  ),
  ("First paragraph\n\n\nSecond paragraph", "First paragraph || Second paragraph"),
  ("A line\r\nAnother line", "A line || Another line"),
  ("Para one.\u{2029}Para two.", "Para one. || Para two."),
  // Datelines.
  (
    "MOSCOW (Reuters) - Russia said it would respond.",
    "MOSCOW (Reuters) - || Russia said it would respond."
  ),
  (
    "SEOUL, South Korea (AP) — The North fired a missile.",
    "SEOUL, South Korea (AP) — || The North fired a missile."
  ),
  ("WASHINGTON — Officials met.", "WASHINGTON — || Officials met."),
  ("Putin - who spoke first - left.", "Putin - who spoke first - left."),
  // Run-together sentences.
  ("They signed.Then they left.", "They signed. || Then they left."),
]

@Suite("Sentence segmenter")
struct SentenceSegmenterTests {
  @Test("segments English news text", arguments: segmenterCases)
  func segments(_ input: String, _ expected: String) throws {
    #expect(sentenceTexts(input) == expected)
    try Pipeline.standard()(input).checkInvariants()
  }

  @Test("at least 40 cases")
  func enoughCases() {
    #expect(segmenterCases.count >= 40)
  }

  @Test("hard-wrapped text joins lines but keeps headings apart")
  func wrappedText() {
    let text = """
      TREATY TALKS
      The delegations met in the capital on Tuesday and agreed to continue their
      discussions on the draft text of the agreement after a short break in the
      afternoon, officials from both sides said in separate statements to the
      press. They did not give a date for the next round.
      """
    #expect(
      sentenceTexts(text).components(separatedBy: " || ").count == 3,
      "\(sentenceTexts(text))")
    let doc = Pipeline.standard()(text)
    #expect(doc.sentence(0).text == "TREATY TALKS")
    #expect(doc.sentence(2).text == "They did not give a date for the next round.")
  }

  @Test("marks datelines")
  func datelines() {
    let doc = Pipeline.standard()("MOSCOW (Reuters) - Russia said it would respond.")
    #expect(doc.sentences.map(\.isDateline) == [true, false])
    #expect(doc.tokens[0].flags.contains(.dateline))
    #expect(!doc.tokens[5].flags.contains(.dateline))
  }

  @Test("forces a break in text without punctuation, in linear time")
  func longText() throws {
    let words = Array(repeating: "word", count: 100_000).joined(separator: " ")
    let doc = Pipeline.standard()(words)
    try doc.checkInvariants()
    #expect(doc.tokens.count == 100_000)
    #expect(doc.sentences.count == 250)
    #expect(doc.sentences.allSatisfy { $0.tokenEnd - $0.tokenStart <= 400 })
  }

  @Test("marks sentence starts")
  func sentenceStarts() {
    let doc = Pipeline.standard()("One. Two three.")
    #expect(
      doc.tokens.map { $0.flags.contains(.sentenceStart) } == [true, false, true, false, false])
  }
}
