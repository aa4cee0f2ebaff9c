import EntenteCoding
import EntenteStore
import Foundation
import Testing

/// Splits RFC 4180 CSV into rows of fields.
func parseCSV(_ text: String) -> [[String]] {
  var rows: [[String]] = []
  var row: [String] = []
  var field = ""
  var quoted = false
  var characters = Array(text)[...]
  while let character = characters.popFirst() {
    if quoted {
      if character == "\"" {
        if characters.first == "\"" {
          field.append("\"")
          characters.removeFirst()
        } else {
          quoted = false
        }
      } else {
        field.append(character)
      }
    } else if character == "\"" {
      quoted = true
    } else if character == "," {
      row.append(field)
      field = ""
    } else if character == "\r\n" || character == "\n" {
      row.append(field)
      rows.append(row)
      row = []
      field = ""
    } else {
      field.append(character)
    }
  }
  return rows
}

@Suite("Exports")
struct ExportTests {
  func export(_ format: ExportFormat, _ kind: String, filter: EventFilter = EventFilter()) throws
    -> String
  {
    let store = try QueryTests.store(kind)
    var text = ""
    _ = try store.export(format, filter: filter, added: "20260101") { text += $0 }
    return text
  }

  @Test("CSV parses back to the events, with the header", arguments: TestStores.kinds)
  func csv(kind: String) throws {
    let store = try QueryTests.store(kind)
    let events = try store.events(EventFilter())
    let rows = parseCSV(try export(.csv, kind))
    #expect(rows.first == EventStore.eventColumns)
    #expect(rows.count == events.rows.count + 1)
    #expect(rows.dropFirst().map { $0[0] } == events.column("id").map(\.description))
    let evidence = try #require(EventStore.eventColumns.firstIndex(of: "evidence"))
    #expect(rows.dropFirst().map { $0[evidence] } == events.column("evidence").map(\.description))
  }

  @Test("JSON Lines and PLOVER records parse back, one per event", arguments: TestStores.kinds)
  func jsonLines(kind: String) throws {
    let store = try QueryTests.store(kind)
    var all = EventFilter()
    all.modes = []
    let events = try store.events(all)
    let lines = try export(.jsonl, kind, filter: all).split(separator: "\n")
    #expect(lines.count == events.rows.count)
    let objects = try lines.map {
      try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
    }
    #expect(objects.map { $0["code"] as? String } == events.column("code").map(\.text))
    let plover = try export(.plover, kind, filter: all).split(separator: "\n").map {
      try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
    }
    #expect(plover.count == events.rows.count)
    for (record, mode) in zip(plover, events.column("mode").compactMap(\.text)) {
      #expect(record["entente_mode"] as? String == mode)
      let expected = ["intended": "future", "negated": "negated"][mode]
      #expect(record["mode"] as? String == expected)
      #expect((record["mode"] is NSNull) == (mode == "asserted"))
      #expect(record["event_type"] is String)
      #expect(record["actor"] is [String: Any])
    }
    #expect(plover.contains { $0["mode"] as? String == "future" })
    #expect(plover.contains { $0["mode"] is NSNull })
    // The event's place, or an empty list.
    for (record, name) in zip(plover, events.column("location")) {
      let places = try #require(record["location"] as? [[String: Any]])
      #expect(places.first?["name"] as? String == name.text)
      #expect(places.count == (name.text == nil ? 0 : 1))
    }
    let kyiv = try #require(
      plover.compactMap { ($0["location"] as? [[String: Any]])?.first }.first {
        $0["name"] as? String == "Kyiv"
      })
    #expect(kyiv["geonameid"] as? Int == 703_448 && kyiv["country"] as? String == "UKR")
    #expect(kyiv["admin1"] as? String == "12" && (kyiv["lat"] as? Double ?? 0) > 50)
  }

  @Test(
    "GDELT rows: 58 columns, one per cluster, NumMentions adding up to the events",
    arguments: TestStores.kinds)
  func gdelt(kind: String) throws {
    let store = try QueryTests.store(kind)
    let clusters = try store.clusters(EventFilter())
    let rows = try export(.gdelt, kind).split(separator: "\n", omittingEmptySubsequences: false)
      .dropLast().map { $0.split(separator: "\t", omittingEmptySubsequences: false) }
    #expect(ExportColumns.gdelt.count == 58)
    #expect(rows.count == clusters.rows.count)
    #expect(rows.allSatisfy { $0.count == 58 })
    let column = { (name: String) in ExportColumns.gdelt.firstIndex(of: name) ?? 0 }
    let mentions = rows.reduce(0) { $0 + (Int($1[column("NumMentions")]) ?? 0) }
    #expect(mentions == (try store.events(EventFilter())).rows.count)
    #expect(rows.allSatisfy { $0[column("DATEADDED")] == "20260101" })
    #expect(rows.allSatisfy { $0[column("SQLDATE")].count == 8 })
    let russian = rows.first { $0[column("Actor1Code")] == "RUSGOV" }
    #expect(russian?[column("Actor1Type1Code")] == "GOV")
    #expect(russian?[column("Actor1CountryCode")] == "RUS")
    // ActionGeo: a world city with GDELT's FIPS codes, a place of no country, or nothing.
    let kyiv = try #require(rows.first { $0[column("ActionGeo_FeatureID")] == "703448" })
    #expect(kyiv[column("ActionGeo_Type")] == "4")
    #expect(kyiv[column("ActionGeo_FullName")] == "Kyiv, Ukraine")
    #expect(kyiv[column("ActionGeo_CountryCode")] == "UP")
    #expect(kyiv[column("ActionGeo_ADM1Code")] == "UP12")
    #expect(
      kyiv[column("ActionGeo_Lat")] == "50.4547" && kyiv[column("ActionGeo_Long")] == "30.5238")
    let region = try #require(rows.first { $0[column("ActionGeo_FullName")] == "West of the line" })
    #expect(
      region[column("ActionGeo_Type")] == "5" && region[column("ActionGeo_CountryCode")] == "")
    #expect(
      rows.contains { $0[column("ActionGeo_Type")] == "" && $0[column("ActionGeo_Lat")] == "" })
  }

  @Test(
    "Phoenix daily files: one per day, 26 columns, one row per cluster", arguments: TestStores.kinds
  )
  func phoenix(kind: String) throws {
    let store = try QueryTests.store(kind)
    let directory = try Corpus.temporaryDirectory().appendingPathComponent("phoenix").path
    let summary = try store.export(.phoenix, filter: EventFilter(), directory: directory) { _ in }
    let clusters = try store.clusters(EventFilter())
    let days = Set(clusters.column("day").compactMap(\.text))
    #expect(summary.files.count == days.count)
    var rows = 0
    for file in summary.files {
      let lines = try String(contentsOfFile: file, encoding: .utf8).split(separator: "\n")
      let name = (file as NSString).lastPathComponent
      for line in lines {
        let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
        #expect(fields.count == ExportColumns.phoenix.count)
        #expect(name == "events.full.\(fields[1]).txt")
      }
      rows += lines.count
    }
    #expect(rows == clusters.rows.count && rows == summary.rows)
  }
}
