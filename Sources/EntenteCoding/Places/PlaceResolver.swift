public import EntenteNLP
import Foundation

/// Resolves a document's place mentions to gazetteer entries, using what the document says.
///
/// The evidence, strongest first:
/// - the knowledge base's reading: a country name is the country, a capital or city is in
///   its country (`Moscow` is never Moscow, Idaho);
/// - a qualifier after the name: `Paris, Texas`, `Long Beach, Calif.`, `Tripoli, Lebanon`;
/// - the countries the document names (any mention with a country, the dateline's most of
///   all) and the US states it names;
/// - population, and whether the text uses the place's own name or an alternate one.
///
/// A name the evidence cannot settle keeps its most likely reading with a `confidence` below
/// 1. An unknown name read as a place only from a preposition (`in Bucha`) is resolved only
/// when the document supports it or the place is large (at least 50,000 people); otherwise,
/// and for names not in the gazetteer, the mention keeps its text and has no location.
/// See docs/places.md.
public struct PlaceResolver: Sendable {
  /// The places.
  public let gazetteer: Gazetteer
  /// The keys of the names of countries (`USA`, `Burma`) with their ISO alpha-3 codes.
  let countryNames: [UInt64: String]

  /// Creates a resolver.
  ///
  /// - Parameters:
  ///   - gazetteer: The places.
  ///   - knowledgeBase: Countries whose names (`the USA`, `Burma`) a dictionary phrase coded
  ///     as a country may be; without them such a phrase is a place only by its own name.
  public init(gazetteer: Gazetteer, knowledgeBase: CountryKnowledgeBase = CountryKnowledgeBase()) {
    self.gazetteer = gazetteer
    var names: [UInt64: String] = [:]
    for (code, country) in knowledgeBase.countries {
      for name in country.names + [country.canonical] { names[Gazetteer.key(name)] = code }
    }
    countryNames = names
  }

  /// Mention kinds that name a place.
  static let placeKinds: Set<String> = ["country", "capital", "city", "place", "region"]

  /// Words after a name that make it the division around the city (`Kherson region`).
  static let divisionWords: Set<WordKey> = [
    "REGION", "PROVINCE", "OBLAST", "GOVERNORATE", "PREFECTURE", "DISTRICT", "COUNTY",
    "STATE", "TERRITORY",
  ]

  /// The AP style abbreviations of US states written after a city (`Springfield, Ill.`).
  static let stateAbbreviations: [WordKey: String] = [
    "ALA": "AL", "ARIZ": "AZ", "ARK": "AR", "CALIF": "CA", "COLO": "CO", "CONN": "CT",
    "DEL": "DE", "FLA": "FL", "GA": "GA", "ILL": "IL", "IND": "IN", "KAN": "KS", "KY": "KY",
    "LA": "LA", "MD": "MD", "MASS": "MA", "MICH": "MI", "MINN": "MN", "MISS": "MS", "MO": "MO",
    "MONT": "MT", "NEB": "NE", "NEV": "NV", "OKLA": "OK", "ORE": "OR", "PA": "PA", "TENN": "TN",
    "VT": "VT", "VA": "VA", "WASH": "WA", "WIS": "WI", "WYO": "WY", "D.C": "DC", "DC": "DC",
  ]

  /// The smallest population at which a name read as a place from a preposition alone is
  /// resolved without support from the document.
  static let unsupportedMinimum: Int32 = 50_000

  /// What the document says about where it is.
  private struct Context {
    /// How often each country is named.
    var countries: [String: Int] = [:]
    /// US states named or holding a named place (`TX`), with the mentions that do.
    var states: [String: StateMentions] = [:]
    /// The dateline's country.
    var datelineCountry: String?
  }

  /// The mentions a US state is named or holds a place by, kept so that asking whether
  /// another one is near costs a binary search, not a pass over them all.
  private struct StateMentions {
    /// How many mentions.
    var count = 0
    /// The mentions that are in it.
    var members: Set<Int> = []
    /// The sentence and index of each mention of a city in it, in text order.
    var cities: [(sentence: Int, mention: Int)] = []

    /// Whether a mention other than `index` names or holds a place in the state.
    func hasOther(than index: Int) -> Bool {
      count > (members.contains(index) ? 1 : 0)
    }

    /// Whether a city of the state other than mention `index` is named in `sentence` or the
    /// sentence before or after it.
    func hasCity(near sentence: Int, other index: Int) -> Bool {
      var low = 0
      var high = cities.count
      while low < high {
        let mid = (low + high) / 2
        if cities[mid].sentence < sentence - 1 { low = mid + 1 } else { high = mid }
      }
      var i = low
      while i < cities.count, cities[i].sentence <= sentence + 1 {
        if cities[i].mention != index { return true }
        i += 1
      }
      return false
    }
  }

  /// Resolves the place mentions of `mentions`, setting their ``ActorMention/location``, and
  /// adds places the actor finder left untyped: a dateline's place and a name qualified by a
  /// state or country (`Long Beach, California`).
  ///
  /// - Parameters:
  ///   - mentions: The document's mentions, in text order, without overlaps.
  ///   - doc: The tagged document.
  public func resolve(_ mentions: inout [ActorMention], in doc: Doc) {
    guard !gazetteer.isEmpty else { return }
    doc.withUTF8 { bytes in
      let reader = Reader(doc: doc, bytes: bytes, gazetteer: gazetteer)
      addUntypedPlaces(to: &mentions, reader: reader)
      var context = Context()
      for mention in mentions {
        if let country = mention.country, mention.type != .person {
          context.countries[country, default: 0] += 1
        }
      }
      // First every place with the countries named as its only context, then again with
      // what that first reading found: the dateline's country, and the US states of the
      // places read with confidence.
      for i in mentions.indices where Self.isPlace(mentions[i]) {
        mentions[i].location = resolve(
          mentions[i], in: mentions, reader: reader, context: context, index: i)
      }
      for (index, mention) in mentions.enumerated() {
        if let location = mention.location, location.country == "USA", let adm1 = location.adm1,
          location.confidence >= 0.9
        {
          context.states[adm1, default: StateMentions()].count += 1
          context.states[adm1]?.members.insert(index)
          if location.kind == .city {
            context.states[adm1]?.cities.append((mention.sentence, index))
          }
        }
      }
      if let dateline = doc.sentences.firstIndex(where: \.isDateline),
        let place = mentions.first(where: { $0.sentence == dateline && $0.location != nil })
      {
        context.datelineCountry = place.location?.country
      }
      // With nothing more to go on, the second reading would be the first.
      let again = !context.states.isEmpty || context.datelineCountry != nil
      for i in mentions.indices where Self.isPlace(mentions[i]) {
        if again, mentions[i].kind != "country" {
          mentions[i].location = resolve(
            mentions[i], in: mentions, reader: reader, context: context, index: i)
        }
        Self.retype(&mentions[i])
      }
    }
  }

  /// Makes a capital or city the text puts in another country a plain place: `Paris,
  /// Texas` is not France, `Athens, Georgia` not Greece's government; a US state named like a
  /// country (`Atlanta, Georgia`) is not that country.
  static func retype(_ mention: inout ActorMention) {
    guard let location = mention.location, mention.type == .country,
      let country = mention.country, location.country != country
    else { return }
    mention.type = .location
    mention.kind = location.kind == .city ? "city" : "place"
    mention.code = ""
    mention.country = location.country
    mention.canonical = location.name
    mention.resolvedFrom = .context
  }

  /// Whether a mention names a place.
  static func isPlace(_ mention: ActorMention) -> Bool {
    switch mention.type {
    case .location: true
    case .country: placeKinds.contains(mention.kind)
    // A dictionary phrase of a country may be a place of it (`Herat` as AFG, `Gaza City` as
    // PSEGZA), not `Hassan` as JORELI (see ``resolve``).
    case .actor: mention.country != nil
    default: false
    }
  }

  /// Token texts and keys of one document.
  private struct Reader {
    let doc: Doc
    let bytes: UnsafeBufferPointer<UInt8>
    let gazetteer: Gazetteer

    func range(_ token: Int) -> Range<Int> {
      Int(doc.tokens[token].start)..<Int(doc.tokens[token].end)
    }

    func word(_ token: Int) -> WordKey {
      WordKey(bytes: bytes, range: range(token))
    }

    /// The key of a token without a final period (`Mo.` -> `MO`, `D.C.` -> `D.C`).
    func wordWithoutPeriod(_ token: Int) -> WordKey {
      var range = range(token)
      if range.count > 1, bytes[range.upperBound - 1] == 0x2E { range = range.dropLast() }
      return WordKey(bytes: bytes, range: range)
    }

    /// The gazetteer key of tokens, as the text writes them.
    func key(_ tokens: Range<Int>) -> UInt64 {
      Gazetteer.key(
        bytes: bytes,
        range: Int(doc.tokens[tokens.lowerBound].start)..<Int(doc.tokens[tokens.upperBound - 1].end)
      )
    }

    func capitalised(_ token: Int) -> Bool {
      let first = bytes[Int(doc.tokens[token].start)]
      return first &- 0x41 < 26 || first >= 0xC3
    }

    func text(_ tokens: Range<Int>) -> String {
      doc.string(
        bytes: Int(doc.tokens[tokens.lowerBound].start)..<Int(doc.tokens[tokens.upperBound - 1].end)
      )
    }
  }

  /// The tokens of a mention that name the place: without a leading `the`, unless the
  /// gazetteer has the name with it (`The Valley`, `The Hague`).
  private func nameTokens(_ mention: ActorMention, reader: Reader) -> Range<Int> {
    var tokens = mention.tokens
    if tokens.count > 1, reader.word(tokens.lowerBound) == "THE",
      gazetteer.candidates(reader.key(tokens)).isEmpty
    {
      tokens = tokens.dropFirst()
    }
    return tokens
  }

  /// Where a qualifier after `tokens` may place them: `, Texas` -> [(USA, TX)], `, Ill.` ->
  /// [(USA, IL)], `, Lebanon` -> [(LBN, nil)], `, Georgia` -> [(GEO, nil), (USA, GA)].
  private func qualifier(after tokens: Range<Int>, reader: Reader, sentenceEnd: Int) -> [(
    country: String, adm1: String?
  )] {
    let comma = tokens.upperBound
    guard comma + 1 < sentenceEnd, reader.word(comma) == ",", reader.capitalised(comma + 1) else {
      return []
    }
    if let state = Self.stateAbbreviations[reader.wordWithoutPeriod(comma + 1)] {
      return [("USA", state)]
    }
    // The longest run of up to three words that names a state, region or country.
    for length in stride(from: min(3, sentenceEnd - comma - 1), through: 1, by: -1) {
      let run = (comma + 1)..<(comma + 1 + length)
      var options: [(country: String, adm1: String?)] = []
      for candidate in gazetteer.candidates(reader.key(run)) where !candidate.alternate {
        let place = gazetteer.places[candidate.place]
        if place.kind == .country {
          options.append((place.country, nil))
        } else if place.kind == .region, !place.country.isEmpty {
          options.append((place.country, place.adm1.isEmpty ? nil : place.adm1))
        }
      }
      if !options.isEmpty { return options }
    }
    return []
  }

  /// Resolves one mention.
  private func resolve(
    _ mention: ActorMention, in mentions: [ActorMention], reader: Reader, context: Context,
    index: Int
  ) -> Location? {
    let tokens = nameTokens(mention, reader: reader)
    let sentenceEnd = Int(reader.doc.sentences[mention.sentence].tokenEnd)
    // `Kherson region`, `Idlib province`, `Donetsk Oblast`: the division, from Entente's
    // regions table or else around the city.
    var division: Range<Int>?
    if tokens.upperBound < sentenceEnd, Self.divisionWords.contains(reader.word(tokens.upperBound))
    {
      division = tokens.lowerBound..<(tokens.upperBound + 1)
    } else if tokens.count > 1, Self.divisionWords.contains(reader.word(tokens.upperBound - 1)) {
      division = tokens
    }
    if let division {
      let regions = gazetteer.candidates(reader.key(division)).filter {
        gazetteer.places[$0.place].kind == .region
      }
      if let first = regions.first {
        return gazetteer.location(first.place, confidence: 1)
      }
    }
    // A place's name is written with a capital (`the valley` is no place).
    if !reader.capitalised(tokens.lowerBound) { return nil }
    let qualified = qualifier(after: tokens, reader: reader, sentenceEnd: sentenceEnd)
    var key = reader.key(tokens)
    var candidates = gazetteer.candidates(key)
    // A country name is the country, unless a US state shares it and the text says so
    // (`Atlanta, Georgia`, a story about US states), or the name is a territory or city of
    // the country that the gazetteer knows by that name (`Gaza Strip`, `West Bank`).
    if mention.type == .country, mention.kind == "country", let country = mention.country,
      let countryPlace = gazetteer.country(country)
    {
      if let state = usState(
        named: tokens, reader: reader, mentions: mentions, index: index, context: context)
      {
        return gazetteer.location(state, confidence: 0.9)
      }
      if !candidates.contains(where: { $0.place == countryPlace }),
        let part = candidates.first(where: {
          !$0.alternate && gazetteer.places[$0.place].country == country
        })
      {
        return gazetteer.location(part.place, confidence: 1)
      }
      return gazetteer.location(countryPlace, confidence: 1)
    }
    // A dictionary phrase coded as a country (`the USA`, `Herat` as AFG) is a place of that
    // country by its own name, or else the country.
    if mention.type == .actor, let country = mention.country, mention.code == country {
      let own = candidates.filter {
        gazetteer.places[$0.place].country == country && gazetteer.places[$0.place].kind != .country
      }
      if own.isEmpty {
        // The country only when the phrase is one of its names (`the USA`), not a river or
        // region the dictionary files under it (`Columbia River` as CAN).
        guard countryNames[key] == country else { return nil }
        return gazetteer.country(country).map { gazetteer.location($0, confidence: 1) }
      }
      candidates = own
    } else if mention.type == .actor, let country = mention.country {
      // Coded as a person, organisation or sector: a place only by a place's own name in that
      // country, or a large place's other name (`West Point` as USAMIL, `Gaza City` as
      // PSEGZA, not `Hassan` as JORELI).
      candidates = candidates.filter {
        let place = gazetteer.places[$0.place]
        return place.country == country && place.kind != .country
          && (!$0.alternate || place.population >= Self.unsupportedMinimum)
      }
      guard !candidates.isEmpty else { return nil }
    }
    if candidates.isEmpty, let division {
      // `Kherson region` with no entry of its own: the city's division.
      let city = division.lowerBound..<(division.upperBound - 1)
      if !city.isEmpty {
        key = reader.key(city)
        candidates = gazetteer.candidates(key)
      }
    }
    if candidates.isEmpty, tokens.count > 1, reader.word(tokens.upperBound - 1) == "STATE" {
      candidates = gazetteer.candidates(reader.key(tokens.dropLast()))
    }
    if !qualified.isEmpty {
      let fixed = candidates.filter { candidate in
        let place = gazetteer.places[candidate.place]
        return place.kind != .country
          && qualified.contains {
            place.country == $0.country && ($0.adm1 == nil || place.adm1 == $0.adm1)
          }
      }
      if !fixed.isEmpty { candidates = fixed }
    }
    // Countries are named by country mentions; another mention is not one (`Mexico` the
    // city is `Mexico City`).
    if candidates.contains(where: { gazetteer.places[$0.place].kind != .country }) {
      candidates.removeAll { gazetteer.places[$0.place].kind == .country }
    }
    guard !candidates.isEmpty else { return nil }
    // The knowledge base's or dictionary's country for this name (`Moscow` is Russia's).
    let known = mention.kind == "name" ? nil : mention.country
    // What the text says for each candidate, apart from the knowledge base's reading.
    struct Evidence {
      var score = 0.0
      /// The document supports the reading (a qualifier, the country or state named, the
      /// dateline).
      var supported = false
      /// The support is enough to overrule the knowledge base's reading.
      var specific = false
    }
    var evidence: [Evidence] = []
    for candidate in candidates {
      let place = gazetteer.places[candidate.place]
      var found = Evidence()
      if qualified.contains(where: {
        place.country == $0.country && ($0.adm1 == nil || place.adm1 == $0.adm1)
      }) {
        found.score += 4
        found.supported = true
        found.specific = true
      }
      // Other mentions of the country: this one's own reading does not count.
      var count = context.countries[place.country, default: 0]
      if place.country == mention.country { count -= 1 }
      // The story's countries and states together count for at most two orders of
      // magnitude of population: Hamburg is Germany's in a speech that names Buffalo, New York.
      var story = 0.0
      if !place.country.isEmpty, count > 0 {
        story += count >= 2 ? 1.5 : 1
        found.supported = true
        // A large place of a country the story names, against the knowledge base's reading
        // of a country it does not name (`Tripoli` in a story about Lebanon).
        let knownNamed = known.map { context.countries[$0, default: 0] > 1 } ?? true
        found.specific = found.specific || (!knownNamed && place.population >= 100_000)
      }
      if let dateline = context.datelineCountry, place.country == dateline {
        found.score += 1.5
        found.supported = true
        found.specific = true
      }
      // A city of the same US state named nearby (the sentence or the next either way) by
      // another mention (`Dallas`); the state named, or its places named further away, count
      // for less: a speech names many states.
      if place.country == "USA", let state = context.states[place.adm1],
        state.hasOther(than: index)
      {
        let near = state.hasCity(near: mention.sentence, other: index)
        story += near ? 1 : 0.5
        found.supported = true
        found.specific = found.specific || near
      }
      found.score += min(story, 2)
      if place.kind == .region, place.id == 0 || !place.adm1.isEmpty { found.supported = true }
      evidence.append(found)
    }
    // The knowledge base's reading (`Tripoli` is Libya's capital) holds unless the text
    // says something specific for another country and nothing for that one.
    let knownHolds =
      known.map { known in
        !zip(candidates, evidence).contains {
          gazetteer.places[$0.0.place].country != known && $0.1.specific
        }
          || zip(candidates, evidence).contains {
            gazetteer.places[$0.0.place].country == known && $0.1.score > 0
          }
      } ?? false
    var scores: [Double] = []
    var supported: [Bool] = []
    for (candidate, found) in zip(candidates, evidence) {
      let place = gazetteer.places[candidate.place]
      // How widely known the place is: its population (a region of Entente's own table counts
      // as a large place) and its names in other languages.
      let population = place.population > 0 ? Double(place.population) : 1_000_000
      var score = log10(population + 1000) + log10(1 + Double(place.alternates)) + found.score
      var support = found.supported
      // Another place's alternate name loses to a place's own (`Milan` is not Syracuse).
      if candidate.alternate { score -= 2 }
      if knownHolds, let known, place.country == known {
        score += 1
        support = true
      }
      if mention.kind == "place", place.kind == .region { score += 2 }
      if mention.kind == "region", place.kind == .region { score += 2 }
      if mention.kind == "capital" || mention.kind == "city", place.kind == .city { score += 0.5 }
      // `New York` and `Washington` are cities more often than states.
      if place.kind == .region, !place.adm1.isEmpty { score -= 1 }
      scores.append(score)
      supported.append(support)
    }
    var best = 0
    for i in scores.indices where scores[i] > scores[best] { best = i }
    let place = gazetteer.places[candidates[best].place]
    if mention.kind == "name" || mention.type == .actor, !supported[best],
      place.population < Self.unsupportedMinimum
    {
      return nil
    }
    // The most likely reading's share, scores being orders of magnitude.
    var total = 0.0
    for score in scores { total += pow(10, score - scores[best]) }
    var confidence = 1 / total
    if !qualified.isEmpty, supported[best] { confidence = max(confidence, 0.95) }
    // Another place's other name, found from a preposition alone and no better than a
    // guess (`around Franklin` is no town of Ohio), is left unresolved.
    if mention.kind == "name", candidates[best].alternate, confidence < 0.5 { return nil }
    var location = gazetteer.location(
      candidates[best].place, confidence: (confidence * 100).rounded() / 100)
    if let division, place.kind == .city {
      location.geonameId = nil
      location.kind = .region
      location.name = reader.text(division)
    }
    return location
  }

  /// The US state a country's name also names (`Georgia`), when the text puts it in the
  /// United States: after a US city and a comma, or in a story whose places are American
  /// more than they are of the country.
  private func usState(
    named tokens: Range<Int>, reader: Reader, mentions: [ActorMention], index: Int,
    context: Context
  ) -> Int? {
    guard
      let state = gazetteer.candidates(reader.key(tokens)).first(where: {
        let place = gazetteer.places[$0.place]
        return place.kind == .region && place.country == "USA" && !$0.alternate
      })
    else { return nil }
    let code = gazetteer.places[state.place].adm1
    let comma = tokens.lowerBound - 1
    // Mentions are in text order without overlaps: the one before ends at the comma or none
    // does.
    if comma > 0, reader.word(comma) == ",", index > 0,
      case let before = mentions[index - 1], before.tokens.upperBound == comma,
      gazetteer.candidates(reader.key(before.tokens)).contains(where: {
        let place = gazetteer.places[$0.place]
        return place.country == "USA" && place.adm1 == code
      })
    {
      return state.place
    }
    let country = mentions[index].country ?? ""
    let american = context.countries["USA", default: 0]
    let own = context.countries[country, default: 0]
    // The name itself counts for its country; other mentions must outweigh it.
    return american > 0 && american >= own ? state.place : nil
  }

  /// Nouns before `of` that make the name after it a place (`the town of Handlova`).
  static let placeNouns: Set<WordKey> = [
    "TOWN", "CITY", "VILLAGE", "REGION", "PROVINCE", "PORT", "CAPITAL", "DISTRICT", "SUBURB",
    "SUBURBS", "ISLAND", "OUTSKIRTS", "AREA", "STATE",
  ]

  /// Nouns after a name that make it a place (`the Ramstein air base`).
  static let facilityNouns: Set<WordKey> = ["BASE", "CAMP", "AIRPORT", "CROSSING", "AIRBASE"]

  /// Words between such a name and the noun (`air base`, `refugee camp`).
  static let facilityModifiers: Set<WordKey> = [
    "AIR", "REFUGEE", "MILITARY", "NAVAL", "BORDER", "ARMY", "INTERNATIONAL",
  ]

  /// Adds the places the actor finder left untyped: the first name of a dateline
  /// (`ODESA, Ukraine -`), a name before a state or country qualifier (`Long Beach,
  /// California`), after a place noun (`the town of Handlova`), after a locative preposition
  /// when written with hyphens (`in Rostov-on-Don`), and a place coordinated with another
  /// (`in Tel Aviv and Ashkelon`).
  private func addUntypedPlaces(to mentions: inout [ActorMention], reader: Reader) {
    let doc = reader.doc
    var added: [ActorMention] = []
    var covered = [Bool](repeating: false, count: doc.tokens.count)
    // Tokens that end a place mention.
    var placeEnds = Set<Int>()
    for mention in mentions {
      for t in mention.tokens { covered[t] = true }
      if Self.isPlace(mention), mention.type != .actor {
        placeEnds.insert(mention.tokens.upperBound - 1)
      }
    }
    for (s, sentence) in doc.sentences.enumerated() {
      let start = Int(sentence.tokenStart)
      let end = Int(sentence.tokenEnd)
      var i = start
      while i < end {
        guard !covered[i], reader.capitalised(i), doc.tokens[i].kind == .word else {
          i += 1
          continue
        }
        var runEnd = i + 1
        var hyphenated = false
        while runEnd < end, runEnd - i < 6, !covered[runEnd] {
          let attached = !doc.tokens[runEnd - 1].flags.contains(.spaceAfter)
          if attached, reader.word(runEnd) == "-" || reader.word(runEnd - 1) == "-" {
            hyphenated = true
          } else if !(reader.capitalised(runEnd) && doc.tokens[runEnd].kind == .word) {
            break
          }
          runEnd += 1
        }
        if runEnd > i + 1, reader.word(runEnd - 1) == "-" { runEnd -= 1 }
        let run = i..<runEnd
        if !hyphenated {
          hyphenated = reader.bytes[reader.range(run.lowerBound)].contains(0x2D)
        }
        i = runEnd
        let before = run.lowerBound - 1
        let cue: Bool
        if sentence.isDateline && run.lowerBound == start {
          cue = true
        } else if before >= start, before - 1 >= start, reader.word(before) == "OF",
          Self.placeNouns.contains(reader.word(before - 1))
        {
          cue = true
        } else if before - 1 >= start,
          reader.word(before) == "AND" || reader.word(before) == "OR" || reader.word(before) == ",",
          placeEnds.contains(before - 1) || added.last?.tokens.upperBound == before
            || (reader.word(before) == "AND" && before - 2 >= start
              && reader.word(before - 1) == ","
              && placeEnds.contains(before - 2))
        {
          cue = true
        } else if runEnd < end,
          Self.facilityNouns.contains(reader.word(runEnd))
            || (runEnd + 1 < end && Self.facilityModifiers.contains(reader.word(runEnd))
              && Self.facilityNouns.contains(reader.word(runEnd + 1)))
        {
          cue = true
        } else if hyphenated, before >= start,
          NameContext.placePrepositions.contains(reader.word(before))
        {
          cue = true
        } else {
          cue = !qualifier(after: run, reader: reader, sentenceEnd: end).isEmpty
        }
        guard cue, !gazetteer.candidates(reader.key(run)).isEmpty else { continue }
        var mention = ActorMention(
          tokens: run, sentence: s, code: "", country: nil, kind: "name", type: .location,
          canonical: reader.text(run))
        mention.resolvedFrom = .context
        added.append(mention)
        placeEnds.insert(run.upperBound - 1)
      }
    }
    guard !added.isEmpty else { return }
    // Both lists are in text order and do not overlap: merge them, noting where each old
    // mention goes, since affiliations are indices into the list.
    var merged: [ActorMention] = []
    merged.reserveCapacity(mentions.count + added.count)
    var newIndex: [Int] = []
    newIndex.reserveCapacity(mentions.count)
    var next = added.startIndex
    for mention in mentions {
      while next < added.endIndex, added[next].tokens.lowerBound < mention.tokens.lowerBound {
        merged.append(added[next])
        next += 1
      }
      newIndex.append(merged.count)
      merged.append(mention)
    }
    merged += added[next...]
    for i in merged.indices {
      if let affiliation = merged[i].affiliation { merged[i].affiliation = newIndex[affiliation] }
    }
    mentions = merged
  }
}
