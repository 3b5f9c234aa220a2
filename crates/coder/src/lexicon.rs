//! Closed-class English words the coder relies on. These are grammar, not world knowledge, so
//! they live in code rather than in the (replaceable) dictionaries.

pub fn is_determiner(w: &str) -> bool {
    matches!(w, "A" | "AN" | "THE" | "THIS" | "THESE" | "THOSE" | "ITS" | "HIS" | "HER" | "THEIR" | "OUR" | "MY" | "YOUR" | "'S" | "'" | "ANY" | "EACH" | "EVERY" | "NO" | "SOME" | "ANOTHER")
}

/// Words after which a verb-looking word is a noun ("an attack", "the efforts", "of talks").
pub fn forces_noun(w: &str) -> bool {
    is_determiner(w) || matches!(w, "OF" | "FOR" | "NEW" | "FURTHER" | "JOINT" | "FIRST" | "SECOND" | "LATEST" | "RECENT" | "MILITARY" | "DIPLOMATIC" | "ECONOMIC" | "FORMAL" | "OFFICIAL" | "STATE" | "SECURITY" | "PEACE" | "AIR" | "SEA" | "HIGH-LEVEL" | "BILATERAL" | "WHOSE")
}

pub fn is_modal(w: &str) -> bool {
    matches!(w, "WILL" | "WOULD" | "CAN" | "CA" | "COULD" | "MAY" | "MIGHT" | "SHOULD" | "MUST" | "SHALL" | "WO" | "'LL" | "'D")
}

pub fn is_be(w: &str) -> bool {
    matches!(w, "IS" | "ARE" | "WAS" | "WERE" | "BE" | "BEEN" | "BEING" | "AM" | "'RE" | "'M")
}

pub fn is_have(w: &str) -> bool {
    matches!(w, "HAS" | "HAVE" | "HAD" | "HAVING" | "'VE")
}

pub fn is_do(w: &str) -> bool {
    matches!(w, "DO" | "DOES" | "DID")
}

pub fn is_aux(w: &str) -> bool {
    is_modal(w) || is_be(w) || is_have(w) || is_do(w)
}

pub fn is_negator(w: &str) -> bool {
    matches!(w, "NOT" | "N'T" | "NEVER" | "NEITHER" | "NOR" | "NO" | "WITHOUT")
}

/// Verbs that negate the event they govern: "refused to send", "stopped short of sending".
pub fn is_negating_verb(w: &str) -> bool {
    matches!(
        w,
        "REFUSE" | "REFUSED" | "REFUSES" | "REFUSING" | "DECLINE" | "DECLINED" | "DECLINES" | "DECLINING" | "FAIL" | "FAILED" | "FAILS" | "FAILING"
            | "DENY" | "DENIED" | "DENIES" | "DENYING" | "AVOID" | "AVOIDED" | "AVOIDS" | "AVOIDING" | "REFRAIN" | "REFRAINED" | "REFRAINS" | "REFRAINING"
            | "STOPPED" | "STOP" | "STOPS" | "STOPPING" | "FELL" | "FALL" | "FALLS" | "FALLING" | "CEASED" | "HALTED" | "RULED" | "REJECTED"
    )
}

/// Words that put the event in the future: "will visit", "plans to visit", "is set to visit".
pub fn is_future_marker(w: &str) -> bool {
    matches!(
        w,
        "WILL" | "'LL" | "SHALL" | "WO" | "PLAN" | "PLANS" | "PLANNED" | "PLANNING" | "SET" | "EXPECTED" | "SCHEDULED" | "DUE" | "INTEND" | "INTENDS" | "INTENDED"
            | "INTENDING" | "ABOUT" | "GOING" | "PREPARING" | "PREPARES" | "TO-BE" | "UPCOMING" | "FORTHCOMING"
    )
}

/// Words that make the event hypothetical: "could visit", "may attack", "if it attacks".
pub fn is_hypothetical_marker(w: &str) -> bool {
    matches!(w, "COULD" | "MIGHT" | "MAY" | "WOULD" | "SHOULD" | "'D" | "IF" | "UNLESS" | "CAN" | "CA" | "MUST" | "POSSIBLY" | "PERHAPS" | "THREATENED" | "WANTS" | "WANTED" | "SEEKS" | "SOUGHT" | "HOPES" | "HOPED")
}

/// Words that open a subordinate or relative clause.
pub fn is_subordinator(w: &str) -> bool {
    matches!(
        w,
        "WHEN" | "AFTER" | "BEFORE" | "WHILE" | "BECAUSE" | "ALTHOUGH" | "THOUGH" | "UNTIL" | "SINCE" | "WHERE" | "IF" | "UNLESS" | "WHEREAS" | "WHO" | "WHICH" | "WHOM"
            | "WHOSE" | "AS" | "ONCE"
    )
}

pub fn is_coordinator(w: &str) -> bool {
    matches!(w, "AND" | "OR" | "NOR" | "BUT")
}

/// Hard clause boundaries: nothing is looked for across them.
pub fn is_hard_boundary(w: &str) -> bool {
    matches!(w, ";" | ":" | "--" | "—" | "–" | "(" | ")" | "\"" | "''" | "``")
}

/// Adverbs and time words that may sit between a subject and its verb.
pub fn is_skippable_adverb(w: &str) -> bool {
    w.ends_with("LY")
        || matches!(
            w,
            "ALSO" | "AGAIN" | "NOW" | "STILL" | "ALREADY" | "JUST" | "EVEN" | "EVER" | "SOON" | "THEN" | "TODAY" | "YESTERDAY" | "TOMORROW" | "RECENTLY" | "LATER"
                | "EARLIER" | "ONCE" | "ALWAYS" | "REPORTEDLY" | "REALLY" | "MOST" | "CERTAINLY" | "NOT" | "N'T" | "NEVER" | "JOINTLY" | "FINALLY" | "TO"
        )
}

pub fn is_weekday_or_month(w: &str) -> bool {
    matches!(
        w,
        "MONDAY" | "TUESDAY" | "WEDNESDAY" | "THURSDAY" | "FRIDAY" | "SATURDAY" | "SUNDAY" | "JANUARY" | "FEBRUARY" | "MARCH" | "APRIL" | "MAY" | "JUNE" | "JULY"
            | "AUGUST" | "SEPTEMBER" | "OCTOBER" | "NOVEMBER" | "DECEMBER" | "WEEK" | "MONTH" | "YEAR" | "NIGHT" | "MORNING" | "EVENING" | "WEEKEND" | "DAY"
    )
}

/// Prepositions that attach an actor to an agent: "the government *of* Gondor",
/// "soldiers *from* Gondor", "lawmakers *in* Fornost".
pub fn is_agent_preposition(w: &str) -> bool {
    matches!(w, "OF" | "FROM" | "IN")
}

/// Light verbs: their event is in the noun they take ("made a visit", "held talks").
pub fn is_light_verb(w: &str) -> bool {
    matches!(
        w,
        "MAKE" | "MAKES" | "MADE" | "MAKING" | "PAY" | "PAYS" | "PAID" | "PAYING" | "HOLD" | "HOLDS" | "HELD" | "HOLDING" | "CONDUCT" | "CONDUCTS" | "CONDUCTED"
            | "CONDUCTING" | "CARRY" | "CARRIES" | "CARRIED" | "CARRYING" | "BEGIN" | "BEGINS" | "BEGAN" | "BEGUN" | "BEGINNING" | "START" | "STARTS" | "STARTED"
            | "STARTING" | "LAUNCH" | "LAUNCHES" | "LAUNCHED" | "LAUNCHING" | "HAVE" | "HAS" | "HAD" | "HAVING" | "STAGE" | "STAGES" | "STAGED" | "STAGING"
            | "UNDERTAKE" | "UNDERTAKES" | "UNDERTOOK" | "UNDERTAKEN" | "UNDERTAKING" | "ISSUE" | "ISSUES" | "ISSUED" | "ISSUING" | "IMPOSE" | "IMPOSES"
            | "IMPOSED" | "IMPOSING" | "ORGANIZE" | "ORGANIZED" | "ORGANISE" | "ORGANISED" | "ORGANIZES" | "ORGANISES" | "EMBARK" | "EMBARKED" | "EMBARKS"
            | "EMBARKING" | "GIVE" | "GIVES" | "GAVE" | "GIVEN" | "GIVING" | "TAKE" | "TAKES" | "TOOK" | "TAKEN" | "TAKING" | "DELIVER" | "DELIVERS" | "DELIVERED"
            | "DELIVERING" | "RESUME" | "RESUMED" | "RESUMES" | "RESUMING" | "CONTINUE" | "CONTINUED" | "CONTINUES" | "CONTINUING" | "ENGAGE" | "ENGAGED" | "ENGAGES" | "ENGAGING"
    )
}

/// Personal pronouns that can stand for an earlier actor.
pub fn pronoun_kind(w: &str) -> Option<Pronoun> {
    match w {
        "IT" => Some(Pronoun::It),
        "THEY" => Some(Pronoun::They),
        "HE" | "SHE" => Some(Pronoun::Person),
        _ => None,
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pronoun {
    It,
    They,
    Person,
}

/// Verbs whose subject's clause-mates are causes: "X did A, causing Y to do B" makes X the
/// target of Y's reaction.
pub fn is_causative(w: &str) -> bool {
    matches!(w, "CAUSING" | "PROMPTING" | "FORCING" | "LEADING" | "TRIGGERING" | "SPARKING" | "PROVOKING" | "SPURRING" | "CAUSED" | "PROMPTED" | "FORCED" | "PROVOKED" | "TRIGGERED")
}

/// Irregular past participles, for passive detection (regular ones end in -ED).
pub fn is_irregular_participle(w: &str) -> bool {
    matches!(
        w,
        "SHOT" | "HIT" | "BEGUN" | "DONE" | "GONE" | "COME" | "BECOME" | "RUN" | "DRAWN" | "GROWN" | "SHOWN" | "FLOWN" | "SWORN" | "KILLED" | "STRUCK" | "HELD" | "TAKEN" | "GIVEN" | "SEEN" | "KNOWN" | "MADE" | "SENT" | "BROKEN" | "BEATEN" | "CAUGHT" | "SOLD" | "BOUGHT"
            | "BROUGHT" | "FOUGHT" | "TOLD" | "LED" | "MET" | "PAID" | "FREED" | "DRIVEN" | "THROWN" | "BLOWN" | "WOUNDED" | "SLAIN" | "HURT" | "SEIZED" | "SPOKEN"
            | "WRITTEN" | "CHOSEN" | "FORGIVEN" | "HIDDEN" | "BITTEN" | "STOLEN" | "SHAKEN" | "WITHDRAWN" | "OVERTHROWN" | "UNDERTAKEN" | "LEFT" | "BEEN" | "BUILT" | "KEPT" | "LOST" | "WON" | "PUT" | "SET" | "CUT" | "SPENT" | "SOUGHT"
    )
}
