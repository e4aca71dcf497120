//! Closed word lists that tell a place name from the names around it.
//!
//! Every list is of folded keys (ASCII capitals, see [`crate::fold`]).

/// Prepositions after which a capitalized name is most often a place.
pub fn is_place_preposition(w: &str) -> bool {
    matches!(
        w,
        "IN" | "AT"
            | "NEAR"
            | "FROM"
            | "TO"
            | "OUTSIDE"
            | "INTO"
            | "ACROSS"
            | "AROUND"
            | "TOWARD"
            | "TOWARDS"
            | "THROUGH"
            | "THROUGHOUT"
            | "WITHIN"
            | "BETWEEN"
            | "VIA"
            | "INSIDE"
            | "NORTH"
            | "SOUTH"
            | "EAST"
            | "WEST"
            | "OF"
            | "ONTO"
            | "BEYOND"
            | "BORDERING"
            | "VISITED"
            | "VISITING"
    )
}

/// Direction words before a place ("northern Mali", "south-west of X").
pub fn is_direction(w: &str) -> bool {
    matches!(
        w,
        "NORTHERN"
            | "SOUTHERN"
            | "EASTERN"
            | "WESTERN"
            | "CENTRAL"
            | "NORTHEASTERN"
            | "NORTHWESTERN"
            | "SOUTHEASTERN"
            | "SOUTHWESTERN"
            | "NORTH"
            | "SOUTH"
            | "EAST"
            | "WEST"
            | "NORTHEAST"
            | "NORTHWEST"
            | "SOUTHEAST"
            | "SOUTHWEST"
            | "UPSTATE"
            | "DOWNSTATE"
            | "DOWNTOWN"
            | "GREATER"
            | "METRO"
            | "RURAL"
            | "SUBURBAN"
            | "COASTAL"
            | "OCCUPIED"
            | "NEIGHBORING"
            | "NEIGHBOURING"
    )
}

/// Lower-case kind words after a name ("the Diyala province", "Tikrit city").
pub fn is_area_word(w: &str) -> bool {
    is_division_word(w)
        || matches!(
            w,
            "DISTRICT"
                | "TERRITORIES"
                | "VALLEY"
                | "BORDER"
                | "COUNTRYSIDE"
                | "COAST"
                | "ENCLAVE"
                | "REPUBLIC"
                | "HIGHLANDS"
        )
}

/// Area words that name a division wider than a town ("the Tulmek Local
/// Government Area", "Dorvan Province"), unlike a town's district.
pub fn is_division_word(w: &str) -> bool {
    matches!(
        w,
        "REGION"
            | "PROVINCE"
            | "GOVERNORATE"
            | "STATE"
            | "COUNTY"
            | "PARISH"
            | "AREA"
            | "OBLAST"
            | "PREFECTURE"
            | "TERRITORY"
    )
}

/// Lower-case words after a name that make it a town ("Tikrit city").
pub fn is_settlement_word(w: &str) -> bool {
    matches!(
        w,
        "CITY" | "TOWN" | "VILLAGE" | "TOWNSHIP" | "CAPITAL" | "SUBURB" | "NEIGHBORHOOD" | "HAMLET"
    )
}

/// The singular of a folded place noun ("CITIES" → "CITY", "VILLAGES" →
/// "VILLAGE"); other words as they are.
pub fn singular(w: &str) -> &str {
    match w {
        "CITIES" => "CITY",
        "COUNTIES" => "COUNTY",
        "LOCALITIES" => "LOCALITY",
        "COUNTRYSIDE" | "COMMUNES" => w,
        _ => w.strip_suffix('S').unwrap_or(w),
    }
}

/// Nouns of direction that locate what they are "of" ("north of
/// Osgiliath", "the outskirts of Osgiliath"); also the last part of a
/// compound one ("north-northeast").
pub fn is_direction_noun(w: &str) -> bool {
    let last = w.rsplit(['-', ' ']).next().unwrap_or(w);
    matches!(
        last,
        "NORTH"
            | "SOUTH"
            | "EAST"
            | "WEST"
            | "NORTHEAST"
            | "NORTHWEST"
            | "SOUTHEAST"
            | "SOUTHWEST"
            | "OUTSKIRTS"
            | "OUTSKIRT"
    )
}

/// Words for a named local place, after its name or before "of" ("the
/// Qarvesh village", "the village of Qarvesh", "the Zarbeki airbase", "the
/// Kelmora camp"), singular or plural: with one of these a capitalized name
/// the gazetteer does not hold is still a place.
pub fn is_local_place_word(w: &str) -> bool {
    let singular = singular(w);
    is_settlement_word(singular)
        || is_area_word(singular)
        || matches!(
            singular,
            "CAMP"
                | "COMMUNE"
                | "COMMUNES"
                | "MUNICIPALITY"
                | "NEIGHBOURHOOD"
                | "LOCALITY"
                | "SETTLEMENT"
                | "QUARTER"
                | "AIRBASE"
                | "AIRPORT"
                | "CHECKPOINT"
                | "CROSSING"
                | "GORGE"
                | "HILL"
                | "HILLTOP"
                | "PASS"
                | "FARM"
                | "FIELD"
                | "ORCHARD"
                | "CASTLE"
                | "ISLAND"
        )
}

/// Verbs (lemmas) whose object is most often a place: taking it, striking
/// it, guarding it, going into it. A lemma with its last consonant doubled
/// by a past or present form ("PATROLL" of "patrolled"), or an "E" added
/// ("RAIDE" of "raided"), counts as the verb.
pub fn is_place_taking_verb(lemma: &str) -> bool {
    // (Also the lemmatizer's slips on past forms: "patroll", "raide".)
    let b = lemma.as_bytes();
    let slip = match b {
        [.., x, y] if x == y && !b"AEIOUS".contains(x) => &lemma[..lemma.len() - 1],
        [.., b'E'] => &lemma[..lemma.len() - 1],
        _ => lemma,
    };
    is_place_taking_lemma(lemma) || is_place_taking_lemma(slip)
}

fn is_place_taking_lemma(lemma: &str) -> bool {
    matches!(
        lemma,
        "CAPTURE"
            | "RECAPTURE"
            | "SEIZE"
            | "RETAKE"
            | "STORM"
            | "OVERRUN"
            | "OCCUPY"
            | "INVADE"
            | "ENTER"
            | "BESIEGE"
            | "ENCIRCLE"
            | "SHELL"
            | "BOMB"
            | "BOMBARD"
            | "RAID"
            | "PATROL"
            | "LIBERATE"
            | "EVACUATE"
            | "VISIT"
            | "TOUR"
            | "ANNEX"
            | "BLOCKADE"
    )
}

/// Words that begin transliterated Arabic place names: mountain, hill,
/// valley, cape, village, house, monastery, spring, well, caravanserai,
/// courtyard, meadow ("Jabal Qarvesh", "Tal Dorvan", "Kafr Tulmek").
pub fn is_place_name_prefix(w: &str) -> bool {
    matches!(
        w,
        "JABAL"
            | "JEBEL"
            | "TAL"
            | "TALL"
            | "TELL"
            | "WADI"
            | "RAS"
            | "KAFR"
            | "KFAR"
            | "BEIT"
            | "BAYT"
            | "DEIR"
            | "DAYR"
            | "AIN"
            | "AYN"
            | "BIR"
            | "KHAN"
            | "HAWSH"
            | "MARJ"
            | "SHATT"
            | "NAHR"
            | "QASR"
            | "SAHL"
            | "BAB"
            | "DAHIYA"
            | "DAHIYAT"
    )
}

/// Words that end the name of a site where things happen ("the Kelmora
/// Hospital", "the Tulmek Mosque").
pub fn is_site_word(w: &str) -> bool {
    matches!(
        w,
        "HOSPITAL"
            | "UNIVERSITY"
            | "COLLEGE"
            | "SCHOOL"
            | "STADIUM"
            | "MOSQUE"
            | "CHURCH"
            | "PRISON"
            | "PALACE"
            | "ROUNDABOUT"
    )
}

/// Capitalized words after a place name that make the whole the name of
/// something in that place ("Ohio State University", "Alexandria Police
/// Department"): the place is still mentioned.
pub fn is_institution_word(w: &str) -> bool {
    matches!(
        w,
        "POLICE"
            | "DEPARTMENT"
            | "UNIVERSITY"
            | "COLLEGE"
            | "SCHOOL"
            | "SCHOOLS"
            | "HIGH"
            | "MIDDLE"
            | "ELEMENTARY"
            | "HOSPITAL"
            | "FIRE"
            | "SHERIFF"
            | "SHERIFFS"
            | "COUNCIL"
            | "BOARD"
            | "TIMES"
            | "POST"
            | "HERALD"
            | "NEWS"
            | "TRIBUNE"
            | "JOURNAL"
            | "DAILY"
            | "GAZETTE"
            | "AIRPORT"
            | "STATION"
            | "CHURCH"
            | "COURT"
            | "COURTHOUSE"
            | "JAIL"
            | "PRISON"
            | "ARMY"
            | "GOVERNMENT"
            | "PARLIAMENT"
            | "ASSEMBLY"
            | "SENATE"
            | "LEGISLATURE"
            | "MUSEUM"
            | "LIBRARY"
            | "CENTER"
            | "CENTRE"
            | "STADIUM"
            | "CLUB"
            | "COMPANY"
            | "BANK"
            | "PARTY"
            | "CHAMBER"
            | "COMMISSION"
            | "AUTHORITY"
            | "MUNICIPAL"
            | "STATE"
            | "REPUBLICAN"
            | "REPUBLICANS"
            | "DEMOCRAT"
            | "DEMOCRATS"
            | "DEMOCRATIC"
            | "GOV"
            | "SEN"
            | "REP"
            | "MAYOR"
            | "GOVERNOR"
            | "ATTORNEY"
            | "HEALTH"
            | "WATER"
            | "TRANSIT"
            | "REGIONAL"
            | "INTERNATIONAL"
            | "NATIONAL"
            | "MEMORIAL"
            | "MEDICAL"
            | "GENERAL"
            | "JUNIOR"
            | "SENIOR"
            | "COMMUNITY"
            | "TECH"
            | "TECHNICAL"
            | "INSTITUTE"
            | "ACADEMY"
            | "CITY"
            | "TOWNSHIP"
            | "AREA"
            | "PUBLIC"
            | "ZOO"
            | "MINISTRY"
            | "EMBASSY"
            | "CONSULATE"
            | "FEDERAL"
            | "PROVINCIAL"
            | "METROPOLITAN"
            | "CATHOLIC"
            | "BAPTIST"
            | "METHODIST"
            | "UNITED"
            | "ASSOCIATION"
            | "SOCIETY"
            | "FOUNDATION"
            | "OFFICE"
            | "OFFICIALS"
            | "RESIDENTS"
            | "PEOPLE"
            | "FORCES"
            | "TROOPS"
            | "CHAPTER"
            | "BUREAU"
            | "AGENCY"
            | "MARKET"
            | "MALL"
            | "HOTEL"
            | "CONVENTION"
            | "FAIR"
            | "FESTIVAL"
            | "HIGHWAY"
            | "PATROL"
            | "SERVICE"
            | "SERVICES"
            | "VETERANS"
            | "PROJECT"
            | "AUDITOR"
            | "HOUSE"
            | "CENSUS"
            | "REVIEW"
            | "CORONER"
            | "CORONERS"
            | "TRIAL"
            | "LAWYERS"
            | "TRANSPORTATION"
            | "IMPROVEMENT"
            | "RECREATION"
            | "COMMERCE"
            | "ALCOHOLIC"
            | "EXAMINER"
            | "DIVISION"
            | "CORRECTIONS"
            | "CORRECTIONAL"
            | "EMERGENCY"
            | "MANAGEMENT"
            | "UTILITY"
            | "UTILITIES"
            | "POWER"
            | "ELECTRIC"
            | "ENERGY"
            | "AIRLINES"
            | "RAILWAY"
            | "RAILROAD"
            | "PORT"
            | "CLINIC"
            | "HUMANE"
            | "SYMPHONY"
            | "ORCHESTRA"
            | "OPERA"
            | "BALLET"
            | "THEATRE"
            | "THEATER"
            | "ARTS"
            | "SCIENCE"
            | "HISTORICAL"
            | "LEGION"
            | "GUARD"
            | "NAVY"
            | "RESERVE"
            | "BAR"
            | "CIRCUIT"
            | "APPEALS"
            | "SUPERIOR"
            | "MAGISTRATE"
            | "PROBATE"
            | "JUVENILE"
            | "HOUSING"
            | "DEVELOPMENT"
            | "PLANNING"
            | "ZONING"
            | "EDUCATION"
            | "TEACHERS"
            | "UNION"
            | "FEDERATION"
            | "LEAGUE"
            | "CONFERENCE"
            | "VISITORS"
            | "TOURISM"
            | "BUSINESS"
            | "STAR"
            | "SUN"
            | "OBSERVER"
            | "CHRONICLE"
            | "RECORD"
            | "REGISTER"
            | "COURIER"
            | "PRESS"
            | "DISPATCH"
            | "INQUIRER"
            | "GLOBE"
            | "MAIL"
            | "TELEGRAPH"
            | "GUARDIAN"
            | "STANDARD"
            | "LEDGER"
            | "RADIO"
            | "TELEVISION"
            | "CHANNEL"
            | "POLICEMEN"
            | "FIREFIGHTERS"
            | "PD"
            | "PROSECUTOR"
            | "PROSECUTORS"
            | "VICTIMS"
            | "GENEALOGY"
            | "COMMISSIONERS"
            | "FAIRGROUNDS"
            | "CIVIC"
            | "CITIZENS"
            | "RIDING"
            | "BUSINESSES"
            | "REALTORS"
            | "HOMELAND"
            | "SECURITY"
            | "ECONOMIC"
            | "INDUSTRIAL"
            | "FARM"
            | "FARMERS"
            | "COOPERATIVE"
            | "CREDIT"
            | "INSURANCE"
            | "TRUST"
            | "FUND"
            | "CORPORATION"
            | "CORP"
            | "INC"
            | "LTD"
            | "GROUP"
            | "PARTNERS"
            | "CHARTER"
            | "COUNCILMAN"
            | "COUNCILWOMAN"
            | "ALDERMAN"
            | "CLERK"
            | "TREASURER"
            | "ASSESSOR"
            | "ENGINEER"
            | "MANAGER"
            | "ADMINISTRATOR"
            | "DIRECTOR"
            | "SPOKESMAN"
            | "SPOKESWOMAN"
            | "LADIES"
            | "WOMEN"
            | "MEN"
            | "YOUTH"
            | "CHILDREN"
            | "COUNTY"
            | "PARISH"
            | "BOROUGH"
            | "DISTRICT"
            | "REGION"
            | "PROVINCE"
    )
}

/// Capitalized words after a name that make it the name of a different,
/// physical place ("Ohio River", "Victoria Street"): not a mention of the
/// place the first word names.
pub fn is_feature_word(w: &str) -> bool {
    matches!(
        w,
        "RIVER"
            | "LAKE"
            | "MOUNTAIN"
            | "MOUNTAINS"
            | "MOUNT"
            | "ISLAND"
            | "ISLANDS"
            | "BAY"
            | "SEA"
            | "GULF"
            | "CREEK"
            | "CANYON"
            | "DESERT"
            | "FOREST"
            | "OCEAN"
            | "STRAIT"
            | "PENINSULA"
            | "STREET"
            | "ST"
            | "ROAD"
            | "RD"
            | "AVENUE"
            | "AVE"
            | "BOULEVARD"
            | "BLVD"
            | "DRIVE"
            | "LANE"
            | "HIGHWAY"
            | "PIKE"
            | "SQUARE"
            | "BRIDGE"
            | "DAM"
            | "FALLS"
            | "HILLS"
            | "PARK"
            | "TRAIL"
            | "CANAL"
            | "BASIN"
            | "SPRINGS"
            | "HEIGHTS"
            | "BEACH"
            | "PLAZA"
            | "WAY"
            | "PLACE"
            | "COURTS"
            | "CIRCLE"
    )
}

/// Titles and honorifics before a person's name.
pub fn is_person_title(w: &str) -> bool {
    matches!(
        w,
        "MR" | "MRS"
            | "MS"
            | "MISS"
            | "DR"
            | "SEN"
            | "REP"
            | "GOV"
            | "LT"
            | "GEN"
            | "COL"
            | "CAPT"
            | "SGT"
            | "CPL"
            | "PVT"
            | "MAJ"
            | "ADM"
            | "JUDGE"
            | "JUSTICE"
            | "OFFICER"
            | "DEPUTY"
            | "COACH"
            | "PRESIDENT"
            | "PRIME"
            | "MINISTER"
            | "SECRETARY"
            | "KING"
            | "QUEEN"
            | "PRINCE"
            | "PRINCESS"
            | "SHEIKH"
            | "SHEIK"
            | "REV"
            | "REVEREND"
            | "FATHER"
            | "SISTER"
            | "BROTHER"
            | "SAINT"
            | "POPE"
            | "LORD"
            | "SIR"
            | "DAME"
            | "MAYOR"
            | "GOVERNOR"
            | "SENATOR"
            | "CHIEF"
            | "DETECTIVE"
            | "TROOPER"
            | "SHERIFF"
            | "COMMISSIONER"
            | "SUPERINTENDENT"
            | "PASTOR"
            | "BISHOP"
            | "AYATOLLAH"
            | "IMAM"
            | "MULLAH"
    )
}

/// The names of the days and months, in full.
fn is_day_or_month_name(w: &str) -> bool {
    matches!(
        w,
        "JANUARY"
            | "FEBRUARY"
            | "MARCH"
            | "APRIL"
            | "MAY"
            | "JUNE"
            | "JULY"
            | "AUGUST"
            | "SEPTEMBER"
            | "OCTOBER"
            | "NOVEMBER"
            | "DECEMBER"
            | "MONDAY"
            | "TUESDAY"
            | "WEDNESDAY"
            | "THURSDAY"
            | "FRIDAY"
            | "SATURDAY"
            | "SUNDAY"
    )
}

/// Capitalized words that are never place mentions on their own although
/// some town is so named: months, days, and the like.
pub fn is_never_place(w: &str) -> bool {
    is_day_or_month_name(w)
        || matches!(
            w,
            "GOD"
                | "JESUS"
                | "ALLAH"
                | "CHRISTMAS"
                | "EASTER"
                | "RAMADAN"
                | "I"
                | "A"
                | "AN"
                | "THE"
                | "THIS"
                | "THAT"
                | "IT"
                | "HE"
                | "SHE"
                | "WE"
                | "THEY"
                | "BUT"
                | "AND"
                | "OR"
                | "IF"
                | "SO"
                | "AS"
                | "ON"
                | "IN"
                | "AT"
                | "BY"
                | "FOR"
                | "NO"
                | "YES"
                | "OK"
                | "TV"
                | "AM"
                | "PM"
                | "CEO"
                | "MP"
                | "MPS"
                | "UN"
                | "EU"
                | "NATO"
                | "AP"
                | "AFP"
                | "CNN"
                | "BBC"
                | "ABC"
                | "CBS"
                | "NBC"
                | "FOX"
                | "WWII"
                | "WORLD"
                | "INTERNET"
                | "WEB"
                | "NEW"
                | "OLD"
                | "GREAT"
                | "CENTRAL"
                | "NORTH"
                | "SOUTH"
                | "EAST"
                | "WEST"
                | "MIDDLE"
                | "UNION"
                | "LIBERTY"
                | "JUSTICE"
                | "HOPE"
                | "PEACE"
                | "VICTORY"
                | "FREEDOM"
                | "PROGRESS"
                | "REPUBLIC"
                | "NATION"
                | "CAPITAL"
                | "COUNTY"
                | "CITY"
                | "STATE"
                | "PROVINCE"
                | "GOVERNMENT"
                | "POLICE"
                | "ARMY"
                | "SENATE"
                | "CONGRESS"
                | "PARLIAMENT"
                | "FEDERAL"
                | "NATIONAL"
                | "INTERNATIONAL"
                | "COMMUNITY"
                | "REPUBLICAN"
                | "DEMOCRAT"
                | "DEMOCRATIC"
                | "HOUSE"
                | "SUPREME"
                | "COURT"
                | "GENERAL"
                | "PRESIDENT"
                | "GOVERNOR"
                | "MAYOR"
                | "MUSLIM"
                | "ISLAMIC"
                | "CHRISTIAN"
                | "JEWISH"
                | "CATHOLIC"
                | "ARAB"
                | "ARABS"
                | "KURDISH"
                | "SUNNI"
                | "SHIITE"
                | "SHIA"
                | "TALIBAN"
                | "HAMAS"
                | "HEZBOLLAH"
                | "FATAH"
                | "QAEDA"
                | "AL"
                | "EL"
                | "MAN"
                | "WOMAN"
                | "BOY"
                | "GIRL"
        )
}

/// US state abbreviations as newspapers write them after a town ("Paris,
/// Ky."; AP style and postal codes), with the GeoNames admin1 code.
pub fn us_state_abbreviation(w: &str) -> Option<&'static str> {
    Some(match w {
        "ALA" | "AL" => "AL",
        "ALASKA" | "AK" => "AK",
        "ARIZ" | "AZ" => "AZ",
        "ARK" | "AR" => "AR",
        "CALIF" | "CAL" | "CA" => "CA",
        "COLO" | "CO" => "CO",
        "CONN" | "CT" => "CT",
        "DEL" | "DE" => "DE",
        "DC" => "DC",
        "FLA" | "FL" => "FL",
        "GA" => "GA",
        "HAWAII" | "HI" => "HI",
        "IDAHO" | "ID" => "ID",
        "ILL" | "IL" => "IL",
        "IND" | "IN" => "IN",
        "IOWA" | "IA" => "IA",
        "KAN" | "KANS" | "KS" => "KS",
        "KY" => "KY",
        "LA" => "LA",
        "MAINE" | "ME" => "ME",
        "MD" => "MD",
        "MASS" | "MA" => "MA",
        "MICH" | "MI" => "MI",
        "MINN" | "MN" => "MN",
        "MISS" | "MS" => "MS",
        "MO" => "MO",
        "MONT" | "MT" => "MT",
        "NEB" | "NEBR" | "NE" => "NE",
        "NEV" | "NV" => "NV",
        "NH" => "NH",
        "NJ" => "NJ",
        "NM" => "NM",
        "NY" => "NY",
        "NC" => "NC",
        "ND" => "ND",
        "OHIO" | "OH" => "OH",
        "OKLA" | "OK" => "OK",
        "ORE" | "OR" => "OR",
        "PA" => "PA",
        "RI" => "RI",
        "SC" => "SC",
        "SD" => "SD",
        "TENN" | "TN" => "TN",
        "TEX" | "TX" => "TX",
        "UTAH" | "UT" => "UT",
        "VT" => "VT",
        "VA" => "VA",
        "WASH" | "WA" => "WA",
        "WVA" | "WV" => "WV",
        "WIS" | "WI" => "WI",
        "WYO" | "WY" => "WY",
        _ => return None,
    })
}

/// Lower-case words that may stand inside a place name ("Bosnia and
/// Herzegovina", "Rio de Janeiro", "Isle of Man").
pub fn is_name_connector(w: &str) -> bool {
    matches!(
        w,
        "OF" | "AND"
            | "DE"
            | "DEL"
            | "DELA"
            | "LA"
            | "LE"
            | "LES"
            | "LOS"
            | "LAS"
            | "EL"
            | "AL"
            | "THE"
            | "DA"
            | "DO"
            | "DOS"
            | "DAS"
            | "DU"
            | "DES"
            | "DI"
            | "AM"
            | "AN"
            | "DER"
            | "DEN"
            | "SUR"
            | "UPON"
            | "ON"
            | "Y"
            | "E"
            | "EN"
            | "IM"
            | "BIN"
            | "IBN"
            | "ABU"
            | "UR"
            | "ES"
            | "ET"
    )
}

/// Days and months, full and abbreviated: a capitalized word after a place
/// that does not make the place part of a longer name ("in Baghdad Sunday").
pub fn is_day_or_month(w: &str) -> bool {
    is_day_or_month_name(w)
        || matches!(
            w,
            "JAN"
                | "FEB"
                | "MAR"
                | "APR"
                | "JUN"
                | "JUL"
                | "AUG"
                | "SEP"
                | "SEPT"
                | "OCT"
                | "NOV"
                | "DEC"
        )
}

/// A US state in the abbreviation newspapers write (AP style: "Ky.",
/// "S.C.", "W.Va."), recognized wherever it stands, with its GeoNames
/// admin1 code. Only forms with a period, which no other word takes.
pub fn standalone_state_abbreviation(text: &str) -> Option<&'static str> {
    Some(match text {
        "Ala." => "AL",
        "Ariz." => "AZ",
        "Ark." => "AR",
        "Calif." => "CA",
        "Colo." => "CO",
        "Conn." => "CT",
        "Fla." => "FL",
        "Ga." => "GA",
        "Ill." => "IL",
        "Ind." => "IN",
        "Kan." | "Kans." => "KS",
        "Ky." => "KY",
        "La." => "LA",
        "Md." => "MD",
        "Mass." => "MA",
        "Mich." => "MI",
        "Minn." => "MN",
        "Mo." => "MO",
        "Mont." => "MT",
        "Neb." | "Nebr." => "NE",
        "Nev." => "NV",
        "N.H." => "NH",
        "N.J." => "NJ",
        "N.M." => "NM",
        "N.Y." => "NY",
        "N.C." => "NC",
        "N.D." => "ND",
        "Okla." => "OK",
        "Ore." => "OR",
        "Pa." => "PA",
        "R.I." => "RI",
        "S.C." => "SC",
        "S.D." => "SD",
        "Tenn." => "TN",
        "Tex." => "TX",
        "Vt." => "VT",
        "Va." => "VA",
        "Wash." => "WA",
        "W.Va." | "W. Va." => "WV",
        "Wis." => "WI",
        "Wyo." => "WY",
        "D.C." => "DC",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn place_taking_verbs_also_with_a_doubled_consonant() {
        for lemma in ["CAPTURE", "PATROL", "PATROLL", "BOMB", "SHELL", "RAIDE"] {
            assert!(is_place_taking_verb(lemma), "{lemma}");
        }
        for lemma in ["SAY", "ROLL", "ACCUSE", "", "L", "E"] {
            assert!(!is_place_taking_verb(lemma), "{lemma}");
        }
    }

    #[test]
    fn local_place_words_singular_and_plural() {
        for w in [
            "VILLAGE",
            "VILLAGES",
            "CITIES",
            "DISTRICTS",
            "CAMP",
            "AIRBASE",
            "FARMS",
        ] {
            assert!(is_local_place_word(w), "{w}");
        }
        for w in ["PRESIDENT", "TALKS", "S", ""] {
            assert!(!is_local_place_word(w), "{w}");
        }
    }
}
