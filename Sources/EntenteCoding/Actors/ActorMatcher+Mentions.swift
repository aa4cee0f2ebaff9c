public import EntenteNLP

extension ActorMatcher {
  /// The actor mentions of `doc`, in text order, without overlaps.
  ///
  /// Dictionary phrases are found on any document; proper names the dictionaries lack,
  /// titles and coreference need part-of-speech tags (the `tags` stage).
  ///
  /// - Parameters:
  ///   - doc: A tokenized and segmented document, tagged for names and coreference.
  ///   - date: The document date, for date-restricted codes.
  /// - Complexity: O(*n* × *k*) for *n* tokens and phrases of at most *k* words.
  public func mentions(in doc: Doc, date: DayDate?) -> [ActorMention] {
    var result: [ActorMention] = []
    let keys = TokenKeys(doc: doc)
    let names = doc.tagSet.map { NameScanner(doc: doc, keys: keys, tagSet: $0, matcher: self) }
    var memory = PersonMemory()
    for sentence in doc.sentences.indices {
      var found = knownMentions(in: doc, keys: keys, sentence: sentence, date: date)
      if let names {
        names.addNames(to: &found, sentence: sentence, memory: memory)
        names.attachTitles(to: &found, sentence: sentence)
        names.addCoreference(to: &found, sentence: sentence, memory: memory)
        names.linkAffiliations(in: &found, offset: result.count)
        memory.remember(found, sentence: sentence)
      }
      result.append(contentsOf: found)
    }
    return result
  }
}
