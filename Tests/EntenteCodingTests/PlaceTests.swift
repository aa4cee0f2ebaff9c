import EntenteCoding
import EntenteNLP
import Foundation
import Testing

/// One document of `Fixtures/places.jsonl`: news-like sentences written for Entente, each
/// place mention with the GeoNames id it must resolve to, the name of a region of Entente's
/// own table, or nothing (a place the gazetteer does not have).
struct PlaceCase: Decodable, CustomTestStringConvertible, Sendable {
  struct Place: Decodable, Sendable {
    struct Expectation: Decodable, Sendable {
      var geonameId: Int?
      var region: String?
    }
    var start: Int
    var end: Int
    var text: String
    var expect: Expectation?
  }

  var id: String
  var date: String
  var text: String
  var places: [Place]
  var testDescription: String { id }

  static let all: [PlaceCase] = {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .appendingPathComponent("Fixtures/places.jsonl")
    guard let text = try? String(contentsOf: url, encoding: .utf8) else { return [] }
    return text.split(separator: "\n").compactMap {
      try? JSONDecoder().decode(PlaceCase.self, from: Data($0.utf8))
    }
  }()
}

/// The coded document of a text with the default coder.
private func coded(_ text: String, id: String = "t", date: String = "2024-06-19") throws
  -> CodedDocument
{
  try #require(defaultCoder).code(InputDocument(id: id, date: date, text: text, origin: id))
}

/// The location of the mention covering `text` (its first occurrence).
private func location(of text: String, in document: CodedDocument) -> Location? {
  document.mentions.first { $0.span.text == text || $0.span.text == "the " + text }?.location
}

@Suite("Places", .enabled(if: defaultCoder != nil, "the shipped resources could not be loaded"))
struct PlaceTests {
  @Test("the fixture's place mentions resolve to the right place, 95% of them at least")
  func fixture() throws {
    let cases = PlaceCase.all
    #expect(cases.count >= 100)
    var right = 0
    var total = 0
    var report: [String] = []
    for item in cases {
      let document = try coded(item.text, id: item.id, date: item.date)
      let scalars = Array(item.text.unicodeScalars)
      #expect(scalars.count == item.text.unicodeScalars.count)
      for place in item.places {
        total += 1
        let found = document.mentions.first {
          $0.span.start < place.end && $0.span.end > place.start && $0.location != nil
        }?.location
        let good: Bool
        switch (place.expect, found) {
        case (nil, nil): good = true
        case (let expect?, let found?):
          if let region = expect.region {
            good = found.geonameId == nil && found.name == region
          } else {
            good = found.geonameId == expect.geonameId
          }
        default: good = false
        }
        if good {
          right += 1
        } else {
          let got = found.map { "\($0.name) \($0.country ?? "-") \($0.geonameId ?? 0)" } ?? "none"
          report.append("\(item.id) \(place.text): got \(got)")
        }
      }
    }
    #expect(total >= 150)
    let share = Double(right) / Double(max(total, 1))
    print("places fixture: \(right) of \(total) right (\(String(format: "%.1f", share * 100))%)")
    for line in report { print("  miss: \(line)") }
    #expect(share >= 0.95, "\(report.joined(separator: "\n"))")
  }

  @Test("a country name is the country, a capital its city, a region Entente's own entry")
  func kinds() throws {
    let document = try coded(
      "Officials in Moscow said troops had left Ukraine, and talks on the Korean Peninsula resumed."
    )
    let moscow = try #require(location(of: "Moscow", in: document))
    #expect(moscow.geonameId == 524_901 && moscow.kind == .city && moscow.country == "RUS")
    let ukraine = try #require(location(of: "Ukraine", in: document))
    #expect(ukraine.geonameId == 690_791 && ukraine.kind == .country && ukraine.confidence == 1)
    let peninsula = try #require(location(of: "Korean Peninsula", in: document))
    #expect(peninsula.geonameId == nil && peninsula.kind == .region && peninsula.country == nil)
  }

  @Test("a qualifier decides: Paris, Texas is neither France nor its government")
  func qualifier() throws {
    let document = try coded("Storms flooded streets in Paris, Texas, on Monday.")
    let paris = try #require(document.mentions.first { $0.span.text == "Paris" })
    #expect(paris.location?.geonameId == 4_717_560)
    #expect(paris.location?.adm1 == "TX")
    #expect(paris.code == nil && paris.country?.rawValue == "USA" && paris.type == .location)
    let france = try coded("Storms flooded streets in Paris on Monday.")
    #expect(location(of: "Paris", in: france)?.geonameId == 2_988_507)
  }

  @Test("the document's countries decide between places of one name")
  func context() throws {
    let lebanon = try coded(
      "The Lebanese army deployed troops in Tripoli after clashes, officials in Beirut said.")
    #expect(location(of: "Tripoli", in: lebanon)?.country == "LBN")
    let libya = try coded("Militias fought in Tripoli, the capital, on Monday.")
    #expect(location(of: "Tripoli", in: libya)?.country == "LBY")
    #expect((location(of: "Tripoli", in: libya)?.confidence ?? 1) < 1)
    let state = try coded("Voters in Atlanta, Georgia, waited in long lines.")
    let georgia = try #require(state.mentions.first { $0.span.text == "Georgia" })
    #expect(georgia.location?.geonameId == 4_197_000 && georgia.code?.rawValue != "GEO")
    let country = try coded(
      "Police detained protesters in Tbilisi as unrest spread across Georgia.")
    #expect(location(of: "Georgia", in: country)?.geonameId == 614_540)
  }

  @Test("a place the gazetteer lacks keeps its words and has no location")
  func unknown() throws {
    let document = try coded("Soldiers searched houses in Zorvanka on Tuesday.")
    let mention = try #require(document.mentions.first { $0.span.text == "Zorvanka" })
    #expect(mention.type == .location && mention.location == nil)
  }

  @Test("datelines, divisions and qualified names the actor finder leaves untyped are places")
  func untyped() throws {
    let dateline = try coded("ODESA, Ukraine - Drones struck the port overnight, officials said.")
    #expect(location(of: "ODESA", in: dateline)?.geonameId == 698_740)
    let region = try coded("Ukrainian forces advanced in the Kherson region on Monday.")
    let kherson = try #require(document(region, mentionStartingWith: "Kherson"))
    #expect(kherson.location?.name == "Kherson region" && kherson.location?.kind == .region)
    let beach = try coded("Two cargo ships collided off Long Beach, California, on Monday.")
    #expect(location(of: "Long Beach", in: beach)?.geonameId == 5_367_929)
  }

  private func document(_ coded: CodedDocument, mentionStartingWith text: String)
    -> CodedDocument.Mention?
  {
    coded.mentions.first { $0.span.text.hasPrefix(text) }
  }

  @Test("an event happens at the place of its clause, else its sentence's, else the dateline's")
  func eventLocation() throws {
    let clause = try coded(
      "Russian forces attacked a convoy near Kherson, officials in Kyiv said on Monday.")
    let attack = try #require(clause.events.first { $0.root == "19" || $0.root == "18" })
    #expect(attack.location?.name == "Kherson" && attack.locationText == "Kherson")
    let talks = try coded("Armenia and Azerbaijan held talks in Geneva on Friday.")
    #expect(talks.events.first?.location?.geonameId == 2_660_646)
    let dated = try coded("KABUL - The Taliban accused Pakistan of shelling border villages.")
    let accusation = try #require(dated.events.first { $0.code.rawValue == "112" })
    #expect(accusation.location?.name == "Kabul" && accusation.locationText == "KABUL")
    let part = try coded("Gunmen attacked a police post in southern Guyana on Monday.")
    #expect(part.events.first?.location?.name == "Guyana")
    let none = try coded("Japan criticized North Korea on Thursday.")
    #expect(none.events.allSatisfy { $0.location == nil && $0.locationText == nil })
  }

  @Test("the fixture's events happen where it says, 90% of them at least")
  func eventFixture() throws {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .appendingPathComponent("Fixtures/event-places.tsv")
    let rows = try String(contentsOf: url, encoding: .utf8).split(separator: "\n")
      .filter { !$0.hasPrefix("#") }.map { $0.split(separator: "\t").map(String.init) }
    #expect(rows.count >= 40)
    var right = 0
    var total = 0
    var report: [String] = []
    for row in rows where row.count == 2 {
      let document = try coded(row[0])
      guard let event = document.events.first else { continue }
      total += 1
      let got = event.location?.name ?? "-"
      if got == row[1] { right += 1 } else { report.append("\(row[0]): got \(got)") }
    }
    print("event places fixture: \(right) of \(total) events located as written")
    for line in report { print("  miss: \(line)") }
    #expect(total >= 35)
    #expect(Double(right) >= 0.9 * Double(total), "\(report.joined(separator: "\n"))")
  }

  @Test("a visit is located where the visitor went")
  func visit() throws {
    let document = try coded("The Russian president arrived in Pyongyang for a two-day visit.")
    let located = document.events.filter { $0.location != nil }
    #expect(located.contains { $0.location?.name == "Pyongyang" })
    let country = try coded("Putin visited North Korea on Wednesday.")
    let visit = try #require(country.events.first { $0.code.rawValue == "042" })
    #expect(visit.location?.country == "PRK" && visit.location?.kind == .country)
  }

  @Test("the founding example's places and the visit's location")
  func foundingExample() throws {
    let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .appendingPathComponent("../../../shared/examples/pact-article.txt").standardized.path
    guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
      print("skipped: ../shared/examples/pact-article.txt is not here")
      return
    }
    let document = try coded(text)
    let expected: [(String, Int?)] = [
      ("Pyongyang", 1_871_859), ("Moscow", 524_901), ("Seoul", 1_835_848),
      ("Washington", 4_140_963), ("Beijing", 1_816_670), ("Ukraine", 690_791),
      ("Korean Peninsula", nil),
    ]
    for (name, id) in expected {
      let found = location(of: name, in: document)
      #expect(found != nil, "\(name) has no location")
      #expect(found?.geonameId == id, "\(name): \(String(describing: found))")
    }
    #expect(location(of: "Korean Peninsula", in: document)?.name == "Korean Peninsula")
    let visit = try #require(document.events.first { $0.code.rawValue == "042" })
    #expect(visit.location?.country == "PRK")
  }
}

@Suite("Gazetteer")
struct GazetteerTests {
  @Test("names are keyed without case, with either apostrophe and any spacing")
  func keys() {
    #expect(Gazetteer.key("Kyiv") == Gazetteer.key("KYIV"))
    #expect(Gazetteer.key("Cote d’Ivoire") == Gazetteer.key("cote d'ivoire"))
    #expect(Gazetteer.key("Long  Beach") == Gazetteer.key("Long Beach"))
    #expect(Gazetteer.key("Long Beach") != Gazetteer.key("LongBeach"))
  }

  @Test("a table row with missing fields is reported with its file and line")
  func malformed() {
    let table = """
      # header
      1\tcity\tAlpha\tAAA\t01\t1.0\t2.0\t5000\t\t
      2\tcity\tBeta\tAAA\t01\tnorth\t2.0\t5000\t\t
      """
    #expect(
      throws: DictionaryIssue(
        path: "g.tsv", line: 3,
        "expected id, kind, name, country, adm1, lat, lon, population, alternate names, plain name")
    ) {
      try Gazetteer(table: table, tablePath: "g.tsv")
    }
    #expect(throws: DictionaryIssue.self) {
      try Gazetteer(table: "", regions: "Nowhere\tAAA\tx\t1", regionsPath: "r.tsv")
    }
  }

  @Test("a name with several places gives each once, alternate names marked")
  func candidates() throws {
    let table = """
      1\tcity\tAlpha\tAAA\t01\t1.0\t2.0\t5000\tAlfa;Alpha\t
      2\tcity\tAlpha\tBBB\t02\t3.0\t4.0\t9000\t\t
      3\tcity\tGamma\tBBB\t02\t3.0\t4.0\t9000\tAlfa\t
      4\tcity\tÉpsilon\tBBB\t02\t3.0\t4.0\t9000\t\tEpsilon
      """
    let gazetteer = try Gazetteer(table: table, regions: "Delta Sea; Delta\t \t10\t20")
    let alpha = gazetteer.candidates("ALPHA")
    #expect(alpha.map(\.place) == [0, 1] && alpha.allSatisfy { !$0.alternate })
    #expect(gazetteer.candidates("alfa").map(\.alternate) == [true, true])
    let delta = try #require(gazetteer.candidates("delta").first)
    #expect(gazetteer.location(delta.place, confidence: 1).geonameId == nil)
    #expect(gazetteer.candidates("Omega").isEmpty)
    // The name without accents is the place's own.
    #expect(gazetteer.candidates("Epsilon").map(\.alternate) == [false])
    #expect(gazetteer.places[3].alternates == 0 && gazetteer.places[0].alternates == 2)
  }

  @Test("the shipped gazetteer loads, with every country of the knowledge base")
  func shipped() throws {
    let gazetteer = try Gazetteer.bundled()
    #expect(gazetteer.places.count > 69_000)
    for code in ["RUS", "PRK", "USA", "UKR", "PSE", "XKX"] {
      #expect(gazetteer.country(code) != nil, "\(code)")
    }
  }

  @Test("distances are great-circle kilometres")
  func distance() {
    // Kyiv to Moscow is some 756 km.
    let km = Location.kilometres(50.4501, 30.5234, 55.7558, 37.6173)
    #expect(abs(km - 756) < 5)
  }
}
