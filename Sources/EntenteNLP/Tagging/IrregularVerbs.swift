/// English irregular verbs: base form, past tense, past participle (variants with `/`).
///
/// The lemmatizer learns most inflections from its training data; this list makes sure the
/// verbs of news reporting and conflict are right even when the treebank lacks a form.
enum IrregularVerbs {
  static let table = """
    arise arose arisen
    awake awoke awoken
    be was/were been
    bear bore borne/born
    beat beat beaten
    become became become
    begin began begun
    bend bent bent
    bet bet bet
    bid bid bid
    bind bound bound
    bite bit bitten
    bleed bled bled
    blow blew blown
    break broke broken
    breed bred bred
    bring brought brought
    broadcast broadcast broadcast
    build built built
    burn burnt/burned burnt/burned
    burst burst burst
    buy bought bought
    cast cast cast
    catch caught caught
    choose chose chosen
    cling clung clung
    come came come
    cost cost cost
    creep crept crept
    cut cut cut
    deal dealt dealt
    dig dug dug
    do did done
    draw drew drawn
    dream dreamt/dreamed dreamt/dreamed
    drink drank drunk
    drive drove driven
    eat ate eaten
    fall fell fallen
    feed fed fed
    feel felt felt
    fight fought fought
    find found found
    flee fled fled
    fling flung flung
    fly flew flown
    forbid forbade forbidden
    forecast forecast forecast
    foresee foresaw foreseen
    forget forgot forgotten
    forgive forgave forgiven
    freeze froze frozen
    get got got/gotten
    give gave given
    go went gone
    grind ground ground
    grow grew grown
    hang hung hung
    have had had
    hear heard heard
    hide hid hidden
    hit hit hit
    hold held held
    hurt hurt hurt
    keep kept kept
    kneel knelt knelt
    know knew known
    lay laid laid
    lead led led
    lean leant/leaned leant/leaned
    leap leapt/leaped leapt/leaped
    learn learnt/learned learnt/learned
    leave left left
    lend lent lent
    let let let
    lie lay lain
    light lit lit
    lose lost lost
    make made made
    mean meant meant
    meet met met
    mislead misled misled
    mistake mistook mistaken
    overcome overcame overcome
    overrun overran overrun
    oversee oversaw overseen
    overtake overtook overtaken
    overthrow overthrew overthrown
    pay paid paid
    prove proved proven/proved
    put put put
    quit quit quit
    read read read
    rebuild rebuilt rebuilt
    rid rid rid
    ride rode ridden
    ring rang rung
    rise rose risen
    run ran run
    say said said
    see saw seen
    seek sought sought
    sell sold sold
    send sent sent
    set set set
    shake shook shaken
    shed shed shed
    shine shone shone
    shoot shot shot
    show showed shown
    shrink shrank shrunk
    shut shut shut
    sing sang sung
    sink sank sunk
    sit sat sat
    sleep slept slept
    slide slid slid
    speak spoke spoken
    speed sped sped
    spend spent spent
    spin spun spun
    split split split
    spread spread spread
    spring sprang sprung
    stand stood stood
    steal stole stolen
    stick stuck stuck
    sting stung stung
    strike struck struck
    strive strove striven
    swear swore sworn
    sweep swept swept
    swim swam swum
    swing swung swung
    take took taken
    teach taught taught
    tear tore torn
    tell told told
    think thought thought
    throw threw thrown
    thrust thrust thrust
    tread trod trodden
    undergo underwent undergone
    understand understood understood
    undertake undertook undertaken
    uphold upheld upheld
    upset upset upset
    wake woke woken
    wear wore worn
    weep wept wept
    win won won
    wind wound wound
    withdraw withdrew withdrawn
    withhold withheld withheld
    withstand withstood withstood
    write wrote written
    """

  /// Inflected form -> base form, for past tenses and participles.
  static let lemmas: [String: String] = {
    var result: [String: String] = [:]
    for line in table.split(separator: "\n") {
      let parts = line.split(separator: " ").map(String.init)
      guard parts.count == 3 else { continue }
      for form in parts[1].split(separator: "/") + parts[2].split(separator: "/")
      where form != parts[0] {
        result[String(form)] = parts[0]
      }
    }
    return result
  }()
}
