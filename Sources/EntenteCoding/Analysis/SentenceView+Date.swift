import EntenteNLP

extension DayDate {
  /// Days since 1970-01-01 (proleptic Gregorian calendar).
  var dayNumber: Int {
    var y = value / 10_000
    let m = value / 100 % 100
    let d = value % 100
    y -= m <= 2 ? 1 : 0
    let era = (y >= 0 ? y : y - 399) / 400
    let yearOfEra = y - era * 400
    let dayOfYear = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1
    let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
    return era * 146_097 + dayOfEra - 719_468
  }

  /// The day `dayNumber` days after 1970-01-01.
  init(dayNumber: Int) {
    let z = dayNumber + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let dayOfEra = z - era * 146_097
    let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let mp = (5 * dayOfYear + 2) / 153
    let d = dayOfYear - (153 * mp + 2) / 5 + 1
    let m = mp < 10 ? mp + 3 : mp - 9
    let y = yearOfEra + era * 400 + (m <= 2 ? 1 : 0)
    self.init(y * 10_000 + m * 100 + d)
  }

  /// The day of the week, from 0 for Monday to 6 for Sunday.
  var weekday: Int { ((dayNumber % 7) + 7 + 3) % 7 }
}

extension SentenceView {
  private static let weekdays = [
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
  ]
  private static let months = [
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december",
  ]

  /// When the event at token `i` happened: a year, day or relative date attached to it or to
  /// its arguments, resolved against the document date; else the document date.
  ///
  /// - Returns: The date (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`) and the words that gave it
  ///   (`nil` when it is the document's).
  func date(of i: Int, documentDate: DayDate?) -> (String?, String?) {
    var candidates = children(of: i)
    for child in children(of: i)
    where [.obj, .obl, .nmod, .oblTmod, .nsubjPass].contains(deprel(child))
      || deprel(child).base == .obl || deprel(child).base == .nmod
    {
      candidates.append(contentsOf: children(of: child))
    }
    for token in candidates {
      if let found = date(at: token, documentDate: documentDate) { return found }
    }
    return (documentDate?.description, nil)
  }

  /// The date token `i` names, if any, with the words that name it.
  private func date(at i: Int, documentDate: DayDate?) -> (String, String)? {
    let word = lemma(i)
    let text = doc.string(bytes: Int(doc.tokens[i].start)..<Int(doc.tokens[i].end))
    let preposition = marker(of: i)
    func words(_ core: String) -> String { preposition.map { "\($0) \(core)" } ?? core }
    // A year: `in 2000`, `a 1961 treaty`.
    if text.count == 4, let year = Int(text), (1800...2100).contains(year), xpos(i) == .cd {
      return (text, words(text))
    }
    if let month = Self.months.firstIndex(of: word), xpos(i) == .nnp {
      // `October 7, 2023`: the day and year may hang elsewhere in the parse; read the next
      // few tokens.
      let following = (i + 1)..<min(range.upperBound, i + 5)
      let numbers = (children(of: i) + Array(following)).compactMap {
        Int(doc.string(bytes: byteRange($0)))
      }
      let year =
        numbers.first { $0 >= 1800 } ?? documentDate.map { $0.value / 10_000 } ?? 0
      guard year > 0 else { return nil }
      let core = Span(doc: doc, tokens: spanOf(i)).text
      if let day = numbers.first(where: { (1...31).contains($0) }) {
        return (DayDate(year * 10_000 + (month + 1) * 100 + day).description, words(core))
      }
      return (String(format: "%04d-%02d", year, month + 1), words(core))
    }
    guard let documentDate else { return nil }
    if let weekday = Self.weekdays.firstIndex(of: word) {
      // News reports the past: the last such day on or before the document date.
      let back = (documentDate.weekday - weekday + 7) % 7
      return (DayDate(dayNumber: documentDate.dayNumber - back).description, words(text))
    }
    switch word {
    case "yesterday":
      return (DayDate(dayNumber: documentDate.dayNumber - 1).description, text)
    case "today", "tonight":
      return (documentDate.description, text)
    case "week", "month", "year":
      let modifiers = children(of: i).map(lemma)
      let year = documentDate.value / 10_000
      let month = documentDate.value / 100 % 100
      let phrase = Span(doc: doc, tokens: spanOf(i)).text
      if modifiers.contains("last") {
        switch word {
        case "week": return (DayDate(dayNumber: documentDate.dayNumber - 7).description, phrase)
        case "month":
          return (
            month == 1
              ? String(format: "%04d-12", year - 1) : String(format: "%04d-%02d", year, month - 1),
            phrase
          )
        default: return (String(year - 1), phrase)
        }
      }
      if modifiers.contains("this") {
        switch word {
        case "year": return (String(year), phrase)
        case "month": return (String(format: "%04d-%02d", year, month), phrase)
        default: return (documentDate.description, phrase)
        }
      }
      return nil
    default:
      return nil
    }
  }

  private func byteRange(_ i: Int) -> Range<Int> {
    Int(doc.tokens[i].start)..<Int(doc.tokens[i].end)
  }

  /// Token `i` with its dependents, as a contiguous range.
  private func spanOf(_ i: Int) -> Range<Int> {
    var low = i
    var high = i + 1
    for child in children(of: i) where deprel(child) != .case && deprel(child) != .punct {
      low = min(low, child)
      high = max(high, child + 1)
    }
    return low..<high
  }
}
