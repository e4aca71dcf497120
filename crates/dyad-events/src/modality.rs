//! What mood does to an act: CAMEO's correspondences between an act and the
//! intent, threat, refusal, appeal or demand of it.
//!
//! CAMEO codes the *saying* of a future act apart from the act: "Gondor
//! will release the prisoners" is an intent to release them (0353), not a
//! release (0841); "Gondor threatened to impose a curfew" a threat of one
//! (1323); "Gondor refused to release them" a refusal to yield (1243);
//! "Rohan urged Gondor to release them" an appeal for it (0253); "Rohan
//! said Gondor must release them" a demand of it (1053). The codebook's
//! roots 02, 03, 10, 12 and 13 are laid out as mirrors of the acts (04–08
//! for cooperation, 14–20 for conflict); [`framed`] reads the mirror.

/// How an act is put by the clause that states it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Frame {
    /// Future, volition, readiness, promise: "will release", "plans to
    /// meet", "is ready to send", "pledged to withdraw". Cooperation maps
    /// to 03x, force and coercion to 13x (a stated intent to use force is a
    /// threat).
    Intent,
    /// "threatened to impose sanctions": 13x.
    Threat,
    /// "refused to release", "will not accept": 12x for cooperation; a
    /// refusal to use force is no event.
    Refusal,
    /// "urged Gondor to release": 02x, from the one who urges to the one
    /// urged.
    Appeal,
    /// "demanded that Gondor release", "said Gondor must release": 10x.
    Demand,
}

/// Acts of cooperation (roots 04–08) by code prefix, and their mirrors in
/// roots 02 (appeal), 03 (intent), 10 (demand) and 12 (refusal); the
/// longest prefix that fits wins.
const COOPERATION: &[(&str, [&str; 4])] = &[
    // act    appeal  intent  demand  refusal
    ("04", ["026", "036", "106", "125"]),
    ("045", ["028", "039", "108", "126"]),
    ("05", ["022", "032", "102", "120"]),
    ("057", ["020", "030", "100", "127"]),
    ("06", ["021", "031", "101", "121"]),
    ("061", ["0211", "0311", "1011", "1211"]),
    ("062", ["0212", "0312", "1012", "1212"]),
    ("063", ["0213", "0313", "1013", "121"]),
    ("064", ["0214", "0314", "1014", "121"]),
    ("07", ["023", "033", "103", "122"]),
    ("071", ["0231", "0331", "1031", "1221"]),
    ("072", ["0232", "0332", "1032", "1222"]),
    ("073", ["0233", "0333", "1033", "1223"]),
    ("074", ["0234", "0334", "1034", "1224"]),
    ("075", ["0233", "0333", "1033", "1223"]),
    ("08", ["025", "035", "105", "124"]),
    ("081", ["0251", "0351", "1051", "1241"]),
    ("082", ["0252", "0352", "1052", "1242"]),
    ("083", ["024", "034", "104", "123"]),
    ("0831", ["0241", "0341", "1041", "1231"]),
    ("0832", ["0242", "0342", "1042", "1232"]),
    ("0833", ["0243", "0343", "1043", "1233"]),
    ("0834", ["0244", "0344", "1044", "1234"]),
    ("084", ["0253", "0353", "1053", "1243"]),
    ("085", ["0254", "0354", "1054", "1244"]),
    ("086", ["0255", "0355", "1055", "1245"]),
    ("087", ["0256", "0356", "1056", "1246"]),
];

/// Acts of conflict (roots 14–20) by code prefix and the threat of each.
const CONFLICT: &[(&str, &str)] = &[
    ("14", "133"),
    ("15", "130"),
    ("16", "131"),
    ("161", "1313"),
    ("162", "1311"),
    ("163", "1312"),
    ("164", "134"),
    ("165", "135"),
    ("166", "136"),
    ("17", "130"),
    ("172", "132"),
    ("1721", "1321"),
    ("1722", "1322"),
    ("1723", "1323"),
    ("1724", "1324"),
    ("173", "137"),
    ("174", "137"),
    ("175", "137"),
    ("18", "1383"),
    ("19", "138"),
    ("191", "1381"),
    ("192", "1382"),
    ("193", "1384"),
    ("194", "1384"),
    ("195", "1384"),
    ("20", "138"),
    ("204", "1385"),
];

/// The longest-prefix entry of `table` that `code` starts with.
fn longest<'t, T>(table: &'t [(&str, T)], code: &str) -> Option<&'t T> {
    table
        .iter()
        .filter(|(prefix, _)| code.starts_with(prefix))
        .max_by_key(|(prefix, _)| prefix.len())
        .map(|(_, value)| value)
}

/// Acts that two parties do to each other: "Rohan and Gondor met", "…
/// signed a treaty", "… clashed". A compound subject with no target does
/// them each toward the other.
const MUTUAL: &[&str] = &[
    "03", "04", "050", "054", "057", "06", "161", "19", "0871", "0873",
];

/// Acts that mean something with no one named as their target ("Gondor
/// declared a truce", "the opposition demanded early elections",
/// "thousands protested", "Gondor mobilized its reserves", "the minister
/// resigned").
const WITHOUT_TARGET: &[&str] = &["02", "03", "08", "09", "10", "12", "13", "14", "15", "172"];

/// Whether act `code` is done by two parties to each other.
pub(crate) fn is_mutual(code: &str) -> bool {
    MUTUAL.iter().any(|p| code.starts_with(p))
}

/// Whether act `code` is an event even with no target named.
pub(crate) fn needs_no_target(code: &str) -> bool {
    WITHOUT_TARGET.iter().any(|p| code.starts_with(p))
}

/// The code of act `code` put in `frame`; `None` where CAMEO has no such
/// event (a refusal to attack, an intent to criticize: the act is coded
/// as it is, or not at all, by the caller).
pub(crate) fn framed(frame: Frame, code: &str) -> Option<&'static str> {
    if let Some(mirrors) = longest(COOPERATION, code) {
        return Some(match frame {
            Frame::Appeal => mirrors[0],
            Frame::Intent => mirrors[1],
            Frame::Demand => mirrors[2],
            Frame::Refusal => mirrors[3],
            // A threat to do something cooperative ("threatened to
            // withdraw its ambassador" is coded by its own verb): a threat.
            Frame::Threat => "130",
        });
    }
    if let Some(threat) = longest(CONFLICT, code) {
        return match frame {
            Frame::Intent | Frame::Threat => Some(threat),
            Frame::Appeal => Some("020"),
            Frame::Demand => Some("100"),
            Frame::Refusal => None,
        };
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_mirror_is_a_cameo_code_of_its_root() {
        for (act, mirrors) in COOPERATION {
            for (mirror, root) in mirrors.iter().zip(["02", "03", "10", "12"]) {
                assert!(
                    dyad_types::cameo::lookup(mirror).is_some() && mirror.starts_with(root),
                    "{act} -> {mirror}"
                );
            }
        }
        for (act, threat) in CONFLICT {
            assert!(
                dyad_types::cameo::lookup(threat).is_some() && threat.starts_with("13"),
                "{act} -> {threat}"
            );
        }
    }

    #[test]
    fn mutual_and_targetless_acts() {
        assert!(is_mutual("040") && is_mutual("057") && is_mutual("190"));
        assert!(!is_mutual("112") && !is_mutual("051"));
        assert!(needs_no_target("141") && needs_no_target("0871") && needs_no_target("1723"));
        assert!(!needs_no_target("190") && !needs_no_target("010") && !needs_no_target("112"));
    }

    #[test]
    fn acts_map_to_their_mirrors() {
        assert_eq!(framed(Frame::Intent, "0841"), Some("0353"));
        assert_eq!(framed(Frame::Intent, "0874"), Some("0356"));
        assert_eq!(framed(Frame::Intent, "042"), Some("036"));
        assert_eq!(framed(Frame::Intent, "190"), Some("138"));
        assert_eq!(framed(Frame::Threat, "1723"), Some("1323"));
        assert_eq!(framed(Frame::Threat, "163"), Some("1312"));
        assert_eq!(framed(Frame::Refusal, "0841"), Some("1243"));
        assert_eq!(framed(Frame::Refusal, "190"), None);
        assert_eq!(framed(Frame::Appeal, "0841"), Some("0253"));
        assert_eq!(framed(Frame::Demand, "0841"), Some("1053"));
        assert_eq!(framed(Frame::Demand, "0831"), Some("1041"));
        // Statements, appeals, demands and the like have no mirror.
        assert_eq!(framed(Frame::Intent, "112"), None);
        assert_eq!(framed(Frame::Intent, "010"), None);
    }
}
