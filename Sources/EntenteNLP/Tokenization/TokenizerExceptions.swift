/// The word lists behind the tokenizer's special cases.
///
/// Written for English news: titles before names, months, place and company abbreviations,
/// and a few spoken forms that treebanks split into two words.
enum TokenizerExceptions {
  /// Abbreviations that come before a name and never end a sentence (period omitted).
  static let titles: [String] = [
    "Mr", "Mrs", "Ms", "Messrs", "Mmes", "Dr", "Drs", "Prof", "Profs", "Gen", "Gens", "Lt",
    "Col", "Maj", "Capt", "Cmdr", "Cdr", "Adm", "Sgt", "Cpl", "Pvt", "Pfc", "Brig", "Gov",
    "Govs", "Sen", "Sens", "Rep", "Reps", "Rev", "Revs", "Hon", "Pres", "Supt", "Insp", "Fr",
    "Amb", "Atty", "Det", "Mgr", "Msgr", "Sec", "Sr", "Sra", "Srta", "Mme", "Mlle", "Lieut",
    "Cmdt", "Comdr", "Ens", "Spc", "Rt", "Gov-Gen", "Lt-Gen", "Maj-Gen", "Brig-Gen", "Mt", "Ft",
    "Pt", "St", "Ste",
  ]

  /// Abbreviations that come before a number (`Jan. 5`, `No. 10`); they end a sentence only
  /// before a word that usually starts one.
  static let beforeNumbers: [String] = [
    "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
  ]

  /// Abbreviations that are abbreviations only before a digit: `No. 10`, `p. 5`.
  static let onlyBeforeDigits: [String] = [
    "No", "no", "Nos", "nos", "Nr", "nr", "p", "pp", "Vol", "vol", "Art", "art", "Fig", "fig",
    "Ch", "ch", "Sec", "sec", "Para", "para", "Op", "op", "Tab",
  ]

  /// Other abbreviations; they may end a sentence.
  static let others: [String] = [
    "Inc", "Corp", "Co", "Cos", "Ltd", "Bros", "Jr", "Sr", "Ave", "Blvd", "Rd", "Dept", "Univ",
    "Assn", "Assoc", "Est", "Ph.D", "M.D", "B.A", "M.A", "etc", "vs", "v", "approx", "est",
    "al", "cf", "viz", "ca", "ed", "eds", "min", "max", "mt", "Hwy", "Pl", "Sq", "Ter", "Ct",
    "Ala", "Ariz", "Ark", "Calif", "Colo", "Conn", "Del", "Fla", "Ga", "Ill", "Ind", "Kan",
    "Kans", "Ky", "La", "Md", "Mass", "Mich", "Minn", "Mo", "Mont", "Neb", "Nev", "Okla",
    "Ore", "Pa", "Penn", "Tenn", "Tex", "Va", "Vt", "Wash", "Wis", "Wyo", "Alta", "Ont", "Que",
    "Sask", "Gov't", "Govt", "Intl", "Natl", "Dist", "Div", "Mfg", "Ref", "Repub", "Dem",
    "Jun", "Tue", "Tues", "Thu", "Thur", "Thurs", "Fri",
    "Jan", "Feb", "Mar", "Apr", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
    "a.k.a", "A.D", "B.C", "e.g", "i.e",
  ]

  /// Words that usually start a sentence, in lowercase.
  ///
  /// After an abbreviation that may end a sentence (`U.S.`, `Inc.`), one of these begins a
  /// new one.
  static let sentenceStarters: [String] = [
    "a", "an", "the", "he", "she", "it", "they", "we", "i", "you", "this", "that", "these",
    "those", "there", "his", "her", "its", "their", "our", "my", "your", "but", "and", "or",
    "so", "yet", "in", "on", "at", "for", "from", "with", "by", "after", "before", "during",
    "since", "when", "while", "if", "as", "although", "though", "however", "meanwhile",
    "still", "also", "some", "many", "most", "all", "both", "each", "no", "not", "one", "two",
    "what", "who", "why", "how", "where", "which", "officials", "analysts", "experts", "critics",
    "earlier", "later", "last", "next", "now", "then", "today", "yesterday", "such", "under",
    "until", "instead", "despite", "because", "asked", "according", "here", "other", "others",
    "several", "few", "more", "much", "any", "every", "nor", "to", "of", "about", "even",
  ]

  /// Whole tokens that would otherwise be split: emoticons and symbols.
  static let whole: [String] = [
    ":)", ":-)", ":(", ":-(", ";)", ";-)", ":D", ":-D", ":P", ":-P", ":p", ":/", ":-/", "<3",
    ":'(", "^_^", "o_O", "->", "<-", "=>", "'s", "'S", "’s", "n't", "N'T", "n’t", "'re",
    "’re", "'ve", "’ve", "'ll", "’ll", "'m", "’m", "'d", "’d",
  ]

  /// Words split into two tokens as treebanks do, lowercase, with the length of the first.
  static let splits: [(String, Int)] = [
    ("cannot", 3), ("gonna", 3), ("gotta", 3), ("wanna", 3), ("lemme", 3), ("gimme", 3),
    ("dunno", 2), ("whaddya", 4), ("tryna", 3),
  ]
}
