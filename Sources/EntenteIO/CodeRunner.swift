public import EntenteCoding
import EntenteNLP
public import Foundation

/// What `entente code` is asked to do: which inputs to read and how to write the results.
///
/// What codes them is a ``DocumentCoder``.
public struct CodeOptions: Sendable {
  /// Files, directories or `-`; empty for standard input.
  public var paths: [String] = []
  /// How to read the inputs, the default date and the size limit.
  public var reading = DocumentReader.Options()
  /// The output format.
  public var format: OutputFormat = .json
  /// Whether to write tokens.
  public var includeTokens = false
  /// Whether the JSON of each document holds its text.
  public var includeText = false

  /// Creates the default options.
  public init() {}
}

/// What a run did, for the summary line and the exit status.
public struct CodeSummary: Sendable, Equatable {
  /// Documents processed.
  public var documents = 0
  /// Inputs or records rejected.
  public var rejected = 0
  /// Warnings reported.
  public var warnings = 0
  /// Sentences found.
  public var sentences = 0
  /// Tokens found.
  public var tokens = 0
  /// UTF-8 bytes of text processed.
  public var bytes = 0
  /// Whether the run stopped early because the output was closed.
  public var outputClosed = false
  /// A fatal output error, if any.
  public var outputFailure: String?

  /// Creates an empty summary.
  public init() {}

  /// 0 when everything was processed, 1 when some input was rejected or output failed.
  public var exitStatus: Int32 { rejected > 0 || outputFailure != nil ? 1 : 0 }
}

/// Runs `entente code`: reads documents, codes them and writes the results.
public struct CodeRunner: Sendable {
  private let options: CodeOptions
  /// What codes the documents.
  public let coder: DocumentCoder

  /// Creates a runner.
  public init(options: CodeOptions, coder: DocumentCoder) {
    self.options = options
    self.coder = coder
  }

  /// Codes documents and writes them as `entente code` does, into memory.
  ///
  /// - Parameters:
  ///   - inputs: The documents.
  ///   - format: `json` (one array) or `jsonl` (an object per line).
  ///   - stop: Asked before each document: true ends the work there (when its result is no
  ///     longer wanted), the output holding the documents before.
  /// - Returns: The output's bytes, and the number of words (tokens) coded.
  public func write(
    _ inputs: [InputDocument], format: OutputFormat = .json, stop: () -> Bool = { false }
  ) -> (bytes: [UInt8], tokens: Int) {
    let sink = MemorySink()
    var writer = DocumentWriter(
      format: format, includeTokens: options.includeTokens, includeText: options.includeText,
      events: coder.eventCoder != nil, sink: sink)
    var tokens = 0
    // A memory sink does not fail.
    try? writer.begin()
    for input in inputs where !stop() {
      let document = coder.code(input, tokens: options.includeTokens) { tokens += $1 }
      try? writer.write(document)
    }
    try? writer.finish()
    return (sink.bytes, tokens)
  }

  /// Processes every input, streaming.
  ///
  /// - Parameters:
  ///   - output: Where results go.
  ///   - diagnostics: Receives each error and warning line (`error: ...`, `warning: ...`).
  ///   - standardInput: The handle read for `-`.
  ///   - progress: Called with the summary so far after each document.
  /// - Returns: What was done.
  public func run(
    output: any OutputSink, diagnostics: (String) -> Void,
    standardInput: @escaping @Sendable () -> FileHandle = { FileHandle.standardInput },
    progress: (CodeSummary) -> Void = { _ in }
  ) -> CodeSummary {
    var summary = CodeSummary()
    var writer = DocumentWriter(
      format: options.format, includeTokens: options.includeTokens,
      includeText: options.includeText, events: coder.eventCoder != nil, sink: output)
    var reader = DocumentReader(
      paths: options.paths, options: options.reading, standardInput: standardInput)
    do {
      try writer.begin()
      while let item = reader.next() {
        switch item {
        case .failure(let error):
          summary.rejected += 1
          diagnostics("error: \(error)")
        case .document(let input, let warnings):
          for warning in warnings { diagnostics("warning: \(warning)") }
          summary.warnings += warnings.count
          func count(sentences: Int, tokens: Int) {
            summary.sentences += sentences
            summary.tokens += tokens
          }
          if input.text.utf8.count > coder.partBytes {
            // A long document: written a part at a time, never whole in memory.
            try writer.writeParts { add in
              coder.code(input, tokens: options.includeTokens, counting: count) { part in
                summary.bytes += part.text.utf8.count
                add(part)
              }
            }
          } else {
            let document = coder.code(input, tokens: options.includeTokens, counting: count)
            summary.bytes += document.text.utf8.count
            if options.format != .none { try writer.write(document) }
          }
          summary.documents += 1
          progress(summary)
        }
      }
      try writer.finish()
    } catch {
      if error.isBrokenPipe {
        summary.outputClosed = true
      } else {
        summary.outputFailure = error.description
        diagnostics("error: cannot write output: \(error)")
      }
    }
    return summary
  }
}
