import EntenteCoding
import Foundation

/// Parsing of one JSON Lines record: `{"id", "date", "text"}` with optional `title`, `url`
/// and `source`; other fields are ignored.
enum JSONLRecord {
  /// `line` with each raw U+FEFF (`EF BB BF`) written `\ufeff`, and one at its very start
  /// (a byte-order mark) dropped.
  static func escapingByteOrderMarks(_ line: [UInt8]) -> [UInt8] {
    guard line.contains(0xEF) else { return line }
    var result: [UInt8] = []
    result.reserveCapacity(line.count + 8)
    var i = 0
    while i < line.count {
      if line[i] == 0xEF, i + 2 < line.count, line[i + 1] == 0xBB, line[i + 2] == 0xBF {
        if i > 0 { result.append(contentsOf: Array("\\ufeff".utf8)) }
        i += 3
      } else {
        result.append(line[i])
        i += 1
      }
    }
    return result
  }

  static func parse(_ line: [UInt8], path: String, line number: Int) -> ReadItem {
    var warnings: [InputWarning] = []
    var bytes = line
    let report = line.withUnsafeBufferPointer { TextDecoder.validate($0) }
    if let bad = report.firstInvalid {
      // Repair the record's bytes so that its text survives, and say where it was broken.
      bytes = Array(String(decoding: line, as: UTF8.self).utf8)
      warnings.append(
        InputWarning(
          path: path, line: number,
          "invalid UTF-8 at byte \(bad) of the record (\(report.invalidSequences) bad sequence\(report.invalidSequences == 1 ? "" : "s") replaced by U+FFFD)"
        ))
    }
    // Foundation's reader drops a raw U+FEFF inside a string (one at the start of a text or
    // after a newline in it was lost, and every later offset was one off): it is written as
    // its escape, which the reader keeps. One before the record is a byte-order mark.
    bytes = escapingByteOrderMarks(bytes)
    let object: Any
    do {
      object = try JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed])
    } catch {
      return .failure(
        InputError(.malformedJSON, path: path, line: number, "not valid JSON: \(describe(error))"))
    }
    guard let record = object as? [String: Any] else {
      return .failure(
        InputError(.malformedJSON, path: path, line: number, "record is not a JSON object"))
    }
    guard let rawText = record["text"], !(rawText is NSNull) else {
      return .failure(
        InputError(.missingField, path: path, line: number, "record has no \"text\" field"))
    }
    guard let text = rawText as? String else {
      return .failure(
        InputError(.invalidField, path: path, line: number, "\"text\" is not a string"))
    }
    var id = "\(path):\(number)"
    if let blank = record["id"] as? String,
      blank.allSatisfy({
        $0.isWhitespace || $0.unicodeScalars.allSatisfy(\.properties.isDefaultIgnorableCodePoint)
      })
    {
      // An empty id names nothing (a document's page, a stored row): as if there were none.
      warnings.append(
        InputWarning(path: path, line: number, "record has an empty \"id\"; using \"\(id)\""))
    } else if let rawID = record["id"], !(rawID is NSNull) {
      if let string = rawID as? String {
        id = string
      } else if let number = rawID as? NSNumber, !(rawID is Bool) {
        id = number.stringValue
      } else {
        return .failure(
          InputError(
            .invalidField, path: path, line: number, "\"id\" is neither a string nor a number"))
      }
    } else {
      warnings.append(
        InputWarning(path: path, line: number, "record has no \"id\"; using \"\(id)\""))
    }
    var date: String?
    if let rawDate = record["date"], !(rawDate is NSNull) {
      if let string = rawDate as? String, let normalized = DocumentDate.normalize(string) {
        date = normalized
      } else {
        warnings.append(
          InputWarning(
            path: path, line: number,
            "\"date\" is not a YYYY-MM-DD date (\(String(describing: rawDate).prefix(40))); the document has no date"
          ))
      }
    }
    func optionalString(_ key: String) -> String? {
      guard let value = record[key], !(value is NSNull) else { return nil }
      if let string = value as? String { return string }
      warnings.append(InputWarning(path: path, line: number, "\"\(key)\" is not a string; ignored"))
      return nil
    }
    let document = InputDocument(
      id: id, date: date, text: text, title: optionalString("title"), url: optionalString("url"),
      source: optionalString("source"), origin: "\(path):\(number)")
    return .document(document, warnings: warnings)
  }

  /// A one-line description of a JSON parsing error.
  static func describe(_ error: any Error) -> String {
    let nsError = error as NSError
    if let detail = nsError.userInfo[NSDebugDescriptionErrorKey] as? String { return detail }
    return nsError.localizedDescription
  }
}
