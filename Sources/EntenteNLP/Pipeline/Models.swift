import Foundation

/// The statistical models of the pipeline, loaded once and shared by every document.
///
/// The models trained for Entente ship as resources of this module (`Models/en-tagger.model`
/// with the lemmatizer, and `Models/en-parser.model`); see docs/models.md for their format,
/// provenance and licence.
public struct Models: Sendable {
  /// The part-of-speech tagger.
  public var tagger: TaggerModel
  /// The lemmatizer.
  public var lemmatizer: Lemmatizer
  /// The dependency parser, when loaded.
  public var parser: ParserModel?

  /// Creates a set of models.
  public init(tagger: TaggerModel, lemmatizer: Lemmatizer, parser: ParserModel? = nil) {
    self.tagger = tagger
    self.lemmatizer = lemmatizer
    self.parser = parser
  }

  /// Loads the tagger and lemmatizer from `taggerPath` and the parser from `parserPath`.
  ///
  /// - Throws: ``ModelFileError`` when a file is missing, truncated or corrupt.
  public init(taggerPath: String, parserPath: String? = nil) throws(ModelFileError) {
    let file = try ModelFile(path: taggerPath)
    var parser: ParserModel?
    if let parserPath { parser = try ParserModel(from: ModelFile(path: parserPath)) }
    self.init(
      tagger: try TaggerModel(from: file), lemmatizer: try Lemmatizer(from: file), parser: parser)
  }

  /// The path of a model shipped with Entente, or `nil` when it is not installed.
  public static func bundledPath(_ name: String) -> String? {
    Bundle.module.path(forResource: name, ofType: "model", inDirectory: "Models")
  }

  /// Loads the models shipped with Entente.
  ///
  /// - Parameter parser: Whether to load the parser too.
  /// - Throws: ``ModelFileError`` when a model is missing or damaged.
  public static func bundled(parser: Bool = true) throws(ModelFileError) -> Models {
    guard let tagger = bundledPath("en-tagger") else {
      throw ModelFileError(
        path: "Models/en-tagger.model", "the shipped tagger model is not installed")
    }
    var parserPath: String?
    if parser {
      guard let path = bundledPath("en-parser") else {
        throw ModelFileError(
          path: "Models/en-parser.model", "the shipped parser model is not installed")
      }
      parserPath = path
    }
    return try Models(taggerPath: tagger, parserPath: parserPath)
  }

  /// Loads models from the given files, taking the shipped model for each file not given.
  ///
  /// - Parameters:
  ///   - taggerPath: A tagger (and lemmatizer) model file, or `nil` for the shipped one.
  ///   - parserPath: A parser model file, or `nil` for the shipped one.
  ///   - parser: Whether to load a parser at all.
  /// - Throws: ``ModelFileError`` when a model is missing or damaged.
  public static func load(taggerPath: String?, parserPath: String?, parser: Bool)
    throws(ModelFileError) -> Models
  {
    guard let taggerFile = taggerPath ?? bundledPath("en-tagger") else {
      throw ModelFileError(
        path: "Models/en-tagger.model", "the shipped tagger model is not installed")
    }
    var parserFile: String?
    if parser {
      guard let path = parserPath ?? bundledPath("en-parser") else {
        throw ModelFileError(
          path: "Models/en-parser.model", "the shipped parser model is not installed")
      }
      parserFile = path
    }
    return try Models(taggerPath: taggerFile, parserPath: parserFile)
  }
}
