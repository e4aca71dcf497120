//! One event per happening: which stored event a new mention belongs to.
//!
//! A mention joins a stored event when all of these hold:
//! - the same source actor code, the same target actor code and the same
//!   CAMEO event code;
//! - dates at most [`MergeRule::window_days`] apart (the event's date is its
//!   first mention's); a mention without a date joins only an undated event
//!   first seen in the same document;
//! - when both have a place with coordinates, places at most
//!   [`MergeRule::max_km`] apart (a place known on one side only does not
//!   keep them apart).
//!
//! Among several such events the nearest in date wins, then the nearest in
//! space, then the oldest. Mentions in other articles, other sites and the
//! same article all merge alike; the counts ([`Counts`]) say how many.

use std::collections::{BTreeMap, BTreeSet};

/// The parameters of the merge rule.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MergeRule {
    /// Largest difference in days between the event's date and the mention's.
    pub window_days: i64,
    /// Largest distance in kilometres between two known places.
    pub max_km: f64,
}

impl Default for MergeRule {
    fn default() -> MergeRule {
        MergeRule {
            window_days: 1,
            max_km: 50.0,
        }
    }
}

/// A stored event as the rule sees it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Candidate {
    pub event: i64,
    /// Days since 1970-01-01.
    pub day: Option<i64>,
    pub point: Option<(f64, f64)>,
}

impl MergeRule {
    /// The event among `candidates` (already of the same source, target and
    /// code) that a mention dated `day` at `point` joins, if any.
    pub fn choose(
        &self,
        day: Option<i64>,
        point: Option<(f64, f64)>,
        candidates: &[Candidate],
    ) -> Option<i64> {
        candidates
            .iter()
            .filter_map(|c| {
                let gap = match (day, c.day) {
                    (Some(a), Some(b)) if (a - b).abs() <= self.window_days => (a - b).abs(),
                    (None, None) => 0,
                    _ => return None,
                };
                let km = match (point, c.point) {
                    (Some(a), Some(b)) => {
                        let km = distance_km(a, b);
                        if km > self.max_km {
                            return None;
                        }
                        km
                    }
                    _ => 0.0,
                };
                Some((gap, km, c.event))
            })
            .min_by(|a, b| a.0.cmp(&b.0).then(a.1.total_cmp(&b.1)).then(a.2.cmp(&b.2)))
            .map(|(_, _, event)| event)
    }
}

/// Great-circle distance in kilometres between two (lat, lon) points.
pub fn distance_km(a: (f64, f64), b: (f64, f64)) -> f64 {
    let (lat1, lon1) = (a.0.to_radians(), a.1.to_radians());
    let (lat2, lon2) = (b.0.to_radians(), b.1.to_radians());
    let h = ((lat2 - lat1) / 2.0).sin().powi(2)
        + lat1.cos() * lat2.cos() * ((lon2 - lon1) / 2.0).sin().powi(2);
    2.0 * 6371.0 * h.sqrt().min(1.0).asin()
}

/// One mention of an event with what counting needs of its document.
#[derive(Debug, Clone, PartialEq)]
pub struct MentionOf {
    pub doc: i64,
    /// The document's source (site).
    pub site: String,
    /// The document's near-duplicate group (the key of its first member).
    pub cluster: i64,
    pub tone: f64,
}

/// An event's counts, as GDELT 2.0 defines them, with near-duplicates
/// counted once per source.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Counts {
    /// Mentions in the articles counted (several per article count).
    pub mentions: i64,
    /// Distinct sources (sites) mentioning the event.
    pub sources: i64,
    /// Distinct articles, where copies of one story on one site are one article.
    pub articles: i64,
    /// Distinct stories: near-duplicate copies on any site are one story.
    pub stories: i64,
    /// Mean tone of the articles counted.
    pub avg_tone: f64,
}

/// Counts an event's mentions: an article counts unless an earlier article
/// of the same source is a near-duplicate of it (same cluster); the mentions
/// counted are those of the articles counted.
pub fn count(mentions: &[MentionOf]) -> Counts {
    // (site, cluster) -> the first document of that group.
    let mut first: BTreeMap<(&str, i64), i64> = BTreeMap::new();
    for m in mentions {
        let entry = first.entry((m.site.as_str(), m.cluster)).or_insert(m.doc);
        *entry = (*entry).min(m.doc);
    }
    let counted: BTreeSet<i64> = first.values().copied().collect();
    let mut tones: BTreeMap<i64, f64> = BTreeMap::new();
    let mut counts = Counts::default();
    for m in mentions.iter().filter(|m| counted.contains(&m.doc)) {
        counts.mentions += 1;
        tones.insert(m.doc, m.tone);
    }
    counts.articles = counted.len() as i64;
    counts.sources = mentions
        .iter()
        .map(|m| m.site.as_str())
        .collect::<BTreeSet<_>>()
        .len() as i64;
    counts.stories = mentions
        .iter()
        .map(|m| m.cluster)
        .collect::<BTreeSet<_>>()
        .len() as i64;
    if !tones.is_empty() {
        counts.avg_tone = tones.values().sum::<f64>() / tones.len() as f64;
    }
    counts
}

#[cfg(test)]
mod tests {
    use super::*;

    const KABUL: (f64, f64) = (34.53, 69.17);
    const JALALABAD: (f64, f64) = (34.43, 70.45);

    fn cand(event: i64, day: Option<i64>, point: Option<(f64, f64)>) -> Candidate {
        Candidate { event, day, point }
    }

    #[test]
    fn nearest_date_within_the_window_wins() {
        let rule = MergeRule::default();
        let cs = [cand(1, Some(100), None), cand(2, Some(102), None)];
        assert_eq!(rule.choose(Some(101), None, &cs), Some(1));
        assert_eq!(rule.choose(Some(102), None, &cs), Some(2));
        assert_eq!(rule.choose(Some(104), None, &cs), None);
        assert_eq!(rule.choose(None, None, &cs), None);
        assert_eq!(rule.choose(None, None, &[cand(3, None, None)]), Some(3));
    }

    #[test]
    fn places_far_apart_keep_events_apart() {
        let rule = MergeRule::default();
        assert!(distance_km(KABUL, JALALABAD) > 100.0);
        let cs = [cand(1, Some(100), Some(KABUL))];
        assert_eq!(rule.choose(Some(100), Some(JALALABAD), &cs), None);
        assert_eq!(rule.choose(Some(100), Some((34.55, 69.2)), &cs), Some(1));
        // A place known on one side only does not keep them apart.
        assert_eq!(rule.choose(Some(100), None, &cs), Some(1));
    }

    fn m(doc: i64, site: &str, cluster: i64) -> MentionOf {
        MentionOf {
            doc,
            site: site.to_string(),
            cluster,
            tone: doc as f64,
        }
    }

    #[test]
    fn copies_count_once_per_source() {
        // One wire story (cluster 1) on three sites, one site carrying it
        // twice; the first article mentions the event twice.
        let counts = count(&[
            m(1, "a", 1),
            m(1, "a", 1),
            m(2, "b", 1),
            m(3, "c", 1),
            m(4, "c", 1),
        ]);
        assert_eq!(counts.mentions, 4);
        assert_eq!(counts.articles, 3);
        assert_eq!(counts.sources, 3);
        assert_eq!(counts.stories, 1);
        assert_eq!(counts.avg_tone, 2.0);
    }
}
