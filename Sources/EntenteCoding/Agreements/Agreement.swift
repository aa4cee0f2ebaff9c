public import EntenteNLP

/// A treaty, pact, accord, deal, agreement or pledge named in a document.
public struct Agreement: Sendable, Equatable {
  /// The sentence where it is first named.
  public var sentence: Int
  /// The noun phrase that first names it.
  public var tokens: Range<Int>
  /// The parties (their actors).
  public var parties: [EventActor]
  /// Its name, when the text gives one (`the Comprehensive Strategic Partnership Treaty`).
  public var name: Range<Int>?
  /// Obligations among `defence`, `offence`, `neutrality`, `non-aggression`,
  /// `consultation` (ATOP's), in that order.
  public var obligations: [String]
  /// The Correlates of War type: `I` (defence pact), `II` (neutrality or non-aggression),
  /// `III` (entente: consultation), when the obligations say.
  public var cowType: String? {
    if obligations.contains("defence") { return "I" }
    if obligations.contains("neutrality") || obligations.contains("non-aggression") { return "II" }
    if obligations.contains("consultation") { return "III" }
    return nil
  }
  /// When it was signed: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
  public var date: String?
  /// The words that gave the date.
  public var dateText: String?
  /// `proposed`, `signed`, `in force`, `replaced`, `terminated` or `violated`, when the text
  /// says.
  public var status: String?
  /// The index (in the document's agreements) of the agreement this one replaces.
  public var replaces: Int?
  /// The index of the agreement that replaced this one.
  public var replacedBy: Int?
  /// The later phrases that refer to it (`the pact`, `the new agreement`).
  public var references: [Range<Int>]
}
