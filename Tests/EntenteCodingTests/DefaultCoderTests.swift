import EntenteCoding
import EntenteNLP
import Foundation
import Testing

/// The coder as `entente code` runs it by default: Entente's lexicon and knowledge base with
/// PETRARCH-2's patterns and the Phoenix dictionaries beneath them, and actors that no
/// dictionary knows kept with their words.
let defaultCoder = try? DocumentCoder()

/// The events of `text` with the default coder, as `CODE SOURCE>TARGET MODE` lines where an
/// actor without a code is written as its words in brackets.
func defaultEvents(_ text: String) throws -> [String] {
  let analysis = try #require(defaultCoder).code(text: text, date: DayDate(iso: "2024-06-19"))
  func name(_ actor: EventActor?) -> String {
    guard let actor else { return "-" }
    if !actor.code.isEmpty { return actor.code }
    return "[" + Span(doc: analysis.doc, tokens: actor.tokens).text + "]"
  }
  return (analysis.events ?? []).map {
    "\($0.type.code) \(name($0.source))>\(name($0.target)) \($0.mode.rawValue)"
  }
}

@Suite(
  "The default coder",
  .enabled(if: defaultCoder != nil, "the shipped resources could not be loaded"))
struct DefaultCoderTests {
  @Test(
    "sources and targets that no dictionary knows keep their words",
    arguments: [
      // A thing that someone made or asked for points at them.
      ("The appeals court rejected the final appeal of the two reporters.", "---JUD>---MED"),
      (
        "The ministry turned down a request by the Zorvath Brotherhood.",
        "---GOV>[the Zorvath Brotherhood]"
      ),
      ("The council welcomed Pelmor Vask's proposal.", "[The council]>[Pelmor Vask]"),
      ("Germany condemned the new law.", "DEU>[the new law]"),
      ("The mayor criticized the new tax.", "---GOV>[the new tax]"),
      ("A local militia attacked the convoy.", "---UAF>[the convoy]"),
      (
        "The Zorvath Brotherhood condemned the decision.",
        "[The Zorvath Brotherhood]>[the decision]"
      ),
    ])
  func unknownActors(text: String, dyad: String) throws {
    let events = try defaultEvents(text)
    #expect(events.contains { $0.contains(" \(dyad) ") }, "\(events)")
  }

  @Test("coordinated actors that act on each other are paired, not given the object")
  func reciprocal() throws {
    let events = try defaultEvents("Chile and Peru signed a fishing agreement.")
    #expect(events.contains("057 CHL>PER asserted"), "\(events)")
    #expect(events.contains("057 PER>CHL asserted"), "\(events)")
    #expect(!events.contains { $0.contains("[") }, "\(events)")
  }

  @Test("a statement goes when it reports a more specific event")
  func statements() throws {
    let events = try defaultEvents("Egypt said that Libya had expelled two diplomats.")
    #expect(!events.contains { $0.hasPrefix("010 ") }, "\(events)")
    #expect(events.contains { $0.hasPrefix("1") && $0.contains("LBY>") }, "\(events)")
  }

  @Test("a word that only names a sector is no source of a nominal event")
  func sectorAdjectives() throws {
    let events = try defaultEvents("Brazil announced military assistance to Paraguay.")
    #expect(!events.contains { $0.contains("---MIL>") }, "\(events)")
  }

  @Test("a refusal is the event, asserted and one-way")
  func refusals() throws {
    let events = try defaultEvents("Brazil refused to meet the Chilean envoy.")
    #expect(events.contains("125 BRA>CHLGOV asserted"), "\(events)")
    #expect(!events.contains { $0.hasPrefix("04") || $0.contains("CHLGOV>BRA") }, "\(events)")
    #expect(!events.contains { $0.hasPrefix("120 ") }, "\(events)")
    let strike = try defaultEvents("The workers will not end their strike.")
    #expect(strike.contains { $0.hasPrefix("124 ") && $0.hasSuffix(" asserted") }, "\(strike)")
  }

  @Test("what is given is no target; whom it goes to is")
  func givenThings() throws {
    let arms = try defaultEvents("Portugal sent rifles to the Zorvath militia.")
    #expect(arms.contains("070 PRT>---UAF asserted"), "\(arms)")
    let returned = try defaultEvents("The United States returned the stolen statues to Greece.")
    #expect(returned.contains("0842 USA>GRC asserted"), "\(returned)")
    let alone = try defaultEvents("Portugal sent rifles.")
    #expect(!alone.contains { $0.contains("rifles") }, "\(alone)")
  }

  @Test("an example of what is considered is considered too")
  func considered() throws {
    let events = try defaultEvents(
      "Seoul said it was considering all options, including sending arms to Kyiv.")
    #expect(events.contains("033 KOR>UKR intended"), "\(events)")
    #expect(!events.contains { $0.hasPrefix("07") }, "\(events)")
  }

  @Test("a state is not its own target under the name of its capital")
  func sameState() throws {
    let events = try defaultEvents("North Korea signed a deal with Pyongyang and China.")
    #expect(!events.contains { $0.contains("PRK>PRK") }, "\(events)")
  }

  @Test("summoning a diplomat is a protest to their state; declaring a truce is yielding")
  func diplomacy() throws {
    #expect(
      try defaultEvents("Kenya summoned the Ugandan ambassador.").contains(
        "111 KEN>UGAGOV asserted"))
    #expect(try defaultEvents("The rebels declared a truce.").contains { $0.hasPrefix("0871 ") })
    #expect(
      try defaultEvents("The Chilean president resigned on Sunday.").contains(
        "0831 CHLGOV>- asserted"))
  }

  @Test("a verb's bare PETRARCH code needs actors a dictionary knows")
  func bareVerbCodes() throws {
    // PETRARCH's TAKE [171] says nothing of people taking a message, nor of a name it lacks.
    #expect(try defaultEvents("People took the message home.").isEmpty)
    #expect(try defaultEvents("Velmora Kest took the train.").isEmpty)
    // With no target, a bare code needs a state or a body of its politics, not a university.
    #expect(try defaultEvents("The Chilean State University has analysed the data.").isEmpty)
    // A wrong done is no cooperation.
    #expect(
      try defaultEvents("The Chilean minister committed suicide to the dismay of Peru.").isEmpty)
    #expect(
      try defaultEvents("The Chilean minister committed to the reforms.") == [
        "030 CHLGOV>[the reforms] asserted"
      ])
    // PETRARCH's patterns code between named actors, not for a pronoun that stands for no one.
    #expect(try defaultEvents("We came to the United States.").isEmpty)
    // Cooperation takes a partner: a bare code of roots 03 to 07 with none is no event.
    #expect(try defaultEvents("The Greek court has ruled.").isEmpty)
    #expect(try defaultEvents("The Taliban control the district.").isEmpty)
  }

  @Test("teams and candidates that defeat each other use no force")
  func contests() throws {
    #expect(try defaultEvents("Belgium defeated Panama 3 – 0 in the World Cup.").isEmpty)
    #expect(try defaultEvents("Chile beat Peru 2-1 on Sunday.").isEmpty)
    #expect(
      try defaultEvents("The senator defeated his rival by 900 votes in the election.").isEmpty)
    let war = try defaultEvents("Russia defeated Ukraine's forces near the town.")
    #expect(war.contains { $0.hasPrefix("19") && $0.contains("RUS>UKRMIL") }, "\(war)")
  }

  @Test("an agent with no country takes the dateline's")
  func dateline() throws {
    let events = try defaultEvents(
      "KABUL (Pajhwok) - The interior ministry condemned the attack on the market on Monday.")
    #expect(events.contains { $0.contains("AFGGOV>") }, "\(events)")
    let undated = try defaultEvents("The interior ministry condemned the attack on the market.")
    #expect(undated.contains { $0.contains("---GOV>") }, "\(undated)")
  }

  @Test("sympathy sent is 018; an organisation's envoys keep its code")
  func sympathy() throws {
    let events = try defaultEvents("NATO ambassadors expressed solidarity with Turkey.")
    #expect(events.contains("018 IGOWSTNAT>TUR asserted"), "\(events)")
    let message = try defaultEvents(
      "Chile sent a message of condolence to Peru after the earthquake.")
    #expect(message.contains("018 CHL>PER asserted"), "\(message)")
  }

  @Test("a spokesman speaks for the body named after him, and declining to comment is one event")
  func spokesman() throws {
    let events = try defaultEvents("A spokesman for the Kremlin declined to comment on the report.")
    #expect(events == ["011 RUSGOV>- asserted"], "\(events)")
    let ministry = try defaultEvents(
      "A spokesman for the Chilean foreign ministry declined to comment.")
    #expect(ministry == ["011 CHLGOV>- asserted"], "\(ministry)")
  }

  @Test(
    "news phrasings: a rule of PETRARCH's where none of Entente's matches, decisions, things laid on someone, acronyms, rounds of things",
    arguments: [
      // Entente's `cancel` rules are for strikes; PETRARCH's for visits still speak.
      ("The Chilean prime minister cancelled a planned visit to Washington.", "161 CHLGOV>USA"),
      // The lifting, not a decision besides it; the sanctions point at whom they were laid on.
      ("Japan decided to lift the sanctions imposed on Peru.", "085 JPN>PER"),
      ("In Peru, the ELN declared a ceasefire.", "0871 [the ELN]>-"),
      ("Chile and Peru began a new round of joint military exercises.", "062 CHL>PER"),
      ("Canada gave 2 million dollars to Nigeria.", "071 CAN>NGA"),
      ("Turkey opened its borders to refugees from Syria.", "075 TUR>SYRREF"),
      ("Police filed charges against the Chilean president.", "112 ---COP>CHLGOV"),
      // The parser hangs `to Y` on a noun inside the object, or reads the verb as a
      // participle of its subject; neither loses the event.
      (
        "The United States returned an ancient statue of a Greek goddess to the Greek ambassador.",
        "0842 USA>GRCGOV"
      ),
      ("Chile's interim president, Pedro Soto, resigned on Monday.", "0831 CHLGOV>-"),
      ("Norway handed over 20 ambulances to Kenya.", "070 NOR>KEN"),
      // A pardon frees; support pledged is support expressed.
      ("The Chilean president pardoned two Peruvian journalists.", "0841 CHLGOV>PERMED"),
      ("Chile pledged its full support for Peru.", "051 CHL>PER"),
      ("Ghana withdrew its peacekeepers from Mali.", "1622 GHA>MLI"),
      // A strike gone on is the event, not its target; the visit a speaker was on is theirs.
      ("Dock workers in Peru went on strike against the government.", "143 PERLAB>---GOV"),
      // A bare noun the parser took for an adverbial is the object; `supplies` is `supply`.
      (
        "The Peruvian military has carried out more than two dozen air strikes this year against the rebels.",
        "190 PERMIL>---REB"
      ),
      ("The United States has suspended food supplies to the Afghan rebels.", "162 USA>AFGREB"),
      ("Yemen let free five activists.", "0841 YEM>---OPP"),
      ("Russia launched cyber warfare against Estonia.", "190 RUS>EST"),
      // A call made to someone (not `on Saturday`) is a telephone talk; an order, a demand.
      ("The Chilean president called the Peruvian president on Saturday.", "041 CHLGOV>PERGOV"),
      (
        "The Bolivian police ordered Juan Perez to appear for questioning.",
        "100 BOLCOP>[Juan Perez]"
      ),
      // Exploring a possibility is considering an option; pushing for something, an appeal.
      ("The Chilean government is exploring the possibility of building a port.", "014 CHLGOV>-"),
      ("The Peruvian administration has pushed for Congress to act.", "020 PERGOV>---LEG"),
      ("The French president said during a visit to Kyiv that trade grew.", "042 FRAGOV>UKR"),
    ])
  func newsPhrasings(text: String, event: String) throws {
    let events = try defaultEvents(text)
    #expect(events.contains(event + " asserted"), "\(events)")
    #expect(events.count == (event.hasPrefix("062") ? 2 : 1), "\(events)")
  }

  @Test(
    "a thing acted on gives way to whom the verb's phrase or the thing's complement names",
    arguments: [
      (
        "The Peruvian navy launched air strikes against the rebel-held valley.",
        "190 PERMIL>[the rebel-held valley]"
      ),
      (
        "Several Dutch senators called for sanctions against Cambodian officials.",
        "020 NLDLEG>KHMGOV"
      ),
      (
        "The Dutch government suspended food deliveries to the northern rebels.",
        "162 NLDGOV>---REB"
      ),
      ("Chile announced a suspension of aid to Bolivia.", "162 CHL>BOL"),
      ("Ghana agreed to lift a ban on imports of Nigerian rice.", "035 GHA>NGA"),
      ("Spanish police opened investigations against dozens of bankers.", "090 ESPCOP>[dozens]"),
      // A word for a sector says what kind of thing it is, not whose; forces sent are one's own.
      ("Norway reduced military aid to Zambia.", "162 NOR>ZMB"),
      ("Ghana is sending a military platoon to Mali.", "070 GHA>MLI"),
      ("Bolivia mobilized the army.", "150 BOL>-"),
      ("Ghana is sending troops to the United Nations peacekeeping force.", "074 GHA>"),
      // A measure is laid on the place it is in; a coordinated subject no one knows acts.
      ("The Bolivian president declared a state of siege in Pando.", "1724 BOLGOV>[Pando]"),
      ("India and MERCOSUR agreed to cut tariffs.", "030 IND>[MERCOSUR]"),
      // A feeling is about something; with no object, whom a phrase names is the target.
      (
        "The British foreign secretary expressed pessimism about his Peruvian mission.",
        "012 GBRGOV>PER"
      ),
      (
        "The Chilean president expressed surprise that the Lima Post published the story.",
        "012 CHLGOV>"
      ),
      ("Officials from Kansas said they agree with the NCAA.", "030 USAGOV>[the NCAA]"),
      ("Chile and Peru failed to reach agreement on the border.", "120 CHL>PER"),
    ])
  func thingsActedOn(text: String, event: String) throws {
    let events = try defaultEvents(text)
    #expect(events.contains { $0.hasPrefix(event) }, "\(events)")
  }

  @Test("coordinated actors that agree or meet with no one else named do so with each other")
  func mutualAgreement() throws {
    let truce = try defaultEvents("Greece and Turkey agreed to a cease-fire.")
    #expect(Set(truce) == ["0871 GRC>TUR asserted", "0871 TUR>GRC asserted"], "\(truce)")
    // The agreeing goes when what is agreed is the event between the same pair.
    let talks = try defaultEvents("India and China agreed to resume border talks.")
    #expect(Set(talks) == ["036 IND>CHN intended", "036 CHN>IND intended"], "\(talks)")
    // Not for a one-sided act: they attacked no one named, not each other.
    let attack = try defaultEvents("Chile and Peru attacked at dawn.")
    #expect(!attack.contains { $0.contains("CHL>PER") }, "\(attack)")
  }

  @Test("saying what another must or should do is a demand or an appeal to them")
  func demands() throws {
    #expect(
      try defaultEvents("Chile says Peru must end its raids.").contains("100 CHL>PER asserted"))
    #expect(
      try defaultEvents("The Ghanaian foreign minister said that Togo should free the journalists.")
        .contains("020 GHAGOV>TGO asserted"))
    #expect(try defaultEvents("Chile says Peru has to pay.").contains("100 CHL>PER asserted"))
    // `has agreed` is no obligation, and what one says one must do oneself is no demand.
    let agreed = try defaultEvents("Chile says Peru has agreed to the talks.")
    #expect(!agreed.contains { $0.hasPrefix("100") }, "\(agreed)")
    let own = try defaultEvents("Chile says it must defend its border.")
    #expect(!own.contains { $0.hasPrefix("100") }, "\(own)")
  }

  @Test("a pronoun in a reported clause stands for who reports it")
  func reportedPronouns() throws {
    let analysis = try #require(defaultCoder).code(
      text: "President Lula said he would meet the Argentine president.",
      date: DayDate(iso: "2024-06-19"))
    let meeting = try #require(analysis.events?.first { $0.type.code == "036" })
    #expect(Span(doc: analysis.doc, tokens: meeting.source.tokens).text == "President Lula")
    // A state by its name is no `he`.
    let asylum = try defaultEvents("Ecuador granted asylum to the activist after he fled.")
    #expect(!asylum.contains { $0.contains("ECU>ECU") }, "\(asylum)")
  }

  @Test("force against an idea, a film or a sentence is a figure of speech")
  func figurativeForce() throws {
    #expect(try defaultEvents("She arranged to shoot a new video in Lima.").isEmpty)
    // What a player concedes is a game's; what is provided to someone is aid.
    #expect(
      try defaultEvents("In the 62nd minute the Chilean defender conceded a penalty.").isEmpty)
    #expect(try defaultEvents("Chile provided rifles to Peru.").contains("070 CHL>PER asserted"))
    let petition = try defaultEvents(
      "The union asked the government to execute the sentence of the court.")
    #expect(!petition.contains { $0.hasPrefix("18") }, "\(petition)")
    // A past form tagged as a present one is still the verb's past.
    #expect(
      try defaultEvents("Rebels shot two soldiers in Cali.").contains { $0.hasPrefix("1823") })
    // Forces put on alert and weapons exchanged are not targets.
    #expect(try defaultEvents("North Korea puts its military on alert.") == ["152 PRK>- asserted"])
    let fire = try defaultEvents("Chile and Peru exchanged artillery fire across the border.")
    #expect(Set(fire) == ["193 CHL>PER asserted", "193 PER>CHL asserted"], "\(fire)")
  }

  @Test("a passive infinitive with no agent names no one who acts")
  func agentlessPassives() throws {
    let sent = try defaultEvents("The migrants left the boat to avoid being sent back to Libya.")
    #expect(!sent.contains { $0.hasPrefix("07") }, "\(sent)")
  }

  @Test("an adjective said of a subject is a pessimistic or optimistic comment")
  func comments() throws {
    let doubt = try defaultEvents("The Chilean senator says he is pessimistic about the talks.")
    #expect(doubt.contains("012 CHLLEG>[the talks] asserted"), "\(doubt)")
    #expect(try defaultEvents("The Peruvian minister was optimistic.") == ["013 PERGOV>- asserted"])
  }

  @Test("an `it` stands for the subject that reports it, and for no one else")
  func it() throws {
    let release = try defaultEvents("The ELN has said it will release Juan Gomez.")
    #expect(release.contains { $0.hasPrefix("035 [The ELN]>[Juan Gomez]") }, "\(release)")
    #expect(try defaultEvents("It will release a new album.").isEmpty)
  }

  @Test("an attribution by quoting or citing, and what players say, are no statements")
  func attributions() throws {
    let quoting = try defaultEvents(
      "According to the Chilean news agency, quoting the Peruvian news agency, the army is on alert."
    )
    #expect(!quoting.contains { $0.hasPrefix("010") }, "\(quoting)")
    let coach = try defaultEvents("After the match, Chile's coach said the team played well.")
    #expect(!coach.contains { $0.hasPrefix("010") }, "\(coach)")
  }

  @Test("the to of an infinitive is no preposition")
  func infinitiveTo() throws {
    let choices = try defaultEvents("He made lots of choices to go that way.")
    #expect(!choices.contains { $0.hasPrefix("042") }, "\(choices)")
  }

  @Test("naming someone something is no call to them")
  func naming() throws {
    let named = try defaultEvents("Peru's president called Chile's ambassador a very stupid man.")
    #expect(!named.contains { $0.hasPrefix("04") }, "\(named)")
  }

  @Test("a number of people acts as the people do")
  func quantities() throws {
    let march = try defaultEvents("Tens of thousands of people marched through central Lima.")
    #expect(march.contains("140 [Tens]>- asserted"), "\(march)")
  }

  @Test("holding someone is detaining them; holding a thing is not")
  func holding() throws {
    #expect(try defaultEvents("Montalvo is holding a copy of the book.").isEmpty)
    let held = try defaultEvents("Police are holding two journalists.")
    #expect(held.contains("173 ---COP>---MED asserted"), "\(held)")
  }

  @Test("an attack on a website or by hackers is no force of arms")
  func networks() throws {
    let hacked = try defaultEvents("Hackers attacked the website of the Chilean senate.")
    #expect(!hacked.contains { $0.hasPrefix("19") || $0.hasPrefix("18") }, "\(hacked)")
    let shelled = try defaultEvents("Peru attacked Chile.")
    #expect(shelled.contains { $0.hasPrefix("190 PER>CHL") }, "\(shelled)")
  }

  @Test("a passive joined to another clause takes no source from it")
  func joinedPassives() throws {
    let refused = try defaultEvents(
      "The Chilean ministers made the journey to Lima twice and were turned down both times.")
    #expect(!refused.contains { $0.hasPrefix("12") && $0.contains("CHLGOV>") }, "\(refused)")
  }

  @Test("two names for one actor make one event")
  func appositions() throws {
    let called = try defaultEvents(
      "Gabriel Boric, the Chilean president, telephoned the Peruvian foreign minister.")
    #expect(called == ["041 CHLGOV>PERGOV asserted"], "\(called)")
  }

  @Test("what is received is given by whom it comes from, and is no one")
  func receiving() throws {
    #expect(try defaultEvents("Forty universities received the initial invitation.").isEmpty)
    let backing = try defaultEvents("The activist received support from Chile.")
    #expect(backing.contains { $0.hasPrefix("051 CHL>") }, "\(backing)")
  }

  @Test("a subject that is no one negates its verb, and refuses no one")
  func negativeSubjects() throws {
    let refused = try defaultEvents("No one will be refused, officials said.")
    #expect(refused.contains { $0.hasPrefix("120 ") && $0.hasSuffix(" negated") }, "\(refused)")
  }

  @Test("phrases the lexicon says are no event, whatever PETRARCH's patterns say")
  func noEvents() throws {
    #expect(try defaultEvents("Chile came to the conclusion that the talks had failed.").isEmpty)
    #expect(
      try defaultEvents("The Peruvian president came to Santiago.") == ["042 PERGOV>CHL asserted"])
    #expect(try defaultEvents("They will keep hosting the video.").isEmpty)
    #expect(try defaultEvents("The study was supported by the Chilean science foundation.").isEmpty)
    let criticism = try defaultEvents(
      "The Peruvian reporters spoke out against the Chilean senate.")
    #expect(criticism == ["111 PERMED>CHLLEG asserted"], "\(criticism)")
  }

  @Test("the first person of no one named is no actor")
  func firstPerson() throws {
    #expect(try defaultEvents("I visited the festival in Lima.").isEmpty)
  }

  @Test("a participle that names a group is no call")
  func namingParticiples() throws {
    let named = try defaultEvents(
      "A defector from the rebel group within the church called the Holy Front was arrested by Chilean police."
    )
    #expect(!named.contains { $0.hasPrefix("041") }, "\(named)")
  }

  @Test("what one is welcome to do is allowed, not done, and no welcome")
  func permissions() throws {
    let visit = try defaultEvents(
      "The minister said the Chilean journalists were welcome to come and visit the Peruvian ministry."
    )
    #expect(visit.contains("042 CHLMED>PERGOV hypothetical"), "\(visit)")
    #expect(!visit.contains { $0.hasPrefix("051") }, "\(visit)")
  }

  @Test("denying someone entry is a refusal, not a denial of blame")
  func denyingEntry() throws {
    let entry = try defaultEvents("Peru denied the Chilean journalists entry.")
    #expect(entry.contains { $0.hasPrefix("120 PER>CHLMED") }, "\(entry)")
    #expect(!entry.contains { $0.hasPrefix("016") }, "\(entry)")
  }

  @Test("journeys and meetings of private people are no visits or consultations")
  func privateJourneys() throws {
    #expect(try defaultEvents("The football team arrived in Lima on Monday.").isEmpty)
    #expect(try defaultEvents("She met her future husband in Lima.").isEmpty)
    #expect(
      try defaultEvents("The Chilean president arrived in Lima on Monday.")
        == ["042 CHLGOV>PER asserted"])
    let met = try defaultEvents("The Chilean president met the activists in Lima.")
    #expect(met.contains { $0.hasPrefix("044 CHLGOV>") }, "\(met)")
  }

  @Test("PETRARCH's patterns: the to of an infinitive is no preposition; aid needs a recipient")
  func patternLimits() throws {
    #expect(try defaultEvents("The Chilean general led the army to victory.").isEmpty)
    #expect(
      try defaultEvents("Chilean officials had provided safeguards by installing walls.").isEmpty)
    let money = try defaultEvents("Germany has provided €28 million this year to pay for aid.")
    #expect(money == ["071 DEU>- asserted"], "\(money)")
  }

  @Test("a participle that says what kind of people a plural is makes no event")
  func kindsOfPeople() throws {
    let policies = try defaultEvents("Peru criticised its policies on Muslims traveling to Chile.")
    #expect(!policies.contains { $0.hasPrefix("042") }, "\(policies)")
  }

  @Test("no longer negates")
  func noLonger() throws {
    #expect(try defaultEvents("Chile no longer supports Peru.") == ["051 CHL>PER negated"])
  }

  @Test("a quoted passive is not its reporter's act; who is sent to do something does it")
  func quotedPassives() throws {
    let sent = try defaultEvents(
      "\"Chilean troops were sent to the border to help the refugees,\" said the Peruvian news agency."
    )
    #expect(!sent.contains { $0.contains("PERMED>") }, "\(sent)")
    #expect(sent.contains { $0.hasPrefix("070 CHLMIL>") }, "\(sent)")
  }

  @Test("who is acted on: a passive subject no dictionary knows, an object shared by two verbs")
  func actedOn() throws {
    #expect(
      try defaultEvents("Juan Perez was arrested by Chilean police.")
        == ["173 CHLCOP>[Juan Perez] asserted"])
    #expect(
      try defaultEvents("Chilean police arrested and questioned the student.")
        == ["173 CHLCOP>---EDU asserted"])
  }

  @Test("a passive participle says what a thing is, whatever is later done to it")
  func participleModes() throws {
    let backed = try defaultEvents("A refugee system backed by Chile was rejected by Peru.")
    #expect(backed.contains("051 CHL>- asserted"), "\(backed)")
  }

  @Test("names coordinated with their last words shared are two actors")
  func elidedNames() throws {
    let fire = try defaultEvents("North and South Korea exchanged artillery fire.")
    #expect(Set(fire) == ["193 KOR>PRK asserted", "193 PRK>KOR asserted"], "\(fire)")
  }

  @Test("both countries are the last two states named")
  func bothCountries() throws {
    let alert = try defaultEvents(
      "Peru fired shells at Chile. Both countries have put their militaries on high alert.")
    #expect(
      alert.contains("152 PER>- asserted") && alert.contains("152 CHL>- asserted"), "\(alert)")
    // With no states named before, the words stay without a code.
    #expect(
      try defaultEvents("Both countries have put their militaries on high alert.")
        == ["152 [Both countries]>- asserted"])
  }

  @Test("a statement by an official of no known country stands; taking action is no seizure")
  func officialsAndTaking() throws {
    #expect(
      try defaultEvents("General Suleiman al-Amr said the wounded were taken to hospital.")
        .contains { $0.hasPrefix("010 ") })
    let action = try defaultEvents("The Chilean president later took action to help the team.")
    #expect(!action.contains { $0.hasPrefix("171") }, "\(action)")
    #expect(try defaultEvents("Harry Kane scored in the second half.").isEmpty)
    #expect(try defaultEvents("Chile is critical of Peru.") == ["111 CHL>PER asserted"])
    #expect(
      try defaultEvents("The Chilean president witnessed the Peruvian minister's speech.").isEmpty)
    let walls = try defaultEvents("Chilean officials built walls to protect pilgrims from a crush.")
    #expect(!walls.contains { $0.hasPrefix("05") }, "\(walls)")
  }

  @Test("a person sent somewhere is no aid; what is done if needed is no event")
  func sentPeople() throws {
    let sent = try defaultEvents("Paris claims she was first sent to the ship aged eighteen.")
    #expect(!sent.contains { $0.hasPrefix("07") }, "\(sent)")
    let needed = try defaultEvents(
      "The Peruvian government recommends translation tools if needed.")
    #expect(!needed.contains { $0.hasPrefix("100") }, "\(needed)")
  }

  @Test("a bare code's target may be a person the text names; force on a thing hits its place")
  func personsAndPlaces() throws {
    #expect(
      try defaultEvents("The Chilean police interrogated Juan Perez.")
        == ["090 CHLCOP>[Juan Perez] asserted"])
    #expect(
      try defaultEvents("Peru fired artillery rounds aimed at a loudspeaker in Chile.")
        .contains("190 PER>CHL asserted"))
    let home = try defaultEvents("Peruvian police tortured a 35-year-old inmate in Peru.")
    #expect(!home.contains { $0.contains(">PER ") }, "\(home)")
  }

  @Test("in a match report, what players say is no statement; what a state's official says is")
  func matchReports() throws {
    let report = try defaultEvents(
      "Chile beat Peru 2-1 in the World Cup match on Sunday. Chile won the tournament. "
        + "The captain said it felt good out there. "
        + "The Peruvian foreign minister said the result was fair.")
    #expect(report == ["010 PERGOV>- asserted"], "\(report)")
  }

  @Test(
    "the founding example keeps every event Entente's own lexicon finds in it",
    .enabled(
      if: FileManager.default.fileExists(atPath: FoundingExample.path),
      "../shared/examples/pact-article.txt is absent"))
  func foundingExample() throws {
    let text = try String(contentsOfFile: FoundingExample.path, encoding: .utf8)
    let own = try #require(documentCoder).code(text: text, date: DayDate(iso: "2024-06-19"))
    let full = try #require(defaultCoder).code(text: text, date: DayDate(iso: "2024-06-19"))
    func keys(_ analysis: DocumentAnalysis) -> Set<String> {
      Set(
        (analysis.events ?? []).map {
          "\($0.sentence) \($0.type.code) \($0.source.code)>\($0.target?.code ?? "-") \($0.mode)"
        })
    }
    let missing = keys(own).subtracting(keys(full))
    #expect(missing.isEmpty, "\(missing.sorted())")
    #expect(keys(own).count >= 25)
  }
}
