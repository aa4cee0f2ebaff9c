import Foundation

/// Each country's ISO alpha-3 and alpha-2 codes, FIPS 10-4 code and name, from
/// `Places/countries.tsv` (GeoNames): what exports need to write a place as GDELT and
/// Phoenix do, without loading the gazetteer.
public struct CountryNames: Sendable {
  /// One country.
  public struct Entry: Sendable, Equatable {
    /// ISO 3166 alpha-2.
    public var iso2: String
    /// FIPS 10-4, GDELT's geography code.
    public var fips: String
    /// The GeoNames name.
    public var name: String
  }

  /// Entries by ISO alpha-3 code.
  public private(set) var entries: [String: Entry] = [:]

  /// Parses the table; malformed lines are skipped (the file is generated).
  public init(table: String) {
    for line in table.split(separator: "\n") where !line.hasPrefix("#") {
      let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
      guard fields.count == 4 else { continue }
      entries[String(fields[0])] = Entry(
        iso2: String(fields[1]), fips: String(fields[2]), name: String(fields[3]))
    }
  }

  /// The shipped table, read once per process; empty when it is not installed.
  public static let bundled: CountryNames = {
    guard
      let path = Bundle.module.path(forResource: "countries", ofType: "tsv", inDirectory: "Places"),
      let data = FileManager.default.contents(atPath: path)
    else { return CountryNames(table: "") }
    return CountryNames(table: String(decoding: data, as: UTF8.self))
  }()

  /// The entry of an ISO alpha-3 code.
  public subscript(code: String) -> Entry? { entries[code] }
}
