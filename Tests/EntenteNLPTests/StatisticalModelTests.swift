import EntenteNLP
import Foundation
import Testing

/// The hand-annotated fixture treebank.
let tinyTreebank: [CoNLLUSentence] = {
  let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Fixtures/tiny.conllu").path
  return (try? CoNLLUReader.read(path: path)) ?? []
}()

/// Models trained on the fixture, once.
let tinyModels: Models = {
  var taggerOptions = TaggerTrainingOptions()
  taggerOptions.epochs = 10
  taggerOptions.dictionaryMinimumCount = 1000
  let tagger = TaggerModel.train(tinyTreebank, options: taggerOptions)
  var labels: [String] = []
  for sentence in tinyTreebank {
    for label in sentence.deprels where !labels.contains(label) { labels.append(label) }
  }
  let index = Dictionary(uniqueKeysWithValues: labels.enumerated().map { ($1, $0) })
  var parserOptions = ParserTrainingOptions()
  parserOptions.epochs = 15
  let parser = ParserModel.train(
    tinyTreebank.map { ParserExample($0, xpos: $0.xpos, labelIndex: index) }, labels: labels,
    options: parserOptions)
  return Models(tagger: tagger, lemmatizer: Lemmatizer.train(tinyTreebank), parser: parser)
}()

@Suite("CoNLL-U")
struct CoNLLUTests {
  @Test("reads words, skipping comments, multiword tokens and empty nodes")
  func reads() throws {
    let text = """
      # sent_id = 1
      1-2\tdon't\t_\t_\t_\t_\t_\t_\t_\t_
      1\tdo\tdo\tAUX\tVBP\t_\t3\taux\t_\t_
      2\tn't\tnot\tPART\tRB\t_\t3\tadvmod\t_\t_
      3\tgo\tgo\tVERB\tVB\t_\t0\troot\t_\t_
      3.1\tgo\tgo\tVERB\tVB\t_\t_\t_\t_\t_

      """
    let sentences = try CoNLLUReader.parse(text)
    #expect(sentences.count == 1)
    #expect(sentences[0].forms == ["do", "n't", "go"])
    #expect(sentences[0].heads == [3, 3, 0])
    #expect(sentences[0].deprels == ["aux", "advmod", "root"])
  }

  @Test("reports malformed lines with file and line")
  func malformed() {
    #expect(throws: CoNLLUError.self) { _ = try CoNLLUReader.parse("1\tword\n", path: "x.conllu") }
    do {
      _ = try CoNLLUReader.parse(
        "1\ta\ta\tX\tX\t_\t0\troot\t_\t_\n3\tb\tb\tX\tX\t_\t1\tdep\t_\t_\n", path: "x.conllu")
      Issue.record("expected an error")
    } catch {
      #expect(error.description == "x.conllu:2: word id '3' is out of sequence")
    }
  }

  @Test("the fixture treebank loads")
  func fixture() {
    #expect(tinyTreebank.count == 12)
  }
}

@Suite("Tagger, lemmatizer and parser")
struct StatisticalModelTests {
  @Test("the tagger learns its training data")
  func taggerLearns() {
    let (xpos, upos) = tinyModels.tagger.accuracy(on: tinyTreebank)
    #expect(xpos >= 0.95)
    #expect(upos >= 0.95)
  }

  @Test("the parser learns its training data, passives and coordination included")
  func parserLearns() {
    let scores = tinyModels.parser?.attachmentScores(on: tinyTreebank.map { ($0, $0.xpos) })
    #expect((scores?.uas ?? 0) >= 0.95)
    #expect((scores?.las ?? 0) >= 0.9)
  }

  @Test("training is deterministic for a seed")
  func deterministic() {
    var options = TaggerTrainingOptions()
    options.epochs = 3
    let a = TaggerModel.train(tinyTreebank, options: options)
    let b = TaggerModel.train(tinyTreebank, options: options)
    var writerA = ModelFileWriter()
    var writerB = ModelFileWriter()
    a.write(to: &writerA)
    b.write(to: &writerB)
    #expect(writerA.bytes() == writerB.bytes())
  }

  @Test(
    "irregular and regular lemmas",
    arguments: [
      ("said", "VBD", "say"), ("went", "VBD", "go"), ("fought", "VBD", "fight"),
      ("withdrew", "VBD", "withdraw"), ("signed", "VBD", "sign"), ("forces", "NNS", "force"),
      ("troops", "NNS", "troop"), ("Russia", "NNP", "Russia"), ("The", "DT", "the"),
      ("attacked", "VBN", "attack"), ("sought", "VBN", "seek"), ("withdrawn", "VBN", "withdraw"),
    ])
  func lemmas(_ form: String, _ xpos: String, _ lemma: String) {
    #expect(tinyModels.lemmatizer.lemma(form: form, xpos: xpos) == lemma)
  }

  @Test("model files round-trip and give the same answers")
  func roundTrip() throws {
    var writer = ModelFileWriter()
    tinyModels.tagger.write(to: &writer)
    tinyModels.lemmatizer.write(to: &writer)
    tinyModels.parser?.write(to: &writer)
    let file = try ModelFile(bytes: writer.bytes(), path: "memory")
    let loaded = Models(
      tagger: try TaggerModel(from: file), lemmatizer: try Lemmatizer(from: file),
      parser: try ParserModel(from: file))
    for sentence in tinyTreebank {
      #expect(
        loaded.tagger.tag(words: sentence.forms) == tinyModels.tagger.tag(words: sentence.forms))
      let original = tinyModels.parser?.parse(words: sentence.forms, xpos: sentence.xpos)
      let reloaded = loaded.parser?.parse(words: sentence.forms, xpos: sentence.xpos)
      #expect(original?.heads == reloaded?.heads)
      #expect(original?.labels == reloaded?.labels)
    }
    #expect(loaded.lemmatizer.lemma(form: "withdrew", xpos: "VBD") == "withdraw")
  }

  @Test("corrupt, truncated and foreign model files give clear errors")
  func corruptFiles() throws {
    var writer = ModelFileWriter()
    tinyModels.tagger.write(to: &writer)
    let bytes = writer.bytes()
    var flipped = bytes
    flipped[bytes.count / 2] ^= 0xFF
    let cases: [([UInt8], String)] = [
      (flipped, "checksum mismatch"),
      (Array(bytes.prefix(bytes.count - 100)), "checksum mismatch"),
      (Array(bytes.prefix(10)), "bad magic"),
      (Array("not a model at all, just some text".utf8), "bad magic"),
    ]
    for (data, message) in cases {
      do {
        _ = try ModelFile(bytes: data, path: "broken.model")
        Issue.record("expected an error for \(message)")
      } catch {
        #expect(error.description.hasPrefix("broken.model: "))
        #expect(error.description.contains(message), "\(error)")
      }
    }
    // A valid file without the parser's sections.
    let file = try ModelFile(bytes: bytes, path: "tagger-only.model")
    #expect(throws: ModelFileError.self) { _ = try ParserModel(from: file) }
    #expect(throws: ModelFileError.self) { _ = try ModelFile(path: "/nonexistent/entente.model") }
  }

  @Test("a model trained with other feature templates is refused")
  func featureSetMismatch() throws {
    var writer = ModelFileWriter()
    writer.add("tagger.features", strings: ["greedy-0/0"])
    writer.add("parser.features", strings: ["arc-eager-0/0"])
    let file = try ModelFile(bytes: writer.bytes(), path: "old.model")
    do {
      _ = try TaggerModel(from: file)
      Issue.record("expected an error")
    } catch {
      #expect(error.description.contains("trained with feature set 'greedy-0/0'"))
    }
    #expect(throws: ModelFileError.self) { _ = try ParserModel(from: file) }
  }

  @Test("evaluation arithmetic")
  func evaluation() throws {
    let gold = try #require(tinyTreebank.first)
    var evaluation = Evaluation()
    // Russia signed the treaty . — one tag, one lemma, one head and one label wrong.
    evaluation.add(
      gold: gold, xpos: ["NNP", "VBN", "DT", "NN", "."],
      upos: ["PROPN", "VERB", "DET", "NOUN", "PUNCT"],
      lemmas: ["Russia", "sign", "the", "treaties", "."], heads: [2, 0, 4, 2, 4],
      labels: ["nsubj:pass", "root", "det", "iobj", "punct"])
    #expect(evaluation.words == 5)
    #expect(evaluation.xpos == 4)
    #expect(evaluation.upos == 5)
    #expect(evaluation.lemma == 4)
    #expect(evaluation.unlabelled == 4)
    #expect(evaluation.labelled == 3)
    #expect(evaluation.line == "xpos=0.8000 upos=1.0000 lemma=0.8000 uas=0.8000 las=0.6000 words=5")
  }

  @Test("the tagger and parser run in the pipeline and fill tokens")
  func pipeline() throws {
    let pipeline = try Pipeline.standard(until: .parse, models: tinyModels)
    let doc = pipeline("Russia signed the treaty. The treaty was signed by Russia.")
    try doc.checkInvariants()
    #expect(doc.attributes.isSuperset(of: [.tags, .lemmas, .parse]))
    let tagSet = try #require(doc.tagSet)
    #expect(
      doc.tokens.map { tagSet.xpos[Int($0.tag)] }.prefix(5) == ["NNP", "VBD", "DT", "NN", "."])
    #expect(doc.lemmas[1] == "sign")
    // Heads are document token indices; the root word of each sentence has -1.
    #expect(doc.tokens[1].head == -1)
    #expect(doc.tokens[0].head == 1)
    #expect(doc.tokens[8].head == -1)
    #expect(doc.tokens[6].head == 8)
    #expect(doc.labelSet?.names[Int(doc.tokens[6].deprel)] == "nsubj:pass")
  }

  @Test("stages after sentences refuse to build without models")
  func needsModels() {
    #expect(throws: PipelineError.self) { _ = try Pipeline.standard(until: .tags, models: nil) }
  }
}
