/// A stage of document processing that reads and writes a ``Doc`` in place.
///
/// Components declare the annotations they need and those they add; a ``Pipeline`` refuses
/// to assemble components whose needs are not met by the components before them.
public protocol DocComponent: Sendable {
  /// A short name for messages.
  var name: String { get }
  /// The annotations the component needs.
  var requires: [DocAttribute] { get }
  /// The annotations the component adds.
  var provides: [DocAttribute] { get }
  /// Adds the component's annotations to `doc`.
  func process(_ doc: inout Doc)
}

/// A named point at which the standard pipeline can stop (`entente code --until`).
public enum PipelineStage: String, Sendable, CaseIterable, Comparable {
  /// Tokenization only.
  case tokens
  /// Tokens and sentences.
  case sentences
  /// Part-of-speech tags and lemmas.
  case tags
  /// Dependency parses.
  case parse
  /// Events, coded after the parse by the event coder (`EntenteCoding`); for the text
  /// pipeline itself this is the same as `parse`.
  case events

  public static func < (lhs: PipelineStage, rhs: PipelineStage) -> Bool {
    allCases.firstIndex(of: lhs) ?? 0 < allCases.firstIndex(of: rhs) ?? 0
  }
}

/// The reason a pipeline could not be assembled.
public struct PipelineError: Error, Sendable, CustomStringConvertible {
  /// The component whose requirement is unmet.
  public var component: String
  /// The missing annotation.
  public var missing: DocAttribute

  public var description: String {
    "pipeline component '\(component)' requires '\(missing.rawValue)', which no earlier component provides"
  }
}

/// An ordered list of components that turns text into an annotated ``Doc``.
public struct Pipeline: Sendable {
  /// The components, in the order they run.
  public let components: [any DocComponent]
  /// The shared vocabulary that documents are interned against.
  public let vocabulary: Vocabulary

  /// Assembles a pipeline, checking that each component's requirements are provided by the
  /// components before it.
  ///
  /// - Parameters:
  ///   - components: The components, in order.
  ///   - vocabulary: The shared vocabulary for new documents.
  /// - Throws: ``PipelineError`` for the first unmet requirement.
  public init(
    _ components: [any DocComponent], vocabulary: Vocabulary = .empty
  ) throws(PipelineError) {
    var available: Set<DocAttribute> = []
    for component in components {
      for requirement in component.requires where !available.contains(requirement) {
        throw PipelineError(component: component.name, missing: requirement)
      }
      available.formUnion(component.provides)
    }
    self.components = components
    self.vocabulary = vocabulary
  }

  /// The standard English pipeline, stopping after `stage`.
  ///
  /// - Parameters:
  ///   - stage: The last stage to run.
  ///   - models: The statistical models, required from the `tags` stage on.
  ///   - nameHints: A component that marks the tokens of known names
  ///     (``Doc/nameHints``) before tagging.
  /// - Throws: ``PipelineError`` when a stage needs a model that `models` lacks.
  public static func standard(
    until stage: PipelineStage, models: Models?, nameHints: (any DocComponent)? = nil
  ) throws(PipelineError) -> Pipeline {
    var components: [any DocComponent] = [Tokenizer()]
    if stage >= .sentences { components.append(SentenceSegmenter()) }
    if stage >= .tags {
      guard let models else { throw PipelineError(component: "tagger", missing: .tags) }
      if let nameHints { components.append(nameHints) }
      components.append(Tagger(model: models.tagger, lemmatizer: models.lemmatizer))
    }
    if stage >= .parse {
      guard let parser = models?.parser else {
        throw PipelineError(component: "parser", missing: .parse)
      }
      components.append(DependencyParser(model: parser))
    }
    return try Pipeline(components)
  }

  /// The rule-based stages of the standard pipeline, which need no model.
  ///
  /// - Precondition: `stage` is `tokens` or `sentences`.
  public static func standard(until stage: PipelineStage = .sentences) -> Pipeline {
    precondition(
      stage <= .sentences, "stages after sentences need models: use standard(until:models:)")
    do {
      return try standard(until: stage, models: nil)
    } catch {
      preconditionFailure("the rule-based pipeline is inconsistent: \(error)")
    }
  }

  /// Runs every component on `doc`.
  ///
  /// Debug builds check the document's invariants after each component.
  public func process(_ doc: inout Doc) {
    for component in components {
      component.process(&doc)
      #if DEBUG
        do {
          try doc.checkInvariants()
        } catch {
          preconditionFailure("\(component.name) broke a document invariant: \(error)")
        }
      #endif
    }
  }

  /// Creates a document from `text` and runs every component on it.
  public func callAsFunction(_ text: String) -> Doc {
    var doc = Doc(text: text, vocabulary: vocabulary)
    process(&doc)
    return doc
  }
}
