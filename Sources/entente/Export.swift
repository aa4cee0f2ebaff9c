public import ArgumentParser
public import EntenteStore
import Foundation

extension ExportFormat: ExpressibleByArgument {}

/// `entente export`: write stored events in the formats of the field.
struct Export: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Export stored events as CSV, JSON Lines, GDELT or Phoenix rows, or PLOVER records.",
    discussion: """
      csv and jsonl write every event; gdelt and phoenix write one row per day, source, \
      target and code (the one-a-day rule), with the numbers of mentions, sources and \
      articles; plover writes one record per event. phoenix writes daily files \
      (events.full.YYYYMMDD.txt) into the --out directory; the others write to --out or \
      standard output. The filters are those of `entente query events` (asserted events \
      unless --mode says otherwise). Columns are described in docs/store.md.
      """
  )

  @Option(
    name: .long,
    help: "The database: a SQLite file, or a postgres://user:password@host:port/database URL.")
  var db = "entente.sqlite"

  @Option(name: .long, help: "csv, jsonl, gdelt, phoenix or plover.")
  var format: ExportFormat

  @Option(name: .long, help: "The output file (a directory for phoenix); default: standard output.")
  var out: String?

  @OptionGroup var filters: Query.Filters

  func validate() throws {
    if format == .phoenix && out == nil {
      throw ValidationError("--format phoenix writes daily files: give the directory with --out")
    }
  }

  func run() throws {
    let store = try Query.Common(db: db).open()
    var handle = FileHandle.standardOutput
    if let out, format != .phoenix {
      guard FileManager.default.createFile(atPath: out, contents: nil),
        let file = FileHandle(forWritingAtPath: out)
      else {
        FileHandle.standardError("entente: error: \(out): cannot be written\n")
        throw ExitCode(1)
      }
      handle = file
    }
    var buffer = Data()
    do {
      let summary = try store.export(format, filter: filters.filter, directory: out) { text in
        buffer.append(contentsOf: text.utf8)
        if buffer.count > 1 << 16 {
          handle.write(buffer)
          buffer.removeAll(keepingCapacity: true)
        }
      }
      handle.write(buffer)
      if out != nil {
        let files = summary.files.isEmpty ? "" : " in \(summary.files.count) files"
        FileHandle.standardError("entente: \(summary.rows) rows written\(files)\n")
      }
    } catch {
      FileHandle.standardError("entente: error: \(error)\n")
      throw ExitCode(1)
    }
  }
}
