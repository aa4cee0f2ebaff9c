import ArgumentParser
import EntenteCoding
import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The `entente` command.
struct Entente: AsyncParsableCommand {
  static let version = Provenance.version

  static let configuration = CommandConfiguration(
    commandName: "entente",
    abstract: "Turn news text into political event data.",
    discussion: """
      Entente reads news articles and finds who did what to whom, when and where: actors, \
      events (CAMEO, PLOVER, Goldstein, mode, date), quotes, agreements and relations. It \
      keeps them in an event store that it queries, exports and serves over HTTP.
      """,
    version: version,
    subcommands: [
      Code.self, Ingest.self, Query.self, Export.self, Serve.self, Validate.self, Actors.self,
      Train.self, Evaluate.self, Benchmark.self,
    ],
    defaultSubcommand: nil
  )
}

/// Runs the command tree, mapping usage errors to exit status 2 as the README promises.
@main
enum Main {
  static func main() async {
    // A closed pipe (`entente code ... | head`) ends the run quietly instead of killing it.
    signal(SIGPIPE, SIG_IGN)
    do {
      var command = try Entente.parseAsRoot()
      if var asynchronous = command as? any AsyncParsableCommand {
        try await asynchronous.run()
      } else {
        try command.run()
      }
    } catch let exit as ExitCode {
      Glibc.exit(exit.rawValue)
    } catch {
      let code = Entente.exitCode(for: error)
      if code == .validationFailure {
        let message = Entente.fullMessage(for: error)
        FileHandle.standardError(message + "\n")
        Glibc.exit(2)
      }
      Entente.exit(withError: error)
    }
  }
}
