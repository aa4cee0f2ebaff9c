import EntenteNLP
import Testing

/// The token texts of `text`, joined with " | ".
func tokenTexts(_ text: String) -> String {
  let doc = Pipeline.standard(until: .tokens)(text)
  return (0..<doc.tokens.count).map { doc[$0].text }.joined(separator: " | ")
}

/// Each case is an input and its expected tokens, joined with " | ".
let tokenizerCases: [(String, String)] = [
  // Plain words and punctuation.
  ("Russia signed the pact.", "Russia | signed | the | pact | ."),
  ("Hello, world!", "Hello | , | world | !"),
  ("Why now?", "Why | now | ?"),
  ("one; two: three", "one | ; | two | : | three"),
  ("", ""),
  ("   \n\t  ", ""),
  ("word", "word"),
  // Straight and curly quotes.
  ("\"We will respond,\" he said.", "\" | We | will | respond | , | \" | he | said | ."),
  ("“We will respond,” he said.", "“ | We | will | respond | , | ” | he | said | ."),
  ("‘Deterrence’ was the word.", "‘ | Deterrence | ’ | was | the | word | ."),
  ("He called it 'defensive'.", "He | called | it | ' | defensive | ' | ."),
  ("«Non», dit-il.", "« | Non | » | , | dit-il | ."),
  ("He said: “No.”", "He | said | : | “ | No | . | ”"),
  // Possessives and contractions.
  ("Putin’s visit", "Putin | ’s | visit"),
  ("Putin's visit", "Putin | 's | visit"),
  ("NATO’s support", "NATO | ’s | support"),
  ("the countries' leaders", "the | countries | ' | leaders"),
  ("don't", "do | n't"),
  ("won’t", "wo | n’t"),
  ("can't", "ca | n't"),
  ("isn't", "is | n't"),
  ("DON'T", "DO | N'T"),
  ("I'm here", "I | 'm | here"),
  ("they're", "they | 're"),
  ("we've", "we | 've"),
  ("she'll", "she | 'll"),
  ("he'd", "he | 'd"),
  ("it’s", "it | ’s"),
  ("cannot", "can | not"),
  ("gonna", "gon | na"),
  ("O'Brien said", "O'Brien | said"),
  ("O’Neill’s plan", "O’Neill | ’s | plan"),
  ("rock'n'roll", "rock'n'roll"),
  ("the '90s", "the | '90s"),
  ("the ’60s and ’70s", "the | ’60s | and | ’70s"),
  // Abbreviations, acronyms and initials.
  ("the U.N. Security Council", "the | U.N. | Security | Council"),
  ("U.S. officials", "U.S. | officials"),
  ("in the U.S.", "in | the | U.S."),
  ("Mr. Kim", "Mr. | Kim"),
  ("Gen. Gerasimov", "Gen. | Gerasimov"),
  ("Dr. Terry", "Dr. | Terry"),
  ("on Jan. 5", "on | Jan. | 5"),
  ("at 5 a.m. sharp", "at | 5 | a.m. | sharp"),
  ("at 3 p.m.", "at | 3 | p.m."),
  ("John F. Kennedy", "John | F. | Kennedy"),
  ("J.R.R. Tolkien", "J.R.R. | Tolkien"),
  ("e.g. arms", "e.g. | arms"),
  ("Acme Inc. said", "Acme | Inc. | said"),
  ("Smith Jr. spoke", "Smith | Jr. | spoke"),
  ("(U.S.)", "( | U.S. | )"),
  ("U.S.-led coalition", "U.S.-led | coalition"),
  ("the U.K.'s position", "the | U.K. | 's | position"),
  ("No. 10 Downing Street", "No. | 10 | Downing | Street"),
  ("The answer is no.", "The | answer | is | no | ."),
  ("Washington, D.C., and", "Washington | , | D.C. | , | and"),
  ("a Ph.D. student", "a | Ph.D. | student"),
  // Hyphens and dashes.
  ("long-range missiles", "long-range | missiles"),
  ("North Korean-made shells", "North | Korean-made | shells"),
  ("the pact—signed Wednesday—is", "the | pact | — | signed | Wednesday | — | is"),
  ("the pact — signed", "the | pact | — | signed"),
  ("1961–2000", "1961 | – | 2000"),
  ("wait--what", "wait | -- | what"),
  ("self-defense", "self-defense"),
  ("-5 degrees", "-5 | degrees"),
  // Numbers, money, percentages, dates and times.
  ("1,000 troops", "1,000 | troops"),
  ("3.5 percent", "3.5 | percent"),
  ("in 1961.", "in | 1961 | ."),
  ("the 20th century", "the | 20th | century"),
  ("$4.5 billion", "$ | 4.5 | billion"),
  ("€200m", "€ | 200m"),
  ("US$30 million", "US$ | 30 | million"),
  ("40% of", "40 | % | of"),
  ("the 1990s", "the | 1990s"),
  ("on 2024-06-19 at 10:30", "on | 2024-06-19 | at | 10:30"),
  ("on 6/19/2024", "on | 6/19/2024"),
  ("(40%)", "( | 40 | % | )"),
  ("1,000,000.", "1,000,000 | ."),
  ("0.5%.", "0.5 | % | ."),
  ("a 3-2 vote", "a | 3-2 | vote"),
  // URLs, e-mail, hashtags and mentions.
  ("see https://example.org/a?b=1.", "see | https://example.org/a?b=1 | ."),
  ("(www.example.com)", "( | www.example.com | )"),
  (
    "at https://en.example.org/wiki/Treaty_(1961)).",
    "at | https://en.example.org/wiki/Treaty_(1961) | ) | ."
  ),
  ("write to press@example.org.", "write | to | press@example.org | ."),
  ("#Ukraine and @kremlin_press", "#Ukraine | and | @kremlin_press"),
  ("#1 priority", "# | 1 | priority"),
  // Ellipses and brackets.
  ("and then...", "and | then | ..."),
  ("wait... what", "wait | ... | what"),
  ("so…", "so | …"),
  ("wait…what", "wait | … | what"),
  ("[sic]", "[ | sic | ]"),
  ("(Reuters)", "( | Reuters | )"),
  ("{x}", "{ | x | }"),
  // Datelines.
  ("MOSCOW (Reuters) - Russia said", "MOSCOW | ( | Reuters | ) | - | Russia | said"),
  ("SEOUL, June 19 (AP) — North Korea", "SEOUL | , | June | 19 | ( | AP | ) | — | North | Korea"),
  // Whitespace of all kinds.
  ("North\u{00A0}Korea", "North | Korea"),
  ("a\u{2009}b\u{3000}c", "a | b | c"),
  ("line one\r\nline two", "line | one | line | two"),
  ("tab\tseparated", "tab | separated"),
  // Run-together sentences and other infixes.
  ("said.The", "said | . | The"),
  ("Amazon.com shares", "Amazon.com | shares"),
  ("yes,no", "yes | , | no"),
  ("and/or", "and/or"),
  ("AT&T", "AT&T"),
  // Emoji and symbols.
  ("peace 🕊️ now", "peace | 🕊️ | now"),
  ("flags 🇺🇦🇷🇺", "flags | 🇺🇦 | 🇷🇺"),
  ("ok 👍🏽!", "ok | 👍🏽 | !"),
  ("5 × 3", "5 | × | 3"),
  (":) indeed", ":) | indeed"),
  // Non-ASCII letters stay inside words.
  ("Zelenskyy’s", "Zelenskyy | ’s"),
  ("Erdoğan met Lavrov", "Erdoğan | met | Lavrov"),
  ("Гагарин полетел", "Гагарин | полетел"),
  ("naïve café", "naïve | café"),
]

@Suite("Tokenizer")
struct TokenizerTests {
  @Test("tokenizes English news text", arguments: tokenizerCases)
  func tokenizes(_ input: String, _ expected: String) throws {
    #expect(tokenTexts(input) == expected)
    let doc = Pipeline.standard()(input)
    try doc.checkInvariants()
  }

  @Test("at least 80 cases")
  func enoughCases() {
    #expect(tokenizerCases.count >= 80)
  }

  @Test(
    "token kinds",
    arguments: [
      ("U.N.", TokenKind.abbreviation), ("1,000", .number), ("20th", .number), ("Putin", .word),
      ("https://example.org", .url), ("a@example.org", .email), ("#Ukraine", .hashtag),
      ("@kremlin", .mention), ("—", .punctuation), ("...", .punctuation), ("%", .symbol),
      ("long-range", .word), ("2024-06-19", .number),
    ])
  func kinds(_ input: String, _ kind: TokenKind) {
    let doc = Pipeline.standard(until: .tokens)(input)
    #expect(doc.tokens.count == 1)
    #expect(doc.tokens.first?.kind == kind)
  }

  @Test("records whitespace after tokens")
  func spaceAfter() {
    let doc = Pipeline.standard(until: .tokens)("Putin’s visit.")
    #expect(doc.tokens.map { $0.flags.contains(.spaceAfter) } == [false, true, false, false])
  }

  @Test("interns equal texts to equal ids and different texts to different ids")
  func interning() {
    let doc = Pipeline.standard(until: .tokens)("Russia and Russia and China")
    let ids = doc.tokens.map(\.lexeme)
    #expect(ids[0] == ids[2])
    #expect(ids[1] == ids[3])
    #expect(ids[0] != ids[4])
    #expect(doc.localLexemeCount == 3)
    #expect(doc.string(for: ids[4]) == "China")
  }

  @Test("uses the shared vocabulary's ids when it knows the word")
  func sharedVocabulary() throws {
    let vocabulary = Vocabulary(["the", "pact"])
    let pipeline = try Pipeline([Tokenizer()], vocabulary: vocabulary)
    let doc = pipeline("the new pact")
    #expect(doc.tokens[0].lexeme == LexemeID(rawValue: 0))
    #expect(doc.tokens[2].lexeme == LexemeID(rawValue: 1))
    #expect(!doc.tokens[1].lexeme.isShared)
    #expect(doc.string(for: doc.tokens[1].lexeme) == "new")
  }

  @Test("normalises text to NFC")
  func normalization() {
    let doc = Pipeline.standard(until: .tokens)("Erdog\u{0306}an")
    #expect(doc.text == "Erdoğan")
    #expect(doc.text.unicodeScalars.count == 7)
    #expect(doc.tokens.count == 1)
  }

  @Test("never loses a byte: tokens and whitespace rebuild the text")
  func lossless() {
    let text = "MOSCOW (Reuters) — Putin’s “pact”, signed at 3 p.m., costs $4.5bn...\n\nNext? Yes!"
    let doc = Pipeline.standard(until: .tokens)(text)
    var rebuilt = ""
    var previousEnd = 0
    let bytes = Array(doc.text.utf8)
    for token in doc.tokens {
      let gap = String(decoding: bytes[previousEnd..<Int(token.start)], as: UTF8.self)
      #expect(gap.allSatisfy { $0.isWhitespace })
      rebuilt += gap
      rebuilt += String(decoding: bytes[Int(token.start)..<Int(token.end)], as: UTF8.self)
      previousEnd = Int(token.end)
    }
    rebuilt += String(decoding: bytes[previousEnd...], as: UTF8.self)
    #expect(rebuilt == text)
  }

  @Test("a pipeline whose requirements are unmet does not build")
  func pipelineRequirements() {
    #expect(throws: PipelineError.self) {
      _ = try Pipeline([SentenceSegmenter()])
    }
  }
}
