import EntenteStore
import Foundation

/// A JSON value, written with its keys in the order given.
enum JSONValue: Sendable {
  case string(String)
  case int(Int)
  case number(Double)
  case bool(Bool)
  case null
  case array([JSONValue])
  case object([(String, JSONValue)])

  /// A string, or null.
  static func string(_ value: String?) -> JSONValue { value.map(JSONValue.string) ?? .null }

  /// A query cell as JSON: text, number or null.
  init(_ cell: Cell) {
    switch cell {
    case .text(let value): self = .string(value)
    case .int(let value): self = .int(value)
    case .real(let value): self = .number(value)
    case .null: self = .null
    }
  }

  /// The rows of a table as objects named by its columns.
  static func rows(_ table: QueryTable) -> JSONValue {
    .array(
      table.rows.map { row in
        .object(zip(table.columns, row).map { ($0, JSONValue($1)) })
      })
  }

  /// The compact JSON text.
  var text: String {
    var out = ""
    write(into: &out)
    return out
  }

  func write(into out: inout String) {
    switch self {
    case .string(let value): Self.quote(value, into: &out)
    case .int(let value): out += String(value)
    case .number(let value):
      out +=
        value.isFinite
        ? (value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : "\(value)") : "null"
    case .bool(let value): out += value ? "true" : "false"
    case .null: out += "null"
    case .array(let values):
      out += "["
      for (index, value) in values.enumerated() {
        if index > 0 { out += "," }
        value.write(into: &out)
      }
      out += "]"
    case .object(let pairs):
      out += "{"
      for (index, (key, value)) in pairs.enumerated() {
        if index > 0 { out += "," }
        Self.quote(key, into: &out)
        out += ":"
        value.write(into: &out)
      }
      out += "}"
    }
  }

  /// A JSON string literal: quotes, backslashes and control characters escaped.
  static func quote(_ value: String, into out: inout String) {
    out += "\""
    for scalar in value.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      case "\u{2028}": out += "\\u2028"
      case "\u{2029}": out += "\\u2029"
      default:
        if scalar.value < 0x20 {
          out += String(format: "\\u%04x", scalar.value)
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    out += "\""
  }
}
