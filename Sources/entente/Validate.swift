import ArgumentParser
import EntenteCoding
import EntenteIO
import EntenteNLP
import Foundation

/// `entente validate FILE`: run a PETRARCH validation-records file.
struct Validate: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Run a PETRARCH validation-records file and print a verdict per record.",
    discussion: """
      Reads the XML records of PETRARCH's unit-test suite (PETR.UnitTest.records.xml) or the \
      same records as JSON Lines, codes each sentence from its raw text (never from the gold \
      parse) with the actor, agent, verb and discard dictionaries the file's environment \
      names, and compares the events (source, target, code) with the expected ones. Prints \
      PASS or FAIL per record, the pass rate by category, and ends with the line \
      `N passed, N failed`. Inactive records are skipped.

      Events are coded with the PETRARCH verb dictionary given with --verbs, else the file's \
      <Verbfile> (CAMEO.2.0 or PETRARCH-1 syntax, read as far as docs/events.md says), else \
      Entente's own lexicon (which also stands in when the file's dictionary cannot be read). \
      JSON Lines records name no environment: the PETR.Validate.* files beside them are used.
      """
  )

  @Argument(help: "A validation-records file (.xml or .jsonl).")
  var file: String

  @Flag(name: .long, help: "Print only failed records (and the summary).")
  var failuresOnly = false

  @Option(
    name: .long,
    help: ArgumentHelp(
      "A PETRARCH verb dictionary (CAMEO.2.0 or PETRARCH-1 syntax) to code with.",
      discussion: "Default: the file's <Verbfile> if it can be read, else Entente's lexicon."
    ))
  var verbs: String?

  func run() throws {
    let records: [ValidationRecord]
    let environment: ValidationEnvironment
    let runner: ValidationRunner
    do {
      (records, environment) = try ValidationReader.read(path: file)
      var configuration = CoderConfiguration()
      configuration.actorDictionaries = environment.actors
      configuration.agentDictionaries = environment.agents
      configuration.useKnowledgeBase = environment.actors.isEmpty
      configuration.discardLists = environment.discards.map { [$0] } ?? []
      // PETRARCH codes events between the actors its dictionaries know, and so do the
      // records' expectations.
      configuration.codesUnknownActors = false
      var coder: DocumentCoder
      var modes: Set<EventMode> = [.asserted]
      if let path = verbs ?? environment.verbs {
        var withVerbs = configuration
        withVerbs.verbDictionaries = [path]
        do {
          coder = try DocumentCoder(configuration: withVerbs)
          // PETRARCH's codes have no modes: what is intended or possible is coded too.
          modes = [.asserted, .intended, .hypothetical, .claimed]
          for summary in coder.verbSummaries {
            FileHandle.standardError(
              "entente: \(path): \(summary.verbs) verbs, \(summary.patterns) patterns read, \(summary.skipped) skipped\n"
            )
          }
        } catch {
          // A dictionary the user named must load; the file's own may be missing.
          if verbs != nil { throw error }
          FileHandle.standardError("entente: \(error); coding with Entente's lexicon instead\n")
          coder = try DocumentCoder(configuration: configuration)
        }
      } else {
        coder = try DocumentCoder(configuration: configuration)
      }
      for warning in coder.dictionaryWarnings {
        FileHandle.standardError("entente: warning: \(warning)\n")
      }
      runner = ValidationRunner(coder: coder, modes: modes)
    } catch {
      FileHandle.standardError("entente: error: \(error)\n")
      throw ExitCode(1)
    }
    var passed = 0
    var failed = 0
    var byCategory: [String: (passed: Int, total: Int)] = [:]
    for record in records where record.active {
      let verdict = runner.run(record)
      var counts = byCategory[record.category, default: (0, 0)]
      counts.total += 1
      if verdict.passed {
        passed += 1
        counts.passed += 1
        if !failuresOnly { print("PASS \(record.id) \(record.category)") }
      } else {
        failed += 1
        print(
          "FAIL \(record.id) \(record.category) expected: \(record.expected.sorted().joined(separator: ", ")); "
            + "found: \(verdict.found.joined(separator: ", "))")
      }
      byCategory[record.category] = counts
    }
    print("by category:")
    for (category, counts) in byCategory.sorted(by: { $0.key < $1.key }) {
      print(
        String(
          format: "  %@ %d of %d (%.1f%%)", category, counts.passed, counts.total,
          100 * Double(counts.passed) / Double(max(1, counts.total))))
    }
    print("\(passed) passed, \(failed) failed")
  }
}
