public import ArgumentParser
import EntenteCoding
public import EntenteStore
import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension TableFormat: ExpressibleByArgument {}
extension Period: ExpressibleByArgument {}

/// `entente query`: read the event store.
struct Query: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Query the event store: events, dyads, actors, documents.",
    discussion: """
      Output is an aligned table on a terminal and tab-separated values otherwise, unless \
      --format says csv, tsv, jsonl or table. Columns are described in docs/store.md.
      """,
    subcommands: [Events.self, Dyads.self, Actors.self, Documents.self]
  )

  /// The period of the filters, in the forms the HTTP API takes too: `--from 2024` is the
  /// first of January, `--to 2024-06` the last day of June.
  struct Dates: ParsableArguments {
    @Option(name: .long, help: "The first day: YYYY, YYYY-MM or YYYY-MM-DD.")
    var from: String?

    @Option(name: .long, help: "The last day: YYYY, YYYY-MM or YYYY-MM-DD.")
    var to: String?

    func validate() throws {
      if let from, DayText.first(from) == nil {
        throw ValidationError("--from: '\(from)' is not YYYY, YYYY-MM or YYYY-MM-DD")
      }
      if let to, DayText.last(to) == nil {
        throw ValidationError("--to: '\(to)' is not YYYY, YYYY-MM or YYYY-MM-DD")
      }
    }

    /// The first day covered, `YYYY-MM-DD`.
    var first: String? { from.flatMap(DayText.first) }

    /// The last day covered, `YYYY-MM-DD` (`-31` serves every month).
    var last: String? { to.flatMap(DayText.last) }
  }

  /// The options shared by the subcommands: the database and the output format.
  struct Common: ParsableArguments {
    @Option(name: .long, help: "The database: a SQLite file, or a postgres:// URL.")
    var db = "entente.sqlite"

    @Option(name: .long, help: "table, csv, tsv or jsonl (default: table on a terminal, else tsv).")
    var format: TableFormat?

    init() {}

    init(db: String) {
      self.db = db
    }

    func open() throws -> EventStore {
      guard
        db.hasPrefix("postgres://") || db.hasPrefix("postgresql://")
          || FileManager.default.fileExists(atPath: db)
      else {
        FileHandle.standardError("entente: error: \(db): no such database (run entente ingest)\n")
        throw ExitCode(1)
      }
      do {
        // A query writes nothing: a store the user may only read is read.
        return try EventStore(db, readOnly: true)
      } catch {
        FileHandle.standardError("entente: error: \(error)\n")
        throw ExitCode(1)
      }
    }

    /// Opens the store, runs `query` on it and prints the result; a failure is reported and
    /// ends the command with status 1.
    func run(_ query: (EventStore) throws(StoreError) -> QueryTable) throws {
      let store = try open()
      do {
        print(try query(store))
      } catch {
        FileHandle.standardError("entente: error: \(error)\n")
        throw ExitCode(1)
      }
    }

    func print(_ table: QueryTable) {
      let format = format ?? (isatty(STDOUT_FILENO) == 1 ? .table : .tsv)
      FileHandle.standardOutput.write(Data(format.render(table).utf8))
    }
  }

  /// The event filters of `entente query` and `entente export`.
  struct Filters: ParsableArguments {
    @Option(name: .long, help: "An actor code prefix, as source or target (RUS matches RUSGOV).")
    var actor: String?

    @Option(name: .long, help: "A source actor code prefix.")
    var source: String?

    @Option(name: .long, help: "A target actor code prefix.")
    var target: String?

    @Option(
      name: .long,
      help: "A country (ISO alpha-3) of the source, the target or the place of the event.")
    var country: String?

    @Option(
      name: .long,
      help: ArgumentHelp(
        "Only events located within --km of this point.", valueName: "lat,lon"))
    var near: String?

    @Option(name: .long, help: "The distance for --near, in kilometres.")
    var km: Double = 50

    @Option(name: .long, help: "A CAMEO code or root prefix (05, 057).")
    var code: String?

    @Option(name: .long, help: "A PLOVER event type (AGREE, ASSAULT, ...).")
    var plover: String?

    @Option(
      name: .long,
      help:
        "Modes to take, comma-separated (\(EventMode.allCases.map(\.rawValue).joined(separator: ", "))), or all."
    )
    var mode = "asserted"

    @OptionGroup var dates: Dates

    @Option(name: .long, help: "Words the evidence or the title contains.")
    var text: String?

    func validate() throws {
      if let near {
        do {
          _ = try EventFilter.Near(near, kilometres: km)
        } catch {
          throw ValidationError(error.message)
        }
      }
      if mode != "all" {
        for name in mode.split(separator: ",") where EventMode(rawValue: String(name)) == nil {
          throw ValidationError("unknown mode '\(name)'")
        }
      }
    }

    var filter: EventFilter {
      var filter = EventFilter()
      filter.actor = actor
      filter.source = source
      filter.target = target
      filter.country = country
      filter.code = code
      filter.plover = plover
      filter.modes =
        mode == "all"
        ? [] : mode.split(separator: ",").compactMap { EventMode(rawValue: String($0)) }
      filter.from = dates.first
      filter.to = dates.last
      filter.text = text
      filter.near = near.flatMap { try? EventFilter.Near($0, kilometres: km) }
      return filter
    }
  }

  struct Events: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Events matching the filters (asserted ones unless --mode says otherwise).")

    @OptionGroup var common: Common
    @OptionGroup var filters: Filters

    @Flag(
      name: .long,
      help:
        "One row per day, source, target and code, with the numbers of mentions, sources and articles."
    )
    var oneADay = false

    @Option(name: .long, help: "At most this many rows.")
    var limit: Int?

    func run() throws {
      try common.run { store throws(StoreError) in
        oneADay
          ? try store.clusters(filters.filter) : try store.events(filters.filter, limit: limit)
      }
    }
  }

  struct Dyads: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Events between two actors, per period: counts by quad class and Goldstein scores."
    )

    @OptionGroup var common: Common
    @OptionGroup var filters: Filters

    @Option(name: .long, help: "The two actors (code prefixes): --between RUS --between PRK.")
    var between: [String] = []

    @Option(name: .long, help: "day, week, month or year.")
    var period: Period = .month

    func validate() throws {
      guard between.count == 2 else {
        throw ValidationError("give exactly two actors: --between A --between B")
      }
    }

    func run() throws {
      try common.run { store throws(StoreError) in
        try store.dyads(between[0], between[1], period: period, filter: filters.filter)
      }
    }
  }

  struct Actors: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "The most active actors, over everything or per period.")

    @OptionGroup var common: Common
    @OptionGroup var filters: Filters

    @Option(name: .long, help: "day, week, month or year (default: over everything).")
    var period: Period?

    @Option(name: .long, help: "Actors per period.")
    var limit = 10

    func run() throws {
      try common.run { store throws(StoreError) in
        try store.actors(filters.filter, period: period, limit: limit)
      }
    }
  }

  struct Documents: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Stored documents, with their number of events.")

    @OptionGroup var common: Common

    @OptionGroup var dates: Dates

    @Option(name: .long, help: "Words the title or text contains.")
    var text: String?

    @Option(name: .long, help: "At most this many rows.")
    var limit: Int?

    func run() throws {
      try common.run { store throws(StoreError) in
        try store.documents(from: dates.first, to: dates.last, text: text, limit: limit)
      }
    }
  }
}
