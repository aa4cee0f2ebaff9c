import Foundation

/// How a query result is written.
public enum TableFormat: String, Sendable, CaseIterable {
  /// Columns aligned with spaces, for a terminal.
  case table
  /// RFC 4180 CSV with a header line.
  case csv
  /// Tab-separated values with a header line; tabs and newlines in cells become spaces.
  case tsv
  /// One JSON object per row, with the column names as keys.
  case jsonl

  /// The text of `table` in this format.
  public func render(_ table: QueryTable) -> String {
    switch self {
    case .table: Self.aligned(table)
    case .csv: Self.csv(table)
    case .tsv: Self.tsv(table)
    case .jsonl: Self.jsonl(table)
    }
  }

  static func aligned(_ table: QueryTable) -> String {
    let cells = [table.columns] + table.rows.map { $0.map(\.description) }
    var widths = Array(repeating: 0, count: table.columns.count)
    for row in cells {
      for (index, cell) in row.enumerated() { widths[index] = max(widths[index], cell.count) }
    }
    var output = ""
    for row in cells {
      let line = row.enumerated().map { index, cell in
        index == row.count - 1
          ? cell : cell.padding(toLength: widths[index], withPad: " ", startingAt: 0)
      }.joined(separator: "  ")
      output += line + "\n"
    }
    return output
  }

  static func csv(_ table: QueryTable) -> String {
    var output = csvLine(table.columns)
    for row in table.rows { output += csvLine(row.map(\.description)) }
    return output
  }

  /// One CSV line, quoted where RFC 4180 needs it, ended by CRLF.
  static func csvLine(_ fields: [String]) -> String {
    fields.map { text in
      guard text.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) else { return text }
      return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }.joined(separator: ",") + "\r\n"
  }

  static func tsv(_ table: QueryTable) -> String {
    func field(_ text: String) -> String {
      String(text.map { $0 == "\t" || $0.isNewline ? " " : $0 })
    }
    var output = table.columns.joined(separator: "\t") + "\n"
    for row in table.rows {
      output += row.map { field($0.description) }.joined(separator: "\t") + "\n"
    }
    return output
  }

  static func jsonl(_ table: QueryTable) -> String {
    var output = ""
    for row in table.rows {
      var object: [String: Any] = [:]
      for (name, cell) in zip(table.columns, row) {
        switch cell {
        case .text(let value): object[name] = value
        case .int(let value): object[name] = value
        case .real(let value): object[name] = value
        case .null: object[name] = NSNull()
        }
      }
      let data =
        (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data()
      output += String(decoding: data, as: UTF8.self) + "\n"
    }
    return output
  }
}
