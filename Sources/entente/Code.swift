public import ArgumentParser
import EntenteCoding
import EntenteIO
import EntenteIngest
import EntenteNLP
import Foundation

extension OutputFormat: ExpressibleByArgument {}
extension InputKind: ExpressibleByArgument {}
extension PipelineStage: ExpressibleByArgument {}

/// `entente code`: process documents and print what was found.
struct Code: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Process documents and print what Entente finds in them.",
    discussion: """
      Inputs are plain-text files (one document each), JSON Lines files (`*.jsonl`, one \
      document per line: {"id", "date", "text"} with optional "title", "url", "source"), \
      directories (searched recursively for *.txt and *.jsonl) and `-` for standard input. \
      With no input, standard input is read.

      Exit status: 0 when every input was processed, 1 when some input or record was \
      rejected (each is reported on standard error; the others are still processed), 2 for \
      a usage error.
      """
  )

  @Argument(help: "Files, directories, or - for standard input.")
  var inputs: [String] = []

  @Option(name: .long, help: "How to read inputs: auto (by extension), text or jsonl.")
  var input: InputKind = .auto

  @Option(
    name: .long,
    help: ArgumentHelp(
      "The date (YYYY-MM-DD) of plain-text documents.",
      discussion:
        "Default: none; their date is null and relative dates in them stay unresolved. JSON Lines records carry their own date."
    ))
  var date: String?

  @Option(name: .long, help: "Output format: json, jsonl, tsv or none (summary only).")
  var format: OutputFormat = .json

  @Flag(name: .long, help: "Include tokens in the output.")
  var tokens = false

  @Flag(name: .long, help: "Include each document's text in the JSON output.")
  var text = false

  @Option(name: .long, help: "The last stage to run: tokens, sentences, tags, parse or events.")
  var until: PipelineStage = .events

  @Option(name: .long, help: "The largest document accepted, in bytes.")
  var maxDocumentBytes: Int = 256 << 20

  @Flag(name: .long, help: "Print the summary on standard error whatever the format.")
  var summary = false

  @Flag(
    name: .long,
    help:
      "No progress line. By default one is shown on standard error when it is a terminal and standard output is not."
  )
  var quiet = false

  @OptionGroup var dictionaries: DictionaryOptions

  func validate() throws {
    if let date, DocumentDate.normalize(date) != date {
      throw ValidationError("--date must be a calendar date written YYYY-MM-DD, not '\(date)'")
    }
    guard maxDocumentBytes > 0 && maxDocumentBytes < Int(UInt32.max) else {
      throw ValidationError("--max-document-bytes must be between 1 and \(UInt32.max - 1)")
    }
  }

  func run() throws {
    var options = CodeOptions()
    options.paths = inputs
    options.reading = DocumentReader.Options(
      kind: input, defaultDate: date, maxDocumentBytes: maxDocumentBytes)
    options.format = format
    options.includeTokens = tokens
    options.includeText = text
    let clock = ContinuousClock()
    let start = clock.now
    let runner = CodeRunner(options: options, coder: try dictionaries.coder(until: until))
    // A progress line only where it mixes with nothing: standard error on a terminal, and
    // the output going elsewhere.
    let terminal = !quiet && isatty(STDERR_FILENO) == 1 && isatty(STDOUT_FILENO) != 1
    var last = clock.now
    var shown = false
    let result = runner.run(
      output: FileDescriptorSink.standardOutput(),
      diagnostics: {
        if shown { FileHandle.standardError("\r\u{1B}[K") }
        shown = false
        FileHandle.standardError("entente: \($0)\n")
      },
      progress: { summary in
        guard terminal, clock.now - last > .milliseconds(200) else { return }
        last = clock.now
        shown = true
        FileHandle.standardError(
          "\r\u{1B}[K" + Self.progressLine(summary, seconds: (last - start).inSeconds))
      })
    if shown { FileHandle.standardError("\r\u{1B}[K") }
    let elapsed = clock.now - start
    if format == .none || summary {
      let seconds =
        elapsed.inSeconds
      let megabytes = Double(result.bytes) / 1_048_576
      FileHandle.standardError(
        "entente: \(result.documents) documents, \(result.sentences) sentences, \(result.tokens) tokens, "
          + "\(result.rejected) rejected, \(result.warnings) warnings; "
          + String(format: "%.2f MiB in %.3f s\n", megabytes, seconds))
    }
    if result.exitStatus != 0 { throw ExitCode(result.exitStatus) }
  }

  /// `coding: 1,234 documents, 3.2 MiB, 45.2 documents/s`.
  static func progressLine(_ summary: CodeSummary, seconds: Double) -> String {
    String(
      format: "coding: %d documents, %.1f MiB, %.1f documents/s", summary.documents,
      Double(summary.bytes) / 1_048_576, seconds > 0 ? Double(summary.documents) / seconds : 0)
  }
}
