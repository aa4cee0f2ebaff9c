/// One document to process, as read from a text file or a JSON Lines record.
public struct InputDocument: Sendable, Equatable {
  /// The document's id: the JSON Lines `id`, or the path of a text file.
  public var id: String
  /// The publication date, `YYYY-MM-DD`, when known.
  public var date: String?
  /// The text.
  public var text: String
  /// The headline, when the record has one.
  public var title: String?
  /// The URL, when the record has one.
  public var url: String?
  /// The publisher or feed, when the record has one.
  public var source: String?
  /// Where the document came from: a path, with a line for JSON Lines records.
  public var origin: String

  /// Creates a document.
  public init(
    id: String, date: String? = nil, text: String, title: String? = nil, url: String? = nil,
    source: String? = nil, origin: String
  ) {
    self.id = id
    self.date = date
    self.text = text
    self.title = title
    self.url = url
    self.source = source
    self.origin = origin
  }
}
