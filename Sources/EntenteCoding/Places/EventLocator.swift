public import EntenteNLP

extension PlaceResolver {
  /// Prepositions that put what happens in a place (`in Geneva`, `near Kherson`).
  static let locatives: Set<WordKey> = [
    "IN", "AT", "NEAR", "OUTSIDE", "INSIDE", "ACROSS", "AROUND", "THROUGHOUT", "WITHIN", "OFF",
    "ALONG", "OVER", "INTO", "ONTO",
  ]

  /// Words before `of` that make it locative (`north of Kyiv`, `outskirts of Aleppo`).
  static let directions: Set<WordKey> = [
    "NORTH", "SOUTH", "EAST", "WEST", "NORTHEAST", "NORTHWEST", "SOUTHEAST", "SOUTHWEST",
    "OUTSIDE", "OUTSKIRTS", "SUBURBS", "SUBURB", "CENTRE", "CENTER", "COAST", "HEART",
  ]

  /// Words between a preposition and a place that say which part of it.
  static let partWords: Set<WordKey> = [
    "THE", "SOUTHERN", "NORTHERN", "EASTERN", "WESTERN", "CENTRAL", "NORTHEASTERN",
    "NORTHWESTERN", "SOUTHEASTERN", "SOUTHWESTERN", "NORTH-EASTERN", "NORTH-WESTERN",
    "SOUTH-EASTERN", "SOUTH-WESTERN", "UPPER", "LOWER", "RURAL", "OCCUPIED", "NEIGHBOURING",
    "NEIGHBORING", "WAR-TORN",
  ]

  /// CAMEO codes of going somewhere: their place may follow `to` (`a visit to North Korea`).
  static let movementCodes: Set<String> = ["042", "043", "044"]

  /// Gives each event the place where it happened.
  ///
  /// The first rule that finds one decides:
  /// 1. a place after a locative preposition in the event's own clause (`attacked a convoy
  ///    near Kherson`, `talks in Geneva`, `a visit to North Korea`);
  /// 2. for a visit, the place visited (`Putin visited North Korea`);
  /// 3. a place after a locative preposition elsewhere in the sentence;
  /// 4. the dateline's place (`KABUL -`).
  ///
  /// Otherwise the event has no location.
  ///
  /// - Parameters:
  ///   - events: The document's events.
  ///   - mentions: The document's mentions, with their locations.
  ///   - doc: The parsed document.
  public func locate(_ events: inout [Event], mentions: [ActorMention], in doc: Doc) {
    guard !events.isEmpty else { return }
    var placesBySentence: [Int: [Int]] = [:]
    for (index, mention) in mentions.enumerated() where mention.location != nil {
      placesBySentence[mention.sentence, default: []].append(index)
    }
    guard !placesBySentence.isEmpty else { return }
    let dateline = doc.sentences.firstIndex(where: \.isDateline).flatMap {
      placesBySentence[$0]?.first
    }
    let tagSet = doc.tagSet
    doc.withUTF8 { bytes in
      func word(_ token: Int) -> WordKey {
        WordKey(bytes: bytes, range: Int(doc.tokens[token].start)..<Int(doc.tokens[token].end))
      }
      func isVerb(_ token: Int) -> Bool {
        guard let tagSet, Int(doc.tokens[token].tag) < tagSet.pennTags.count else { return false }
        return tagSet.pennTags[Int(doc.tokens[token].tag)].isVerb
      }
      /// Whether a preposition puts the event in the place the mention names, over words
      /// that say which part of it (`in southern Guyana`, `in the occupied West Bank`).
      func locative(_ mention: ActorMention, movement: Bool) -> Bool {
        let start = Int(doc.sentences[mention.sentence].tokenStart)
        var before = mention.tokens.lowerBound - 1
        var skipped = 0
        while before > start, skipped < 2, Self.partWords.contains(word(before)) {
          before -= 1
          skipped += 1
        }
        guard before >= start else { return false }
        // `the city of Aleppo`, `in the Korean Peninsula`'s `the` is the mention's.
        let w = word(before)
        if Self.locatives.contains(w) { return true }
        // `on the Korean Peninsula`, but not `sanctions on Russia` or `talks on Ukraine`.
        if w == "ON" { return mention.location?.kind == .region }
        if movement, w == "TO" { return true }
        // `north of Kyiv`, and what is done to `the town of Goma` is done there.
        if w == "OF", before > start {
          before -= 1
          return Self.directions.contains(word(before)) || Self.placeNouns.contains(word(before))
        }
        return false
      }
      /// Whether the mention's phrase belongs to the trigger's clause: its heads reach the
      /// trigger before any other verb.
      func inClause(_ mention: ActorMention, trigger: Int) -> Bool {
        var token = mention.tokens.upperBound - 1
        for _ in 0..<12 {
          let head = Int(doc.tokens[token].head)
          guard head >= 0, head != token else { return false }
          if head == trigger { return true }
          if isVerb(head) { return false }
          token = head
        }
        return false
      }
      for e in events.indices {
        let event = events[e]
        let movement = Self.movementCodes.contains(event.type.code)
        let places = placesBySentence[event.sentence] ?? []
        let located = places.filter { locative(mentions[$0], movement: movement) }
        var chosen = located.first { inClause(mentions[$0], trigger: event.trigger) }
        if chosen == nil, event.type.code == "042", let target = event.target,
          mentions.indices.contains(target.mention), mentions[target.mention].location != nil
        {
          chosen = target.mention
        }
        if chosen == nil {
          chosen = located.first { !movement || word(mentions[$0].tokens.lowerBound - 1) != "TO" }
        }
        if chosen == nil { chosen = dateline }
        if let chosen {
          events[e].location = mentions[chosen].location
          events[e].locationMention = chosen
        }
      }
    }
  }
}
