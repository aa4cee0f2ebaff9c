import EntenteCoding
import Foundation

/// HTML written by hand: every text that comes from a document, a query or a request goes
/// through ``escape(_:)``.
enum HTML {
  /// A code (`RUSGOV`, `057`), escaped.
  static func escape(_ code: some CodeValue) -> String { escape(code.rawValue) }

  /// Text safe in an element or a quoted attribute.
  static func escape(_ text: String) -> String {
    var out = ""
    out.reserveCapacity(text.utf8.count)
    for character in text.unicodeScalars {
      switch character {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "'": out += "&#39;"
      default: out.unicodeScalars.append(character)
      }
    }
    return out
  }

  /// A query string from names and values (empty values left out).
  static func query(_ pairs: [(String, String?)]) -> String {
    var allowed = CharacterSet.alphanumerics
    allowed.insert(charactersIn: "-._~")
    let parts = pairs.compactMap { name, value -> String? in
      guard let value, !value.isEmpty else { return nil }
      return "\(name)=\(value.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")"
    }
    return parts.isEmpty ? "" : "?" + parts.joined(separator: "&")
  }

  /// The dashboard's pages around their content.
  static func page(title: String, active: String, _ body: String) -> String {
    let links = [
      ("/", "Read"), ("/events", "Events"), ("/map", "Map"), ("/relations", "Relations"),
      ("/dyad", "Dyad"),
    ]
    let navigation = links.map { path, name in
      "<a href=\"\(path)\"\(path == active ? " class=\"active\" aria-current=\"page\"" : "")>\(name)</a>"
    }.joined()
    return """
      <!DOCTYPE html>
      <html lang="en">
      <head>
      <meta charset="utf-8">
      <meta name="viewport" content="width=device-width, initial-scale=1">
      <title>\(escape(title)) · Entente</title>
      <link rel="stylesheet" href="/assets/dashboard.css">
      <script src="/assets/dashboard.js" defer></script>
      </head>
      <body>
      <header><span class="brand">Entente</span><nav>\(navigation)</nav></header>
      <main>
      <h1>\(escape(title))</h1>
      \(body)
      </main>
      </body>
      </html>
      """
  }

  /// A text field of a filter form.
  static func field(_ name: String, _ label: String, _ value: String?, placeholder: String = "")
    -> String
  {
    """
    <label>\(escape(label)) <input name="\(name)" value="\(escape(value ?? ""))" \
    placeholder="\(escape(placeholder))"></label>
    """
  }

  /// The mode selector of a filter form.
  static func modeField(_ value: String?) -> String {
    let modes = EventMode.allCases.map(\.rawValue) + ["all"]
    let options = modes.map { mode in
      "<option\(mode == (value ?? "asserted") ? " selected" : "")>\(mode)</option>"
    }.joined()
    return "<label>Mode <select name=\"mode\">\(options)</select></label>"
  }

  // MARK: Articles

  /// A coded document: its text with mentions, events' evidence and quotes marked, then the
  /// lists of its events, quotes, agreements and relations.
  static func article(_ document: CodedDocument) -> String {
    let scalars = Array(document.text.unicodeScalars)
    func text(_ range: Range<Int>) -> String {
      var string = String.UnicodeScalarView()
      string.append(
        contentsOf: scalars[max(0, range.lowerBound)..<min(scalars.count, range.upperBound)])
      return String(string)
    }
    func clamp(_ span: CodedDocument.Span) -> Range<Int> {
      let start = min(max(0, span.start), scalars.count)
      return start..<min(max(start, span.end), scalars.count)
    }
    let mentions = document.mentions.map { clamp($0.span) }
    let evidence = document.events.map { clamp($0.evidence) }
    let quotes = document.quotes.map { clamp($0.content) }
    var cuts = Set([0, scalars.count])
    for range in mentions + evidence + quotes {
      cuts.insert(range.lowerBound)
      cuts.insert(range.upperBound)
    }
    let points = cuts.sorted()
    // The spans that open and close at each cut, so that one sweep over the pieces knows
    // which cover each (0: mentions, 1: events' evidence, 2: quotes).
    var opening: [Int: [(kind: Int, index: Int)]] = [:]
    var closing: [Int: [(kind: Int, index: Int)]] = [:]
    for (kind, ranges) in [mentions, evidence, quotes].enumerated() {
      for (index, range) in ranges.enumerated() where !range.isEmpty {
        opening[range.lowerBound, default: []].append((kind, index))
        closing[range.upperBound, default: []].append((kind, index))
      }
    }
    var open: [Set<Int>] = [[], [], []]
    var body = ""
    for (start, end) in zip(points, points.dropFirst()) where start < end {
      for span in closing[start] ?? [] { open[span.kind].remove(span.index) }
      for span in opening[start] ?? [] { open[span.kind].insert(span.index) }
      let piece = escape(text(start..<end))
      let events = open[1].sorted()
      let quoted = open[2]
      // The innermost mention covering the piece.
      let mention = open[0].min { mentions[$0].count < mentions[$1].count }
      if events.isEmpty && quoted.isEmpty && mention == nil {
        body += piece
        continue
      }
      var classes = ["seg"]
      var attributes = ""
      if let mention {
        let item = document.mentions[mention]
        classes += ["mention", "mention-\(item.type)"]
        let code = item.code ?? "no code"
        attributes += " title=\"\(escape("\(item.canonical) · \(code) · \(item.type)"))\""
      }
      if !events.isEmpty {
        classes.append("evidence")
        attributes += " data-events=\"\(events.map(String.init).joined(separator: " "))\""
      }
      if !quoted.isEmpty { classes.append("quote") }
      body += "<span class=\"\(classes.joined(separator: " "))\"\(attributes)>\(piece)</span>"
    }
    var out = "<div class=\"article-layout\"><article class=\"text\">\(body)</article><aside>"
    out += eventList(document)
    out += placeList(document)
    out += quoteList(document)
    out += agreementList(document)
    out += relationList(document)
    out += "</aside></div>"
    return out
  }

  static func actor(_ actor: CodedDocument.Actor?) -> String {
    guard let actor else { return "<span class=\"none\">none</span>" }
    return "<b class=\"actor\">\(escape(actor.code))</b> <q>\(escape(actor.span.text))</q>"
  }

  static func eventList(_ document: CodedDocument) -> String {
    var out = "<section><h2>Events <small>\(document.events.count)</small></h2>"
    if document.events.isEmpty {
      return out + "<p class=\"none\">No event was found.</p></section>"
    }
    out += "<ol class=\"events\">"
    for (index, event) in document.events.enumerated() {
      let date = event.date.map { escape($0) } ?? "<span class=\"none\">the document's date</span>"
      out += """
        <li class="event" id="event-\(index)" data-event="\(index)"><details>\
        <summary><span class="code">\(escape(event.code))</span> \(escape(event.label ?? "")) · \
        <b>\(escape(event.source.code))</b> → <b>\(escape(event.target?.code ?? "–"))</b> \
        <span class="mode mode-\(escape(event.mode.rawValue))">\(escape(event.mode.rawValue))</span></summary>
        <dl>
        <dt>Code</dt><dd>\(escape(event.code)) (root \(escape(event.root))\
        \(event.plover.map { ", PLOVER \(escape($0))" } ?? "")\
        \(event.quadClass.map { ", quad class \($0)" } ?? ""), Goldstein \(event.goldstein))</dd>
        <dt>Mode</dt><dd>\(escape(event.mode.rawValue))</dd>
        <dt>Date</dt><dd>\(date)\(event.dateText.map { " (<q>\(escape($0))</q>)" } ?? "")</dd>
        <dt>Source</dt><dd>\(actor(event.source))</dd>
        <dt>Target</dt><dd>\(actor(event.target))</dd>
        <dt>Place</dt><dd>\(place(event.location, text: event.locationText))</dd>
        <dt>Evidence</dt><dd><q>\(escape(event.evidence.text))</q></dd>
        <dt>Coder</dt><dd>\(escape(event.coder))</dd>
        </dl></details></li>
        """
    }
    return out + "</ol></section>"
  }

  /// A location in words: `Pyongyang (PRK, city, GeoNames 1871859)`.
  static func place(_ location: Location?, text: String?) -> String {
    guard let location else { return "<span class=\"none\">none</span>" }
    var facts = [location.kind.rawValue]
    if let country = location.country { facts.insert(country, at: 0) }
    if let id = location.geonameId { facts.append("GeoNames \(id)") }
    if location.confidence < 1 {
      facts.append(String(format: "confidence %.2f", location.confidence))
    }
    return "<b>\(escape(location.name))</b> (\(escape(facts.joined(separator: ", "))))"
      + (text.map { " <q>\(escape($0))</q>" } ?? "")
  }

  /// The document's places: a small map and the list of distinct places with how often each
  /// is named and how many events happened there.
  static func placeList(_ document: CodedDocument) -> String {
    var order: [String] = []
    var places: [String: (location: Location, mentions: Int, events: Int, quads: [Int])] = [:]
    /// The place's key, listing it the first time.
    func entry(_ location: Location) -> String {
      let k = "\(location.geonameId ?? 0)|\(location.name)|\(location.lat)|\(location.lon)"
      if places[k] == nil {
        order.append(k)
        places[k] = (location, 0, 0, [0, 0, 0, 0])
      }
      return k
    }
    for mention in document.mentions {
      guard let location = mention.location else { continue }
      places[entry(location)]?.mentions += 1
    }
    for event in document.events {
      guard let location = event.location else { continue }
      let k = entry(location)
      places[k]?.events += 1
      if let quad = event.quadClass?.rawValue, (1...4).contains(quad) {
        places[k]?.quads[quad - 1] += 1
      }
    }
    guard !order.isEmpty else { return "" }
    var points: [WorldMap.Point] = []
    var out = "<section class=\"places\"><h2>Places <small>\(order.count)</small></h2>"
    var items = ""
    for k in order {
      guard let place = places[k] else { continue }
      points.append(
        WorldMap.Point(
          lat: place.location.lat, lon: place.location.lon,
          title: "\(place.location.name): named \(place.mentions)×, \(place.events) event(s)",
          count: max(1, place.events), quadClass: WorldMap.dominantQuadClass(place.quads),
          link: nil))
      items += """
        <li>\(self.place(place.location, text: nil)) · named \(place.mentions)× · \
        \(place.events) event\(place.events == 1 ? "" : "s")</li>
        """
    }
    out += WorldMap.svg(points, label: "The document's places")
    return out + "<ul class=\"place-list\">\(items)</ul></section>"
  }

  static func quoteList(_ document: CodedDocument) -> String {
    guard !document.quotes.isEmpty else { return "" }
    var out =
      "<section><h2>Quotes <small>\(document.quotes.count)</small></h2><ol class=\"quotes\">"
    for quote in document.quotes {
      let speaker =
        quote.speaker.map { speaker in
          "<b>\(escape(speaker.span.text))</b>"
            + (speaker.code.map { " <span class=\"code\">\(escape($0))</span>" } ?? "")
            + (speaker.affiliation.map { " (\(escape($0)))" } ?? "")
        } ?? "<span class=\"none\">unknown speaker</span>"
      out += """
        <li>\(speaker) \(escape(quote.cue ?? "")) <span class="kind">\(escape(quote.kind.rawValue))</span>: \
        <q>\(escape(quote.content.text))</q></li>
        """
    }
    return out + "</ol></section>"
  }

  static func agreementList(_ document: CodedDocument) -> String {
    guard !document.agreements.isEmpty else { return "" }
    var out =
      "<section><h2>Agreements <small>\(document.agreements.count)</small></h2><ol class=\"agreements\">"
    for agreement in document.agreements {
      let parties = agreement.parties.map { "<b>\(escape($0.code))</b>" }.joined(separator: ", ")
      out += """
        <li><q>\(escape(agreement.name ?? agreement.evidence.text))</q> \
        \(parties.isEmpty ? "" : "between \(parties)") \
        \(agreement.date.map { "· \(escape($0))" } ?? "") \
        \(agreement.status.map { "· \(escape($0.rawValue))" } ?? "") \
        \(agreement.obligations.isEmpty ? "" : "· \(escape(agreement.obligations.map(\.rawValue).joined(separator: ", ")))")</li>
        """
    }
    return out + "</ol></section>"
  }

  static func relationList(_ document: CodedDocument) -> String {
    guard !document.relations.isEmpty else { return "" }
    var out =
      "<section><h2>Relations <small>\(document.relations.count)</small></h2><ol class=\"relations\">"
    for relation in document.relations {
      out += """
        <li><b>\(escape(relation.source.code))</b> \(escape(relation.kind.rawValue)) \
        <b>\(escape(relation.target.code))</b>: <q>\(escape(relation.evidence.text))</q></li>
        """
    }
    return out + "</ol></section>"
  }
}
