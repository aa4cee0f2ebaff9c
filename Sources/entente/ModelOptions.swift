import ArgumentParser
import EntenteNLP
import Foundation

/// The `--tagger` and `--parser` options of the commands that run the statistical stages.
struct ModelOptions: ParsableArguments {
  @Option(name: .long, help: "The tagger model file (default: the shipped one).")
  var tagger: String?

  @Option(name: .long, help: "The parser model file (default: the shipped one).")
  var parser: String?

  /// The models, from the given files or the shipped ones; exits with status 1 on error.
  func load(parser needsParser: Bool) throws -> Models {
    do {
      return try Models.load(taggerPath: tagger, parserPath: parser, parser: needsParser)
    } catch {
      FileHandle.standardError("entente: error: \(error)\n")
      throw ExitCode(1)
    }
  }
}

/// The sentences of CoNLL-U files; exits with status 1, naming the file and line, on error.
func readTreebanks(_ paths: [String]) throws -> [CoNLLUSentence] {
  var sentences: [CoNLLUSentence] = []
  for path in paths {
    do {
      sentences += try CoNLLUReader.read(path: path)
    } catch {
      FileHandle.standardError("entente: error: \(error)\n")
      throw ExitCode(1)
    }
  }
  return sentences
}
