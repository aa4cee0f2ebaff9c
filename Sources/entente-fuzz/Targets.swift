import EntenteCoding
import EntenteIO
import EntenteNLP
import Foundation

/// What one fuzz target does with an input: code, read or parse it, and stop the process
/// (`preconditionFailure`, which libFuzzer reports as a crash with the input) when an
/// invariant does not hold.
enum FuzzTarget: String, CaseIterable {
  /// Tokenizer and sentence segmenter: every token and sentence inside the text, in order,
  /// covering it (``Doc/checkInvariants()``).
  case text
  /// JSON Lines, from a file as `entente code` reads one and as a request body: every line
  /// gives a document or an error that names a line of the input.
  case jsonl
  /// PETRARCH actor, agent and verb dictionaries: problems are reported with a line of the
  /// input, never a crash.
  case petrarch
  /// The whole of `entente code`, with parts small enough that inputs are cut in several:
  /// every span is the text at its offsets, every index points somewhere.
  case code
  /// The HTTP API's and the dashboard's query parameters and path ids, on a store: no
  /// answer is a 500.
  case query

  /// Runs the target on one input.
  func run(_ bytes: UnsafeBufferPointer<UInt8>) {
    switch self {
    case .text: Self.text(bytes)
    case .jsonl: Self.jsonl(bytes)
    case .petrarch: Self.petrarch(bytes)
    case .code: Self.code(bytes)
    case .query: QueryTarget.shared.run(bytes)
    }
  }

  private static let segmenter: DocumentCoder? = try? DocumentCoder(until: .sentences)

  static func text(_ bytes: UnsafeBufferPointer<UInt8>) {
    guard let segmenter else { preconditionFailure("the tokenizer could not be built") }
    let text = String(decoding: bytes, as: UTF8.self)
    let doc = segmenter.pipeline(text)
    do {
      try doc.checkInvariants()
    } catch {
      preconditionFailure("\(error)")
    }
  }

  static func jsonl(_ bytes: UnsafeBufferPointer<UInt8>) {
    let lines = bytes.reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) }
    // An error names a line, or in a JSON array the record's place in it.
    func check(_ items: [ReadItem], _ how: String) {
      let lines = max(lines, items.count)
      for item in items {
        switch item {
        case .document(let document, _):
          precondition(!document.id.isEmpty, "\(how): a document without an id")
        case .failure(let error):
          if let line = error.line {
            precondition((1...lines).contains(line), "\(how): error on line \(line) of \(lines)")
          }
        }
      }
    }
    check(DocumentReader.records(in: Array(bytes), origin: "request"), "body")
    let path = FileManager.default.temporaryDirectory
      .appendingPathComponent("entente-fuzz-\(getpid()).jsonl").path
    guard FileManager.default.createFile(atPath: path, contents: Data(buffer: bytes)) else {
      preconditionFailure("cannot write \(path)")
    }
    defer { try? FileManager.default.removeItem(atPath: path) }
    var reader = DocumentReader(paths: [path], options: .init(kind: .jsonl))
    var items: [ReadItem] = []
    while let item = reader.next() { items.append(item) }
    check(items, "file")
  }

  static func petrarch(_ bytes: UnsafeBufferPointer<UInt8>) {
    let text = String(decoding: bytes, as: UTF8.self)
    let lines = text.reduce(1) { $0 + ($1.isNewline ? 1 : 0) }
    let issues =
      PetrarchDictionaryReader.parseActors(text, path: "fuzz").1
      + PetrarchDictionaryReader.parseAgents(text, path: "fuzz").1
    for issue in issues {
      precondition((0...lines).contains(issue.line), "issue on line \(issue.line) of \(lines)")
    }
    _ = PetrarchVerbReader.parse(text, name: "fuzz")
  }

  private static let coder: DocumentCoder? = {
    var coder = try? DocumentCoder()
    coder?.partBytes = 512
    return coder
  }()

  static func code(_ bytes: UnsafeBufferPointer<UInt8>) {
    guard let coder else { preconditionFailure("the coder could not be built") }
    let input = InputDocument(
      id: "fuzz", date: "2024-06-19", text: String(decoding: bytes, as: UTF8.self),
      origin: "fuzz")
    do {
      try coder.code(input).checkInvariants()
    } catch {
      preconditionFailure("\(error)")
    }
  }
}
