import Foundation

/// The statistical models of the pipeline, loaded once and shared by every document.
public struct Models: Sendable {
  /// The part-of-speech tagger.
  public var tagger: TaggerModel
  /// The lemmatizer.
  public var lemmatizer: Lemmatizer

  /// Creates a set of models.
  public init(tagger: TaggerModel, lemmatizer: Lemmatizer) {
    self.tagger = tagger
    self.lemmatizer = lemmatizer
  }

  /// Loads the tagger and lemmatizer from the model file at `path`.
  ///
  /// - Throws: ``ModelFileError`` when the file is missing, truncated or corrupt.
  public init(taggerPath path: String) throws(ModelFileError) {
    let file = try ModelFile(path: path)
    self.init(tagger: try TaggerModel(from: file), lemmatizer: try Lemmatizer(from: file))
  }
}
