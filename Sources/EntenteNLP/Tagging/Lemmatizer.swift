/// Gives every token its lemma from its form and Penn Treebank tag.
///
/// Three layers, most specific first: exceptions learned from the training treebank (a form
/// and tag whose lemma the rules get wrong), the irregular verbs of English, and suffix rules
/// learned from the treebank (for a tag and a word ending, the most frequent edit: `NNS` +
/// `ies` -> strip 3 bytes, add `y`). Proper nouns keep their case; other lemmas are
/// lowercase. Lookups are keyed by the hashes in ``WordInfo``, so lemmatizing a word that
/// needs no change allocates nothing beyond its lemma string.
public final class Lemmatizer: Sendable {
  struct Rule: Sendable, Equatable {
    var strip: Int
    var append: String
  }

  /// mix(form or lowercased-form hash, tag hash) -> lemma.
  let exceptions: [UInt64: String]
  /// mix(suffix hash, tag hash) -> rule, for suffixes of one to four bytes.
  let rules: [UInt64: Rule]
  /// Hashes of the tags for which some exception or rule exists.
  let changingTags: Set<UInt64>

  init(exceptions: [UInt64: String], rules: [UInt64: Rule], changingTags: Set<UInt64>) {
    self.exceptions = exceptions
    self.rules = rules
    self.changingTags = changingTags
  }

  static func isProper(_ xpos: String) -> Bool { xpos == "NNP" || xpos == "NNPS" }

  /// The table key of a word (or suffix) hash and a tag hash; asymmetric, so that a word
  /// spelt like its tag (`,` tagged `,`) keys apart from every other.
  static func key(_ word: UInt64, _ tag: UInt64) -> UInt64 {
    FeatureHashing.mix(FeatureHashing.mix(word, 0x4C45_4D4D_4100), tag)
  }

  /// The lemma of the word with UTF-8 bytes `bytes` tagged `xpos`.
  ///
  /// - Parameters:
  ///   - bytes: The word.
  ///   - info: ``WordInfo`` of the word.
  ///   - xpos: The Penn Treebank tag.
  ///   - xposHash: `FeatureHashing.hash(xpos)`.
  public func lemma(
    _ bytes: UnsafeBufferPointer<UInt8>, info: WordInfo, xpos: String, xposHash: UInt64
  ) -> String {
    let proper = Self.isProper(xpos)
    let word = proper ? info.form : info.lower
    if changingTags.contains(xposHash) {
      if let exception = exceptions[Self.key(word, xposHash)] { return exception }
      let lower = Self.lowercased(bytes, keepCase: proper)
      // A past form the tagger took for a present one (`rebels shot two soldiers` as VBP) is
      // still the past of its verb, unless it is also a verb of its own (`found`, `saw`).
      if xpos.hasPrefix("VB"), xpos != "VB",
        let base = IrregularVerbs.lemmas[String(decoding: lower, as: UTF8.self)],
        xpos != "VBP" || !Self.presentHomographs.contains(String(decoding: lower, as: UTF8.self))
      {
        return base
      }
      for (length, suffix) in [
        (4, info.suffix4), (3, info.suffix3), (2, info.suffix2), (1, info.suffix1),
      ]
      where length <= bytes.count {
        guard let rule = rules[Self.key(suffix, xposHash)] else { continue }
        return Self.apply(rule, to: lower)
      }
      return String(decoding: lower, as: UTF8.self)
    }
    return String(decoding: Self.lowercased(bytes, keepCase: proper), as: UTF8.self)
  }

  /// Past forms of irregular verbs that are also the present of another verb (`they found
  /// a company`, `we saw wood`).
  static let presentHomographs: Set<String> = [
    "found", "lay", "saw", "ground", "wound", "fell", "bore", "rose", "felt", "lit", "spat",
  ]

  /// The lemma of `form` tagged `xpos`.
  public func lemma(form: String, xpos: String) -> String {
    var copy = form
    return copy.withUTF8 {
      lemma($0, info: WordInfo($0), xpos: xpos, xposHash: FeatureHashing.hash(xpos))
    }
  }

  /// The bytes with ASCII letters lowercased (unless `keepCase`).
  static func lowercased(_ bytes: UnsafeBufferPointer<UInt8>, keepCase: Bool) -> [UInt8] {
    if keepCase { return Array(bytes) }
    return bytes.map { $0 &- 0x41 < 26 ? $0 | 0x20 : $0 }
  }

  static func apply(_ rule: Rule, to lower: [UInt8]) -> String {
    guard rule.strip < lower.count else { return String(decoding: lower, as: UTF8.self) }
    let cut = lower.count - rule.strip
    // Never cut inside a multi-byte scalar.
    if cut < lower.count && lower[cut] & 0xC0 == 0x80 {
      return String(decoding: lower, as: UTF8.self)
    }
    return String(decoding: lower[0..<cut], as: UTF8.self) + rule.append
  }

  /// The byte edit that turns `form` into `lemma`.
  static func edit(from form: [UInt8], to lemma: [UInt8]) -> Rule {
    var common = 0
    while common < form.count && common < lemma.count && form[common] == lemma[common] {
      common += 1
    }
    return Rule(
      strip: form.count - common, append: String(decoding: lemma[common...], as: UTF8.self))
  }

  /// Learns exceptions and suffix rules from gold sentences.
  public static func train(_ sentences: [CoNLLUSentence]) -> Lemmatizer {
    var ruleCounts: [UInt64: [String: (Rule, Int)]] = [:]
    var formLemmas: [UInt64: (form: String, xpos: String, lemmas: [String: Int])] = [:]
    var changingTags: Set<UInt64> = []
    for sentence in sentences {
      for k in 0..<sentence.count {
        let xpos = sentence.xpos[k]
        let lemma = sentence.lemmas[k]
        guard lemma != "_" else { continue }
        let tagHash = FeatureHashing.hash(xpos)
        let proper = isProper(xpos)
        let info = WordInfo(sentence.forms[k])
        let formBytes = Array(sentence.forms[k].utf8)
        let lower = formBytes.withUnsafeBufferPointer { lowercased($0, keepCase: proper) }
        let key = Self.key(proper ? info.form : info.lower, tagHash)
        var entry = formLemmas[key] ?? (sentence.forms[k], xpos, [:])
        entry.lemmas[lemma, default: 0] += 1
        formLemmas[key] = entry
        let rule = edit(from: lower, to: Array(lemma.utf8))
        if rule.strip > 0 || !rule.append.isEmpty { changingTags.insert(tagHash) }
        let name = "\(rule.strip)|\(rule.append)"
        for (length, suffix) in [
          (4, info.suffix4), (3, info.suffix3), (2, info.suffix2), (1, info.suffix1),
        ]
        where length <= lower.count {
          let ruleKey = Self.key(suffix, tagHash)
          var counted = ruleCounts[ruleKey, default: [:]][name] ?? (rule, 0)
          counted.1 += 1
          ruleCounts[ruleKey, default: [:]][name] = counted
        }
      }
    }
    var rules: [UInt64: Rule] = [:]
    for (key, candidates) in ruleCounts {
      guard
        let best = candidates.values.max(by: {
          $0.1 != $1.1 ? $0.1 < $1.1 : $0.0.append > $1.0.append
        })
      else {
        continue
      }
      let total = candidates.values.reduce(0) { $0 + $1.1 }
      if best.1 >= 2 && Double(best.1) / Double(total) >= 0.6 { rules[key] = best.0 }
    }
    let partial = Lemmatizer(exceptions: [:], rules: rules, changingTags: changingTags)
    var exceptions: [UInt64: String] = [:]
    for (key, entry) in formLemmas {
      guard
        let best = entry.lemmas.max(by: {
          $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key
        })?.key
      else { continue }
      if partial.lemma(form: entry.form, xpos: entry.xpos) != best { exceptions[key] = best }
    }
    return Lemmatizer(exceptions: exceptions, rules: rules, changingTags: changingTags)
  }

  /// Lemma accuracy on gold sentences, given the gold tags.
  public func accuracy(on sentences: [CoNLLUSentence]) -> Double {
    var correct = 0
    var total = 0
    for sentence in sentences {
      for k in 0..<sentence.count {
        if lemma(form: sentence.forms[k], xpos: sentence.xpos[k]) == sentence.lemmas[k] {
          correct += 1
        }
        total += 1
      }
    }
    return total > 0 ? Double(correct) / Double(total) : 0
  }
}

extension Lemmatizer {
  /// Appends the lemmatizer to a model file.
  public func write(to writer: inout ModelFileWriter) {
    let exceptionKeys = exceptions.keys.sorted()
    writer.add("lemmatizer.exceptions.keys", integers: exceptionKeys)
    writer.add("lemmatizer.exceptions.lemmas", strings: exceptionKeys.map { exceptions[$0] ?? "" })
    let ruleKeys = rules.keys.sorted()
    writer.add("lemmatizer.rules.keys", integers: ruleKeys)
    writer.add("lemmatizer.rules.strip", integers: ruleKeys.map { UInt16(rules[$0]?.strip ?? 0) })
    writer.add("lemmatizer.rules.append", strings: ruleKeys.map { rules[$0]?.append ?? "" })
    writer.add("lemmatizer.changingTags", integers: changingTags.sorted())
  }

  /// Reads a lemmatizer from a model file.
  ///
  /// - Throws: ``ModelFileError`` when its sections are missing or do not fit together.
  public convenience init(from file: ModelFile) throws(ModelFileError) {
    let exceptionKeys: [UInt64] = try file.integers("lemmatizer.exceptions.keys")
    let lemmas = try file.strings("lemmatizer.exceptions.lemmas")
    let ruleKeys: [UInt64] = try file.integers("lemmatizer.rules.keys")
    let strips: [UInt16] = try file.integers("lemmatizer.rules.strip")
    let appends = try file.strings("lemmatizer.rules.append")
    let changing: [UInt64] = try file.integers("lemmatizer.changingTags")
    guard exceptionKeys.count == lemmas.count || (exceptionKeys.isEmpty && lemmas == [""]),
      ruleKeys.count == strips.count,
      ruleKeys.count == appends.count || (ruleKeys.isEmpty && appends == [""])
    else {
      throw ModelFileError(path: file.path, "the lemmatizer's tables do not fit together")
    }
    var rules: [UInt64: Rule] = [:]
    for (i, key) in ruleKeys.enumerated() {
      rules[key] = Rule(strip: Int(strips[i]), append: appends[i])
    }
    self.init(
      exceptions: Dictionary(zip(exceptionKeys, lemmas), uniquingKeysWith: { a, _ in a }),
      rules: rules,
      changingTags: Set(changing))
  }
}
