//! Number words: the vocabulary of spelled-out numbers, scales, fractions, ordinals and hedges.

/// Cardinal words below one hundred that stand alone ("seven", "nineteen", "forty").
pub(crate) fn cardinal(word: &str) -> Option<f64> {
    Some(match word {
        "zero" | "nought" | "naught" | "nil" => 0.0,
        "one" => 1.0,
        "two" => 2.0,
        "three" => 3.0,
        "four" => 4.0,
        "five" => 5.0,
        "six" => 6.0,
        "seven" => 7.0,
        "eight" => 8.0,
        "nine" => 9.0,
        "ten" => 10.0,
        "eleven" => 11.0,
        "twelve" => 12.0,
        "thirteen" => 13.0,
        "fourteen" => 14.0,
        "fifteen" => 15.0,
        "sixteen" => 16.0,
        "seventeen" => 17.0,
        "eighteen" => 18.0,
        "nineteen" => 19.0,
        _ => return tens(word),
    })
}

/// The tens, which may take a unit after them ("twenty-one").
pub(crate) fn tens(word: &str) -> Option<f64> {
    Some(match word {
        "twenty" => 20.0,
        "thirty" => 30.0,
        "forty" | "fourty" => 40.0,
        "fifty" => 50.0,
        "sixty" => 60.0,
        "seventy" => 70.0,
        "eighty" => 80.0,
        "ninety" => 90.0,
        _ => return None,
    })
}

/// Scale words that multiply what precedes them ("three hundred", "2.5 million").
pub(crate) fn scale_word(word: &str) -> Option<f64> {
    Some(match word {
        "hundred" => 1e2,
        "thousand" => 1e3,
        "million" => 1e6,
        "billion" => 1e9,
        "trillion" => 1e12,
        // Indian numbering: "13 lakh" (1,300,000), "1 crore" (10,000,000).
        "lakh" => 1e5,
        "crore" => 1e7,
        _ => return None,
    })
}

/// Abbreviated scales written right after digits or after one space ("20k", "1.2bn", "$4m", "10 bln").
/// `after_currency` allows the lowercase `m`, which after a bare number usually means metres.
pub(crate) fn scale_suffix(suffix: &str, after_currency: bool) -> Option<f64> {
    Some(match suffix {
        "k" | "K" => 1e3,
        "M" | "MM" | "mn" | "Mn" | "mln" | "mil" => 1e6,
        "m" if after_currency => 1e6,
        "b" | "B" | "bn" | "Bn" | "bln" => 1e9,
        // "$30G" is slang for thousands of millions; "30g" alone is grams.
        "G" | "g" if after_currency => 1e9,
        "tn" | "Tn" | "tln" | "trn" | "T" => 1e12,
        _ => return None,
    })
}

/// Ordinal words below one hundred ("third", "nineteenth", "fortieth").
pub(crate) fn ordinal_unit(word: &str) -> Option<f64> {
    Some(match word {
        "first" => 1.0,
        "second" => 2.0,
        "third" => 3.0,
        "fourth" => 4.0,
        "fifth" => 5.0,
        "sixth" => 6.0,
        "seventh" => 7.0,
        "eighth" => 8.0,
        "ninth" | "nineth" => 9.0,
        "tenth" => 10.0,
        "eleventh" => 11.0,
        "twelfth" => 12.0,
        "thirteenth" => 13.0,
        "fourteenth" => 14.0,
        "fifteenth" => 15.0,
        "sixteenth" => 16.0,
        "seventeenth" => 17.0,
        "eighteenth" => 18.0,
        "nineteenth" => 19.0,
        "twentieth" => 20.0,
        "thirtieth" => 30.0,
        "fortieth" => 40.0,
        "fiftieth" => 50.0,
        "sixtieth" => 60.0,
        "seventieth" => 70.0,
        "eightieth" => 80.0,
        "ninetieth" => 90.0,
        _ => return None,
    })
}

/// Ordinals of the scales ("hundredth", "millionth").
pub(crate) fn ordinal_scale(word: &str) -> Option<f64> {
    Some(match word {
        "hundredth" => 1e2,
        "thousandth" => 1e3,
        "millionth" => 1e6,
        "billionth" => 1e9,
        "trillionth" => 1e12,
        _ => return None,
    })
}

/// Denominators of fractions, singular or plural ("a third", "two-thirds", "three quarters",
/// "a thirtieth", "a trillionth"). "first" and "second" are no denominators on their own.
pub(crate) fn denominator(word: &str) -> Option<f64> {
    Some(match word {
        "half" | "halves" => 2.0,
        "quarter" | "quarters" => 4.0,
        _ => {
            let single = word.strip_suffix('s').unwrap_or(word);
            match ordinal_unit(single).filter(|v| *v >= 3.0) {
                Some(v) => v,
                None => ordinal_scale(single)?,
            }
        }
    })
}

/// Unicode vulgar fractions.
pub(crate) fn vulgar_fraction(c: char) -> Option<f64> {
    Some(match c {
        '½' => 1.0 / 2.0,
        '⅓' => 1.0 / 3.0,
        '⅔' => 2.0 / 3.0,
        '¼' => 1.0 / 4.0,
        '¾' => 3.0 / 4.0,
        '⅕' => 1.0 / 5.0,
        '⅖' => 2.0 / 5.0,
        '⅗' => 3.0 / 5.0,
        '⅘' => 4.0 / 5.0,
        '⅙' => 1.0 / 6.0,
        '⅚' => 5.0 / 6.0,
        '⅛' => 1.0 / 8.0,
        '⅜' => 3.0 / 8.0,
        '⅝' => 5.0 / 8.0,
        '⅞' => 7.0 / 8.0,
        _ => return None,
    })
}

/// Words for a change by a factor ("doubled", "tripled", "halved").
pub(crate) fn multiple(word: &str) -> Option<f64> {
    Some(match word {
        "twice" | "double" | "doubled" | "doubles" | "doubling" | "twofold" => 2.0,
        "thrice" | "triple" | "tripled" | "triples" | "tripling" | "threefold" => 3.0,
        "quadruple" | "quadrupled" | "quadruples" | "quadrupling" | "fourfold" => 4.0,
        "fivefold" => 5.0,
        "tenfold" => 10.0,
        "halved" | "halves" | "halving" => 0.5,
        _ => return None,
    })
}

/// Month names and their abbreviations.
pub(crate) fn month(word: &str) -> bool {
    matches!(
        word,
        "january"
            | "february"
            | "march"
            | "april"
            | "may"
            | "june"
            | "july"
            | "august"
            | "september"
            | "october"
            | "november"
            | "december"
            | "jan"
            | "feb"
            | "mar"
            | "apr"
            | "jun"
            | "jul"
            | "aug"
            | "sep"
            | "sept"
            | "oct"
            | "nov"
            | "dec"
    )
}

/// What a hedge says about the stated number, once it is checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HedgeMeaning {
    /// About N: N widened by a relative tolerance on both sides.
    Approximate,
    /// Nearly N: at most N, and close to it.
    JustBelow,
    /// Just over N: at least N, and close to it.
    JustAbove,
    /// More than N: above N, no upper bound.
    Above,
    /// At least N: N or more.
    AtLeast,
    /// Fewer than N: below N.
    Below,
    /// Up to N: N or less.
    AtMost,
}

/// Hedge phrases that may stand before a quantity, longest first within each meaning so that
/// "just under" wins over "under". Matched case-insensitively on word boundaries.
pub(crate) const HEDGES: &[(&str, HedgeMeaning)] = &[
    ("an estimated", HedgeMeaning::Approximate),
    ("approximately", HedgeMeaning::Approximate),
    ("an approximate", HedgeMeaning::Approximate),
    ("roughly", HedgeMeaning::Approximate),
    ("around", HedgeMeaning::Approximate),
    ("about", HedgeMeaning::Approximate),
    ("some", HedgeMeaning::Approximate),
    ("circa", HedgeMeaning::Approximate),
    ("estimated", HedgeMeaning::Approximate),
    ("approx.", HedgeMeaning::Approximate),
    ("close to", HedgeMeaning::Approximate),
    ("ca.", HedgeMeaning::Approximate),
    ("c.", HedgeMeaning::Approximate),
    ("~", HedgeMeaning::Approximate),
    ("nearly", HedgeMeaning::JustBelow),
    ("almost", HedgeMeaning::JustBelow),
    ("just under", HedgeMeaning::JustBelow),
    ("just below", HedgeMeaning::JustBelow),
    ("just shy of", HedgeMeaning::JustBelow),
    ("just short of", HedgeMeaning::JustBelow),
    ("just over", HedgeMeaning::JustAbove),
    ("just above", HedgeMeaning::JustAbove),
    ("slightly more than", HedgeMeaning::JustAbove),
    ("a little more than", HedgeMeaning::JustAbove),
    ("more than", HedgeMeaning::Above),
    ("greater than", HedgeMeaning::Above),
    ("larger than", HedgeMeaning::Above),
    ("bigger than", HedgeMeaning::Above),
    ("higher than", HedgeMeaning::Above),
    ("well over", HedgeMeaning::Above),
    ("well above", HedgeMeaning::Above),
    ("in excess of", HedgeMeaning::Above),
    ("exceeding", HedgeMeaning::Above),
    ("exceeds", HedgeMeaning::Above),
    ("exceed", HedgeMeaning::Above),
    ("surpassing", HedgeMeaning::Above),
    ("surpass", HedgeMeaning::Above),
    ("over", HedgeMeaning::Above),
    ("above", HedgeMeaning::Above),
    (">", HedgeMeaning::Above),
    ("at least", HedgeMeaning::AtLeast),
    ("no less than", HedgeMeaning::AtLeast),
    ("no fewer than", HedgeMeaning::AtLeast),
    ("not less than", HedgeMeaning::AtLeast),
    ("upwards of", HedgeMeaning::AtLeast),
    ("a minimum of", HedgeMeaning::AtLeast),
    (">=", HedgeMeaning::AtLeast),
    ("≥", HedgeMeaning::AtLeast),
    // The common misspelling of "than" in comparisons.
    ("more then", HedgeMeaning::Above),
    ("greater then", HedgeMeaning::Above),
    ("larger then", HedgeMeaning::Above),
    ("higher then", HedgeMeaning::Above),
    ("fewer then", HedgeMeaning::Below),
    ("less then", HedgeMeaning::Below),
    ("lower then", HedgeMeaning::Below),
    ("smaller then", HedgeMeaning::Below),
    ("fewer than", HedgeMeaning::Below),
    ("less than", HedgeMeaning::Below),
    ("lower than", HedgeMeaning::Below),
    ("smaller than", HedgeMeaning::Below),
    ("under", HedgeMeaning::Below),
    ("below", HedgeMeaning::Below),
    ("<", HedgeMeaning::Below),
    ("up to", HedgeMeaning::AtMost),
    ("as many as", HedgeMeaning::AtMost),
    ("as much as", HedgeMeaning::AtMost),
    ("as high as", HedgeMeaning::AtMost),
    ("no more than", HedgeMeaning::AtMost),
    ("not more than", HedgeMeaning::AtMost),
    ("at most", HedgeMeaning::AtMost),
    ("a maximum of", HedgeMeaning::AtMost),
    ("<=", HedgeMeaning::AtMost),
    ("≤", HedgeMeaning::AtMost),
    ("more than or equal to", HedgeMeaning::AtLeast),
    ("more or equal than", HedgeMeaning::AtLeast),
    ("more or equal to", HedgeMeaning::AtLeast),
    ("equal to or more than", HedgeMeaning::AtLeast),
    ("greater than or equal to", HedgeMeaning::AtLeast),
    ("greater or equal than", HedgeMeaning::AtLeast),
    ("greater or equal to", HedgeMeaning::AtLeast),
    ("equal to or greater than", HedgeMeaning::AtLeast),
    ("larger than or equal to", HedgeMeaning::AtLeast),
    ("larger or equal than", HedgeMeaning::AtLeast),
    ("larger or equal to", HedgeMeaning::AtLeast),
    ("equal to or larger than", HedgeMeaning::AtLeast),
    ("bigger than or equal to", HedgeMeaning::AtLeast),
    ("bigger or equal than", HedgeMeaning::AtLeast),
    ("bigger or equal to", HedgeMeaning::AtLeast),
    ("equal to or bigger than", HedgeMeaning::AtLeast),
    ("higher than or equal to", HedgeMeaning::AtLeast),
    ("higher or equal than", HedgeMeaning::AtLeast),
    ("higher or equal to", HedgeMeaning::AtLeast),
    ("equal to or higher than", HedgeMeaning::AtLeast),
    ("less than or equal to", HedgeMeaning::AtMost),
    ("less or equal than", HedgeMeaning::AtMost),
    ("less or equal to", HedgeMeaning::AtMost),
    ("equal to or less than", HedgeMeaning::AtMost),
    ("fewer than or equal to", HedgeMeaning::AtMost),
    ("fewer or equal than", HedgeMeaning::AtMost),
    ("fewer or equal to", HedgeMeaning::AtMost),
    ("equal to or fewer than", HedgeMeaning::AtMost),
    ("smaller than or equal to", HedgeMeaning::AtMost),
    ("smaller or equal than", HedgeMeaning::AtMost),
    ("smaller or equal to", HedgeMeaning::AtMost),
    ("equal to or smaller than", HedgeMeaning::AtMost),
    ("lower than or equal to", HedgeMeaning::AtMost),
    ("lower or equal than", HedgeMeaning::AtMost),
    ("lower or equal to", HedgeMeaning::AtMost),
    ("equal to or lower than", HedgeMeaning::AtMost),
    ("above or equal to", HedgeMeaning::AtLeast),
    ("below or equal to", HedgeMeaning::AtMost),
    ("at least or equal to", HedgeMeaning::AtLeast),
    ("at most or equal to", HedgeMeaning::AtMost),
    ("> =", HedgeMeaning::AtLeast),
    ("< =", HedgeMeaning::AtMost),
];

/// Phrases that state the number exactly ("equal to 20", "equals 20"). They are part of the
/// quantity's span and hedge text, but carry no meaning: `hedge_meaning` gives `None` for
/// them, as for no hedge at all, so the number is checked exactly.
pub(crate) const EXACT_HEDGES: &[&str] = &[
    "equal to",
    "equals to",
    "equals",
    "equaling to",
    "equaling",
    "equalling",
];

/// The meaning of a hedge as written (case-insensitive, inner whitespace collapsed).
pub fn hedge_meaning(hedge: &str) -> Option<HedgeMeaning> {
    let normal: String = hedge
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase();
    HEDGES
        .iter()
        .find(|(phrase, _)| *phrase == normal)
        .map(|(_, meaning)| *meaning)
}

/// Whether a quantity can start with this word (lowercase): a number word, a scale, a
/// fraction, an ordinal, a multiple, a month, the first word of a hedge or of a range. The
/// grammar is only tried at words that pass, which keeps extraction close to the cost of
/// reading the text.
pub(crate) fn may_start(word: &str) -> bool {
    is_number_word(word) || starters().contains(word)
}

/// The first words of hedges and of the other phrases a quantity may open with.
fn starters() -> &'static std::collections::HashSet<&'static str> {
    static SET: std::sync::OnceLock<std::collections::HashSet<&'static str>> =
        std::sync::OnceLock::new();
    SET.get_or_init(|| {
        let mut set: std::collections::HashSet<&'static str> = HEDGES
            .iter()
            .map(|(p, _)| *p)
            .chain(EXACT_HEDGES.iter().copied())
            .filter_map(|p| p.split([' ', '.']).next())
            .filter(|w| !w.is_empty())
            .collect();
        set.extend([
            "between",
            "from",
            "top",
            "no",
            "tens",
            "dozens",
            "hundreds",
            "thousands",
            "millions",
            "billions",
            "minus",
            "negative",
            "half",
            "quarter",
            "a",
            "an",
            "lakh",
            "crore",
            "point",
            "usd",
            "eur",
            "gbp",
            "jpy",
            "cny",
            "inr",
            "us",
            "hundred",
            "dozen",
            "dz",
            "dzs",
            "doz",
            "dozs",
            "fold",
        ]);
        set
    })
}

/// Number words proper: cardinals, scales, ordinals, fractions, multiples and months — a
/// quantity may start at one of them without anything numeric after it.
pub(crate) fn is_number_word(word: &str) -> bool {
    cardinal(word).is_some()
        || scale_word(word.strip_suffix('s').unwrap_or(word)).is_some()
        || ordinal_unit(word).is_some()
        || ordinal_scale(word).is_some()
        || denominator(word).is_some()
        || multiple(word).is_some()
        || month(word)
        || matches!(
            word,
            "tens"
                | "dozen"
                | "dozens"
                | "half"
                | "quarter"
                | "lakh"
                | "crore"
                | "twice"
                | "top"
                | "couple"
        )
}

/// Nouns that label things by a number after them ("lane 4", "episode 12", "pick 100",
/// "section 230"): the number is a name, not a count.
pub(crate) fn is_label_noun(word: &str) -> bool {
    matches!(
        word,
        "article"
            | "section"
            | "chapter"
            | "clause"
            | "paragraph"
            | "amendment"
            | "title"
            | "rule"
            | "resolution"
            | "flight"
            | "route"
            | "highway"
            | "interstate"
            | "room"
            | "page"
            | "figure"
            | "fig"
            | "table"
            | "appendix"
            | "annex"
            | "vol"
            | "volume"
            | "version"
            | "level"
            | "phase"
            | "stage"
            | "category"
            | "class"
            | "grade"
            | "gate"
            | "platform"
            | "bill"
            | "item"
            | "episode"
            | "season"
            | "part"
            | "step"
            | "model"
            | "type"
            | "block"
            | "unit"
            | "district"
            | "precinct"
            | "ward"
            | "lot"
            | "suite"
            | "lane"
            | "pick"
            | "game"
            | "week"
            | "round"
            | "heat"
            | "seat"
            | "race"
            | "match"
            | "hole"
            | "number"
            | "terminal"
            | "exit"
            | "channel"
            | "track"
            | "shirt"
            | "bus"
            | "line"
    )
}

/// Capitalised words that may open a sentence before a count ("The 300 workers", "Only 40
/// people", "In 12 cases"): function words, not names.
pub(crate) fn may_open_sentence(word: &str) -> bool {
    matches!(
        word,
        "the"
            | "a"
            | "an"
            | "and"
            | "but"
            | "or"
            | "nor"
            | "so"
            | "yet"
            | "only"
            | "just"
            | "all"
            | "at"
            | "in"
            | "on"
            | "by"
            | "of"
            | "for"
            | "with"
            | "from"
            | "to"
            | "into"
            | "since"
            | "after"
            | "before"
            | "during"
            | "another"
            | "each"
            | "every"
            | "those"
            | "these"
            | "their"
            | "his"
            | "her"
            | "its"
            | "our"
            | "your"
            | "my"
            | "than"
            | "as"
            | "when"
            | "while"
            | "if"
            | "although"
            | "though"
            | "because"
            | "whereas"
            | "some"
            | "both"
            | "many"
            | "most"
            | "several"
            | "other"
            | "such"
            | "what"
            | "which"
            | "who"
            | "whose"
            | "where"
            | "how"
            | "why"
            | "there"
            | "here"
            | "now"
            | "then"
            | "still"
            | "also"
            | "even"
            | "last"
            | "next"
            | "past"
            | "this"
            | "that"
            | "we"
            | "they"
            | "he"
            | "she"
            | "it"
            | "i"
            | "you"
            | "exactly"
            | "further"
            | "additional"
            | "extra"
            | "between"
            | "among"
            | "including"
            | "plus"
            | "minus"
            | "total"
            | "top"
            | "no"
            | "not"
            | "per"
            | "up"
            | "down"
            | "within"
            | "without"
            | "across"
            | "against"
            | "toward"
            | "towards"
            | "until"
            | "through"
            | "via"
            | "like"
            | "unlike"
            | "despite"
            | "given"
    )
}

/// Whether one of the last four words of `before` is a verb of change ("rose", "fell",
/// "shed", "up"), so that the numbers after it are a change and the level it reached, or the
/// two ends of a change, rather than one interval. Only the last few dozen bytes are read.
/// Lowercases a short ASCII word into a stack buffer; `None` for long or non-ASCII words,
/// which are never number, hedge or unit words.
pub(crate) fn ascii_lower<'b>(w: &str, buf: &'b mut [u8; 24]) -> Option<&'b str> {
    if w.len() > buf.len() || !w.is_ascii() {
        return None;
    }
    let out = &mut buf[..w.len()];
    out.copy_from_slice(w.as_bytes());
    out.make_ascii_lowercase();
    std::str::from_utf8(out).ok()
}

pub fn change_verb_before(before: &str) -> bool {
    let mut from = before.len().saturating_sub(60);
    while !before.is_char_boundary(from) {
        from -= 1;
    }
    before[from..]
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .rev()
        .take(4)
        .any(|w| {
            let mut buf = [0u8; 24];
            matches!(
                ascii_lower(w, &mut buf).unwrap_or(""),
                "rose"
                    | "risen"
                    | "rise"
                    | "rises"
                    | "grew"
                    | "grown"
                    | "increased"
                    | "jumped"
                    | "climbed"
                    | "soared"
                    | "surged"
                    | "gained"
                    | "added"
                    | "advanced"
                    | "rallied"
                    | "rebounded"
                    | "edged"
                    | "fell"
                    | "fallen"
                    | "falls"
                    | "dropped"
                    | "declined"
                    | "decreased"
                    | "lost"
                    | "shed"
                    | "slid"
                    | "sank"
                    | "tumbled"
                    | "dipped"
                    | "eased"
                    | "slumped"
                    | "went"
                    | "gone"
                    | "revised"
                    | "changed"
                    | "shrank"
                    | "shrunk"
                    | "doubled"
                    | "tripled"
                    | "halved"
                    | "moved"
                    | "slipped"
                    | "plunged"
                    | "plummeted"
                    | "rising"
                    | "growing"
                    | "increasing"
                    | "falling"
                    | "dropping"
                    | "declining"
                    | "climbing"
                    | "jumping"
                    | "soaring"
                    | "surging"
                    | "sliding"
                    | "sinking"
                    | "gaining"
                    | "losing"
                    | "up"
                    | "down"
            )
        })
}

/// Nouns that follow a score or a tally: "a 3-1 win", "a 5-4 vote".
pub(crate) fn is_score_noun(word: &str) -> bool {
    matches!(
        word,
        "win"
            | "wins"
            | "victory"
            | "victories"
            | "defeat"
            | "defeats"
            | "loss"
            | "losses"
            | "draw"
            | "draws"
            | "tie"
            | "lead"
            | "deficit"
            | "scoreline"
            | "score"
            | "result"
            | "triumph"
            | "thrashing"
            | "drubbing"
            | "rout"
            | "aggregate"
            | "decision"
            | "vote"
            | "votes"
            | "verdict"
            | "majority"
            | "record"
            | "split"
    )
}

/// Verbs and prepositions before a score: "beat them 2-3", "trailed 44-51".
pub(crate) fn is_score_verb(word: &str) -> bool {
    matches!(
        word,
        "won"
            | "win"
            | "lost"
            | "lose"
            | "beat"
            | "beaten"
            | "beating"
            | "defeated"
            | "drew"
            | "draw"
            | "trailed"
            | "trailing"
            | "led"
            | "leading"
            | "edged"
            | "thrashed"
            | "routed"
            | "voted"
            | "score"
            | "scoreline"
            | "finished"
            | "ended"
            | "failed"
            | "passed"
    )
}
