import EntenteNLP

/// The persons named so far in a document, for coreference: by name and surname, by role,
/// and the first person of the last sentence that named one.
struct PersonMemory {
  /// Full names and surnames -> the last person so named.
  private(set) var byName: [WordKey: ActorMention] = [:]
  /// Role words (`PRESIDENT`, `MINISTER`) -> the last person with that role.
  private(set) var byRole: [WordKey: ActorMention] = [:]
  /// The first person of the last sentence that named one.
  private(set) var lastSubject: ActorMention?

  /// Records the persons of one sentence.
  mutating func remember(_ found: [ActorMention], sentence: Int) {
    var first: ActorMention?
    for mention in found where mention.type == .person {
      if first == nil { first = mention }
      if mention.kind == "name" || mention.kind == "leader" {
        let canonical = mention.canonical.uppercased()
        byName[WordKey(canonical)] = mention
        if let last = canonical.split(separator: " ").last { byName[WordKey(last)] = mention }
      }
      if let role = mention.role {
        for word in role.split(separator: " ") { byRole[WordKey(word)] = mention }
      }
    }
    if let first { lastSubject = first }
  }
}
