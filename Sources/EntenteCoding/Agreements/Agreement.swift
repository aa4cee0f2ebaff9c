import EntenteNLP

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
  /// Its obligations (ATOP's), in the order of ``Obligation``.
  public var obligations: [Obligation]
  /// The Correlates of War type: `I` (defence pact), `II` (neutrality or non-aggression),
  /// `III` (entente: consultation), when the obligations say.
  public var cowType: String? {
    if obligations.contains(.defence) { return "I" }
    if obligations.contains(.neutrality) || obligations.contains(.nonAggression) { return "II" }
    if obligations.contains(.consultation) { return "III" }
    return nil
  }
  /// When it was signed: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
  public var date: String?
  /// The words that gave the date.
  public var dateText: String?
  /// Its state, when the text says.
  public var status: AgreementStatus?
  /// The index (in the document's agreements) of the agreement this one replaces.
  public var replaces: Int?
  /// The index of the agreement that replaced this one.
  public var replacedBy: Int?
  /// The later phrases that refer to it (`the pact`, `the new agreement`).
  public var references: [Range<Int>]
}

/// The state of an agreement, as the text gives it.
public enum AgreementStatus: String, Sendable, Codable, CaseIterable {
  /// Proposed or under negotiation.
  case proposed
  /// Signed (`signed`, `inked`, `concluded`, `sealed`).
  case signed
  /// In force (`ratified`, `took effect`, `renewed`, `extended`).
  case inForce = "in force"
  /// Replaced by another agreement.
  case replaced
  /// Ended (`terminated`, `scrapped`, `abandoned`, `expired`, `collapsed`).
  case terminated
  /// Broken by a party (`violated`, `breached`).
  case violated
}

/// An obligation of an alliance treaty, as the Alliance Treaty Obligations and Provisions
/// project (ATOP) classes them; the cases are in ATOP's order.
public enum Obligation: String, Sendable, Codable, CaseIterable {
  /// To defend a party that is attacked.
  case defence
  /// To join a party's attack.
  case offence
  /// To stay out of a conflict a party is in.
  case neutrality
  /// Not to attack each other.
  case nonAggression = "non-aggression"
  /// To consult in a crisis.
  case consultation
}
