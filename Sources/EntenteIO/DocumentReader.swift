public import EntenteCoding
public import Foundation

/// How to read an input path.
public enum InputKind: String, Sendable, CaseIterable {
  /// By extension: `.jsonl` files are JSON Lines, everything else plain text.
  case auto
  /// Plain text: one document per file.
  case text
  /// JSON Lines: one document per line, `{"id", "date", "text"}`.
  case jsonl
}

/// One item read from the inputs: a document, or an input that was rejected.
public enum ReadItem: Sendable {
  /// A document, with the repairs made while reading it.
  case document(InputDocument, warnings: [InputWarning])
  /// An input (a file or a record) that could not be read; nothing else is lost.
  case failure(InputError)
}

/// Reads documents from files, directories, JSON Lines files and standard input, one at a
/// time, so that memory stays bounded by the largest single document.
///
/// Directories are walked recursively for `*.txt` and `*.jsonl` files, in sorted order.
/// `-` is standard input.
public struct DocumentReader: Sequence, IteratorProtocol {
  /// Options for reading.
  public struct Options: Sendable {
    /// How to read each path.
    public var kind: InputKind = .auto
    /// The date given to plain-text documents.
    public var defaultDate: String?
    /// The largest document, in bytes; larger inputs are rejected.
    public var maxDocumentBytes: Int = 256 << 20

    /// Creates options.
    public init(
      kind: InputKind = .auto, defaultDate: String? = nil, maxDocumentBytes: Int = 256 << 20
    ) {
      self.kind = kind
      self.defaultDate = defaultDate
      self.maxDocumentBytes = maxDocumentBytes
    }
  }

  private let options: Options
  private var pending: [String]
  /// What a directory's walk skipped (a FIFO named `*.txt`, an unreadable subdirectory),
  /// reported before its files.
  private var skipped: [InputError] = []
  private var lines: LineReader?
  private var linesPath = ""
  private let standardInput: () -> FileHandle

  /// Creates a reader over `paths`; an empty list means standard input.
  ///
  /// - Parameters:
  ///   - paths: Files, directories, or `-` for standard input.
  ///   - options: How to read them.
  ///   - standardInput: The handle to read for `-` (replaceable in tests).
  public init(
    paths: [String], options: Options = Options(),
    standardInput: @escaping @Sendable () -> FileHandle = { FileHandle.standardInput }
  ) {
    self.options = options
    self.pending = (paths.isEmpty ? ["-"] : paths).reversed()
    self.standardInput = standardInput
  }

  public mutating func next() -> ReadItem? {
    while true {
      if lines != nil {
        if let item = nextRecord() { return item }
        lines = nil
        continue
      }
      if !skipped.isEmpty { return .failure(skipped.removeFirst()) }
      guard let path = pending.popLast() else { return nil }
      if let item = open(path) { return item }
    }
  }

  /// Starts reading `path`; returns an item for a text file or an error, `nil` when the path
  /// expanded into more pending paths or opened a JSON Lines stream.
  private mutating func open(_ path: String) -> ReadItem? {
    let isJSONL =
      options.kind == .jsonl || (options.kind == .auto && path.lowercased().hasSuffix(".jsonl"))
    if path == "-" {
      if isJSONL {
        lines = LineReader(handle: standardInput(), maxLine: options.maxDocumentBytes)
        linesPath = "-"
        return nil
      }
      return readText(
        path: "-", data: LineReader.readAll(standardInput(), limit: options.maxDocumentBytes))
    }
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
      return .failure(InputError(.missingFile, path: path, "no such file or directory"))
    }
    if isDirectory.boolValue {
      let walk = Self.files(under: path)
      pending.append(contentsOf: walk.files.reversed())
      skipped.append(contentsOf: walk.skipped)
      return nil
    }
    guard let handle = FileHandle(forReadingAtPath: path) else {
      return .failure(
        InputError(.unreadable, path: path, "cannot be opened for reading (permission denied?)"))
    }
    if isJSONL {
      lines = LineReader(handle: handle, maxLine: options.maxDocumentBytes)
      linesPath = path
      return nil
    }
    defer { try? handle.close() }
    return readText(path: path, data: LineReader.readAll(handle, limit: options.maxDocumentBytes))
  }

  /// The documents of a request body: a JSON array of records, or JSON Lines (one record a
  /// line, blank lines skipped).
  ///
  /// - Parameters:
  ///   - body: The bytes.
  ///   - origin: What to call the body in messages (`request`): records without an id get
  ///     `origin:line` (or `origin:index` in an array, counting from 1).
  /// - Returns: One item per record, a document or why it was rejected.
  public static func records(in body: [UInt8], origin: String) -> [ReadItem] {
    guard let first = body.firstIndex(where: { ![0x20, 0x09, 0x0A, 0x0D].contains($0) }) else {
      return []
    }
    if body[first] == UInt8(ascii: "[") {
      let array: [Any]
      do {
        guard
          let parsed = try JSONSerialization.jsonObject(with: Data(body), options: []) as? [Any]
        else { throw InputError(.malformedJSON, path: origin, line: 1, "not a JSON array") }
        array = parsed
      } catch let error as InputError {
        return [.failure(error)]
      } catch {
        return [
          .failure(
            InputError(.malformedJSON, path: origin, line: 1, "not a valid JSON array: \(error)"))
        ]
      }
      return array.enumerated().map { index, element in
        guard JSONSerialization.isValidJSONObject(element),
          let data = try? JSONSerialization.data(withJSONObject: element, options: [])
        else {
          return .failure(
            InputError(
              .malformedJSON, path: origin, line: index + 1, "record is not a JSON object"))
        }
        return JSONLRecord.parse(Array(data), path: origin, line: index + 1)
      }
    }
    var items: [ReadItem] = []
    var number = 0
    for line in body.split(separator: 0x0A, omittingEmptySubsequences: false) {
      number += 1
      var bytes = Array(line)
      if bytes.last == 0x0D { bytes.removeLast() }
      guard bytes.contains(where: { ![0x20, 0x09].contains($0) }) else { continue }
      items.append(JSONLRecord.parse(bytes, path: origin, line: number))
    }
    return items
  }

  /// Whether `path` is, or links to, a regular file.
  static func isRegularFile(_ path: String) -> Bool {
    var status = stat()
    return stat(path, &status) == 0 && (status.st_mode & S_IFMT) == S_IFREG
  }

  /// The regular `*.txt` and `*.jsonl` files under `directory`, sorted, and what the walk
  /// skipped: files of those names that are not regular files (a FIFO would block the read
  /// forever, a device never end) and subdirectories that cannot be read.
  static func files(under directory: String) -> (files: [String], skipped: [InputError]) {
    guard let enumerator = FileManager.default.enumerator(atPath: directory) else {
      return ([], [InputError(.unreadable, path: directory, "cannot be read; skipped")])
    }
    var found: [String] = []
    var skipped: [InputError] = []
    while let relative = enumerator.nextObject() as? String {
      let path = directory.hasSuffix("/") ? directory + relative : directory + "/" + relative
      let type = enumerator.fileAttributes?[.type] as? FileAttributeType
      if type == .typeDirectory {
        if !FileManager.default.isReadableFile(atPath: path)
          || !FileManager.default.isExecutableFile(atPath: path)
        {
          skipped.append(
            InputError(.unreadable, path: path, "is a directory that cannot be read; skipped"))
        }
        continue
      }
      let lower = relative.lowercased()
      guard lower.hasSuffix(".txt") || lower.hasSuffix(".jsonl") else { continue }
      // (What a link points to counts.)
      guard isRegularFile(path) else {
        skipped.append(
          InputError(
            .unreadable, path: path,
            "is not a regular file (\(type?.rawValue ?? "unknown type")); skipped"))
        continue
      }
      found.append(path)
    }
    return (found.sorted(), skipped.sorted { $0.path < $1.path })
  }

  private func readText(path: String, data: Result<[UInt8], LineReader.ReadError>) -> ReadItem {
    let bytes: [UInt8]
    switch data {
    case .success(let read): bytes = read
    case .failure(.tooLarge):
      return .failure(
        InputError(
          .tooLarge, path: path,
          "is larger than the document size limit of \(options.maxDocumentBytes) bytes"))
    case .failure(.io(let message)):
      return .failure(InputError(.unreadable, path: path, message))
    }
    do {
      let decoded = try bytes.withUnsafeBufferPointer { buffer throws(InputError) in
        try TextDecoder.decode(buffer, path: path)
      }
      let document = InputDocument(
        id: path == "-" ? "stdin" : path, date: options.defaultDate, text: decoded.text,
        origin: path)
      return .document(document, warnings: decoded.repairs.map { InputWarning(path: path, $0) })
    } catch {
      return .failure(error)
    }
  }

  /// The next record of the open JSON Lines stream, or `nil` at its end.
  private mutating func nextRecord() -> ReadItem? {
    guard var reader = lines else { return nil }
    defer { lines = reader }
    while true {
      switch reader.nextLine() {
      case nil:
        return nil
      case .failure(let error)?:
        let lineNumber = reader.lineNumber
        switch error {
        case .tooLarge:
          return .failure(
            InputError(
              .tooLarge, path: linesPath, line: lineNumber,
              "record is larger than the document size limit of \(options.maxDocumentBytes) bytes"))
        case .io(let message):
          reader.finish()
          return .failure(InputError(.unreadable, path: linesPath, line: lineNumber, message))
        }
      case .success(let line)?:
        if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
        return JSONLRecord.parse(line, path: linesPath, line: reader.lineNumber)
      }
    }
  }
}
