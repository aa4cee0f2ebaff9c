import EntenteCoding
import Foundation

/// The formats of `entente export` (docs/store.md describes each column).
public enum ExportFormat: String, Sendable, CaseIterable {
  /// Every event, one CSV row each, with a header.
  case csv
  /// Every event, one JSON object per line.
  case jsonl
  /// GDELT 1.0 event rows (58 tab-separated columns, no header), one per day, source,
  /// target and code, with NumMentions, NumSources and NumArticles.
  case gdelt
  /// Phoenix-style daily files (`events.full.YYYYMMDD.txt`, tab-separated, no header), one
  /// row per day, source, target and code.
  case phoenix
  /// PLOVER records, one JSON object per line: actor, recipient, event type, mode.
  case plover
}

/// What an export wrote.
public struct ExportSummary: Sendable, Equatable {
  /// Rows (or records) written.
  public var rows = 0
  /// Files written, for formats written to a directory.
  public var files: [String] = []
}

extension EventStore {
  /// Writes the events that `filter` takes in `format`.
  ///
  /// - Parameters:
  ///   - write: Receives the text, row by row (not used for `phoenix`).
  ///   - directory: Where `phoenix` writes its daily files.
  ///   - added: The `DATEADDED` of GDELT rows, `YYYYMMDD`.
  public func export(
    _ format: ExportFormat, filter: EventFilter, directory: String? = nil,
    added: String = ExportColumns.today(), write: (String) -> Void
  ) throws(StoreError) -> ExportSummary {
    var summary = ExportSummary()
    switch format {
    case .csv:
      write(TableFormat.csvLine(Self.eventColumns))
      try backend.eachRow(
        Self.eventsSQL(filter, limit: nil, after: nil), columns: Self.eventColumns.count
      ) { row in
        write(TableFormat.csvLine(row.map(\.description)))
        summary.rows += 1
      }
    case .jsonl:
      try backend.eachRow(
        Self.eventsSQL(filter, limit: nil, after: nil), columns: Self.eventColumns.count
      ) { row in
        write(TableFormat.jsonl.render(QueryTable(columns: Self.eventColumns, rows: [row])))
        summary.rows += 1
      }
    case .plover:
      try backend.eachRow(
        Self.eventsSQL(filter, limit: nil, after: nil), columns: Self.eventColumns.count
      ) { row in
        let cells = Dictionary(uniqueKeysWithValues: zip(Self.eventColumns, row))
        write(ExportColumns.plover(cells) + "\n")
        summary.rows += 1
      }
    case .gdelt:
      try backend.eachRow(Self.clustersSQL(filter), columns: Self.clusterColumns.count) { row in
        let cells = Dictionary(uniqueKeysWithValues: zip(Self.clusterColumns, row))
        write(ExportColumns.gdelt(cells, added: added).joined(separator: "\t") + "\n")
        summary.rows += 1
      }
    case .phoenix:
      guard let directory else { throw StoreError("the phoenix format needs a directory") }
      var handle: FileHandle?
      var currentDay = ""
      func open(_ day: String) throws {
        try handle?.close()
        let name = "events.full.\(day.replacingOccurrences(of: "-", with: "")).txt"
        let path = (directory as NSString).appendingPathComponent(name)
        _ = FileManager.default.createFile(atPath: path, contents: nil)
        handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        summary.files.append(path)
        currentDay = day
      }
      do {
        try FileManager.default.createDirectory(
          atPath: directory, withIntermediateDirectories: true)
        try backend.eachRow(Self.clustersSQL(filter), columns: Self.clusterColumns.count) {
          row in
          let cells = Dictionary(uniqueKeysWithValues: zip(Self.clusterColumns, row))
          let day = cells["day"]?.text ?? ""
          if day != currentDay { try open(day) }
          let line = ExportColumns.phoenix(cells).joined(separator: "\t") + "\n"
          handle?.write(Data(line.utf8))
          summary.rows += 1
        }
        try handle?.close()
      } catch let error as StoreError {
        throw error
      } catch {
        throw StoreError("\(directory): \(error)")
      }
    }
    return summary
  }
}

/// The columns of the GDELT, Phoenix and PLOVER exports.
public enum ExportColumns {
  /// GDELT 1.0's event columns, in order (the last is `SOURCEURL`).
  public static let gdelt: [String] = {
    var columns = ["GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate"]
    for actor in ["Actor1", "Actor2"] {
      columns += [
        "Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code",
        "Religion2Code", "Type1Code", "Type2Code", "Type3Code",
      ].map { actor + $0 }
    }
    columns += [
      "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
      "NumMentions", "NumSources", "NumArticles", "AvgTone",
    ]
    for place in ["Actor1Geo", "Actor2Geo", "ActionGeo"] {
      columns += ["Type", "FullName", "CountryCode", "ADM1Code", "Lat", "Long", "FeatureID"].map {
        place + "_" + $0
      }
    }
    return columns + ["DATEADDED", "SOURCEURL"]
  }()

  /// Phoenix's daily-file columns, in order.
  public static let phoenix = [
    "EventID", "Date", "Year", "Month", "Day", "SourceActorFull", "SourceActorEntity",
    "SourceActorRole", "SourceActorAttribute", "TargetActorFull", "TargetActorEntity",
    "TargetActorRole", "TargetActorAttribute", "EventCode", "EventRootCode", "PentaClass",
    "GoldsteinScore", "Issues", "Lat", "Lon", "LocationName", "StateName", "CountryCode",
    "SentenceID", "URLs", "NewsSources",
  ]

  /// Today, `YYYYMMDD` in UTC.
  public static func today() -> String {
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.timeZone = TimeZone(identifier: "UTC")
    formatter.dateFormat = "yyyyMMdd"
    return formatter.string(from: Date())
  }

  /// A CAMEO actor code cut into its country (or first) part and its three-letter roles:
  /// `RUSGOV` -> (`RUS`, [`GOV`]), `IGOUNOIAE` -> (`IGO`, [`UNO`, `IAE`]).
  static func parts(_ code: String) -> (entity: String, roles: [String]) {
    let letters = Array(code)
    var roles: [String] = []
    var index = 3
    while index + 3 <= letters.count {
      roles.append(String(letters[index..<index + 3]))
      index += 3
    }
    return (String(letters.prefix(3)), roles)
  }

  /// One GDELT row of a cluster of events.
  static func gdelt(_ cells: [String: Cell], added: String) -> [String] {
    let day = cells["day"]?.text ?? ""
    let compact = day.replacingOccurrences(of: "-", with: "")
    let year = Int(day.prefix(4)) ?? 0
    let month = Int(day.dropFirst(5).prefix(2)) ?? 1
    let dayOfMonth = Int(day.dropFirst(8).prefix(2)) ?? 1
    let fraction = Double(year) + Double((month - 1) * 30 + dayOfMonth) / 365
    func actor(_ code: String, _ name: String, _ country: String) -> [String] {
      guard !code.isEmpty else { return Array(repeating: "", count: 10) }
      let roles = parts(code).roles
      return [code, name.uppercased(), country, "", "", "", ""]
        + (0..<3).map { $0 < roles.count ? roles[$0] : "" }
    }
    let code = cells["code"]?.text ?? ""
    var row = [
      cells["firstEvent"]?.description ?? "", compact, String(compact.prefix(6)), String(year),
      String(format: "%.4f", fraction),
    ]
    row += actor(
      cells["source"]?.text ?? "", cells["sourceText"]?.text ?? "",
      cells["sourceCountry"]?.text ?? "")
    row += actor(
      cells["target"]?.text ?? "", cells["targetText"]?.text ?? "",
      cells["targetCountry"]?.text ?? "")
    row += [
      cells["sentence"]?.number == 0 ? "1" : "0", code, String(code.prefix(3)),
      cells["root"]?.text ?? "", cells["quadClass"]?.description ?? "",
      cells["goldstein"]?.description ?? "", cells["mentions"]?.description ?? "",
      cells["sources"]?.description ?? "", cells["articles"]?.description ?? "", "",
    ]
    // Actor1Geo and Actor2Geo: not coded (an actor's own place); ActionGeo: the event's.
    row += Array(repeating: "", count: 14)
    row += actionGeo(cells)
    row += [added, cells["url"]?.text ?? ""]
    return row.map(clean)
  }

  /// GDELT's geography of an event's location: type (1 country, 2 US state, 3 US city, 4 world
  /// city, 5 world state or region), full name (`Pyongyang, North Korea`), FIPS 10-4 country
  /// code, ADM1 code (FIPS country and division, `USTX`), latitude, longitude and feature id
  /// (the GeoNames id; the FIPS code for a country).
  static func actionGeo(_ cells: [String: Cell]) -> [String] {
    guard let name = cells["location"]?.text, let lat = cells["lat"]?.number,
      let lon = cells["lon"]?.number
    else { return Array(repeating: "", count: 7) }
    let iso3 = cells["locationCountry"]?.text ?? ""
    let country = CountryNames.bundled[iso3]
    let fips = country?.fips ?? ""
    let adm1 = cells["locationAdm1"]?.text ?? ""
    let kind = cells["locationKind"]?.text ?? ""
    let american = iso3 == "USA"
    let type =
      switch kind {
      case "country": "1"
      case "region": american && !adm1.isEmpty ? "2" : "5"
      default: american ? "3" : "4"
      }
    var full = name
    if let country, kind != "country" { full += ", " + country.name }
    let feature = kind == "country" ? fips : cells["geonameId"]?.integer.map(String.init) ?? ""
    return [
      type, full, fips, adm1.isEmpty ? (kind == "country" ? fips : "") : fips + adm1,
      String(format: "%.4f", lat), String(format: "%.4f", lon), feature,
    ]
  }

  /// One Phoenix row of a cluster of events.
  static func phoenix(_ cells: [String: Cell]) -> [String] {
    let day = cells["day"]?.text ?? ""
    let source = cells["source"]?.text ?? ""
    let target = cells["target"]?.text ?? ""
    let (sourceEntity, sourceRoles) = parts(source)
    let (targetEntity, targetRoles) = parts(target)
    let root = Int(cells["root"]?.text ?? "") ?? 0
    // Phoenix's penta class: statements (01-02), then CAMEO's quad classes.
    let penta =
      switch root {
      case 1...2: "0"
      case 3...5: "1"
      case 6...8: "2"
      case 9...13: "3"
      case 14...20: "4"
      default: ""
      }
    let month = Int(day.dropFirst(5).prefix(2)) ?? 0
    let dayOfMonth = Int(day.dropFirst(8).prefix(2)) ?? 0
    var row: [String] = [cells["firstEvent"]?.description ?? ""]
    row += [day.replacingOccurrences(of: "-", with: ""), String(day.prefix(4))]
    row += [String(month), String(dayOfMonth)]
    row += [source, sourceEntity, sourceRoles.first ?? ""]
    row.append(sourceRoles.dropFirst().joined(separator: ";"))
    row += [target, target.isEmpty ? "" : targetEntity, targetRoles.first ?? ""]
    row.append(targetRoles.dropFirst().joined(separator: ";"))
    row += [cells["code"]?.text ?? "", cells["root"]?.text ?? "", penta]
    row.append(cells["goldstein"]?.description ?? "")
    // Issues: not coded. Then the event's place: latitude, longitude, name, first-order
    // division and country (ISO alpha-3).
    row.append("")
    if let lat = cells["lat"]?.number, let lon = cells["lon"]?.number {
      row += [
        String(format: "%.4f", lat), String(format: "%.4f", lon),
        cells["location"]?.text ?? "", cells["locationAdm1"]?.text ?? "",
        cells["locationCountry"]?.text ?? "",
      ]
    } else {
      row += Array(repeating: "", count: 5)
    }
    row += [cells["sentence"]?.description ?? "", cells["url"]?.text ?? ""]
    row.append(cells["documentSource"]?.text ?? "")
    return row.map(clean)
  }

  /// PLOVER's modes for Entente's: asserted events have none.
  static let ploverModes = [
    "negated": "negated", "hypothetical": "hypothetical", "intended": "future",
    "claimed": "claimed", "denied": "denied",
  ]

  /// One PLOVER record of an event, as JSON.
  static func plover(_ cells: [String: Cell]) -> String {
    func actor(_ prefix: String) -> Any {
      guard let code = cells[prefix]?.text else { return NSNull() }
      return [
        "code": code, "country": cells[prefix + "Country"]?.text ?? NSNull(),
        "text": cells[prefix + "Text"]?.text ?? NSNull(),
      ] as [String: Any]
    }
    let mode = cells["mode"]?.text ?? "asserted"
    let object: [String: Any] = [
      "id": cells["id"]?.description ?? "",
      "date": cells["date"]?.text ?? NSNull(),
      "event_type": cells["plover"]?.text ?? NSNull(),
      "mode": ploverModes[mode] ?? NSNull(),
      "entente_mode": mode,
      "actor": actor("source"),
      "recipient": actor("target"),
      "cameo": [
        "code": cells["code"]?.text ?? "", "goldstein": cells["goldstein"]?.number ?? 0,
        "quad_class": cells["quadClass"]?.number ?? NSNull(),
      ] as [String: Any],
      "document": cells["document"]?.text ?? "",
      "url": cells["url"]?.text ?? NSNull(),
      "evidence": cells["evidence"]?.text ?? "",
      "location": location(cells),
    ]
    let data =
      (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data()
    return String(decoding: data, as: UTF8.self)
  }

  /// PLOVER's location list: the event's place, or none.
  static func location(_ cells: [String: Cell]) -> [[String: Any]] {
    guard let name = cells["location"]?.text, let lat = cells["lat"]?.number,
      let lon = cells["lon"]?.number
    else { return [] }
    return [
      [
        "name": name, "lat": lat, "lon": lon,
        "country": cells["locationCountry"]?.text ?? NSNull(),
        "admin1": cells["locationAdm1"]?.text ?? NSNull(),
        "geonameid": cells["geonameId"]?.integer ?? NSNull(),
        "feature": cells["locationKind"]?.text ?? NSNull(),
        "text": cells["locationText"]?.text ?? NSNull(),
      ]
    ]
  }

  /// A field without tabs or line breaks.
  static func clean(_ field: String) -> String {
    String(field.map { $0 == "\t" || $0.isNewline ? " " : $0 })
  }
}
