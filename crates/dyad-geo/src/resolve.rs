//! Toponym resolution: which of the places a name may stand for the
//! document means.
//!
//! Each candidate place gets a score: its size (log population) and kind
//! (countries and capitals are what bare names most often mean), less when
//! only an alternate name matched; then what the document says: a
//! qualifier ("Paris, Texas") all but decides, the countries and
//! first-level divisions the other mentions of the document lie in count
//! for it, and so does being near the nearest earlier resolved place. The
//! document's context comes from a first pass over the confident mentions
//! (names with one reading, clear winners, demonyms), leaving out the
//! mentions of the same name, so a name does not vote for itself.
//!
//! A small town that wins with nothing in the document for it, or a name
//! whose best readings are far apart and close in score, is left out: no
//! coordinates rather than a guess.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use crate::gazetteer::{Gazetteer, Kind, NameKind, Place, PlaceId};
use crate::recognize::Candidate;

/// What the other mentions of the document say: how much each country and
/// each first-level division is present. A mention's own evidence is left
/// out when it is scored: the totals are also kept per name and per place,
/// so that neither the other mentions of the same name nor the mentions of
/// the same place ("Dublin City" for "Dublin") vote for it.
#[derive(Default)]
pub(crate) struct Context {
    countries: Map<[u8; 3], f32>,
    /// Sum of the weights of all countries.
    total: f32,
    admin1: Map<PlaceId, f32>,
    by_name_country: Map<(u64, [u8; 3]), f32>,
    by_name_admin1: Map<(u64, PlaceId), f32>,
    /// Weight of the mentions resolved to a place (its country and
    /// division got as much).
    by_place: Map<PlaceId, f32>,
    by_name_place: Map<(u64, PlaceId), f32>,
}

/// Hash maps keyed by small integers and codes of our own making: a
/// multiply-rotate hash (as rustc's FxHash) instead of SipHash, which guards
/// against keys chosen by an attacker that these are not.
type Map<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;

#[derive(Default, Clone, Copy)]
pub(crate) struct FxHasher(u64);

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.write_u64(u64::from(b));
        }
    }

    fn write_u64(&mut self, x: u64) {
        self.0 = (self.0.rotate_left(5) ^ x).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }

    fn write_u32(&mut self, x: u32) {
        self.write_u64(u64::from(x));
    }

    fn write_usize(&mut self, x: usize) {
        self.write_u64(x as u64);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

impl Context {
    /// Adds the evidence of one mention, of name `key`, resolved to `id`.
    pub fn add(&mut self, g: &Gazetteer, key: u64, id: PlaceId, weight: f32) {
        let p = g.at(id);
        let cc = p.country_bytes();
        if cc != *b"   " {
            *self.countries.entry(cc).or_default() += weight;
            *self.by_name_country.entry((key, cc)).or_default() += weight;
            self.total += weight;
        }
        if let Some(a) = division(g, id, p) {
            *self.admin1.entry(a).or_default() += weight;
            *self.by_name_admin1.entry((key, a)).or_default() += weight;
        }
        *self.by_place.entry(id).or_default() += weight;
        *self.by_name_place.entry((key, id)).or_default() += weight;
    }

    /// What the mentions of place `id` under name `key` gave (counted once
    /// when they are the same mentions).
    fn own(&self, key: u64, id: PlaceId) -> f32 {
        self.by_place.get(&id).copied().unwrap_or(0.0)
            - self.by_name_place.get(&(key, id)).copied().unwrap_or(0.0)
    }

    /// Presence of country `cc` for place `id`, named `key`, without its own.
    fn country(&self, key: u64, id: PlaceId, cc: [u8; 3]) -> f32 {
        let all = self.countries.get(&cc).copied().unwrap_or(0.0);
        let by_name = self.by_name_country.get(&(key, cc)).copied().unwrap_or(0.0);
        (all - by_name - self.own(key, id)).max(0.0)
    }

    /// Whether country `cc` is the story's country: most of what the other
    /// mentions name lies in it.
    fn dominant(&self, key: u64, id: PlaceId, cc: [u8; 3]) -> bool {
        let w = self.country(key, id, cc);
        let by_name: f32 = self.by_name_country.get(&(key, cc)).copied().unwrap_or(0.0);
        let others = (self.total - by_name - self.own(key, id)).max(0.0);
        w >= 2.0 && w >= 0.6 * others
    }

    /// The country most of the document's places lie in (at least two
    /// mentions' worth and three fifths of all), if there is one.
    pub fn story_country(&self) -> Option<[u8; 3]> {
        let (&cc, &w) = self
            .countries
            .iter()
            .max_by(|a, b| a.1.total_cmp(b.1).then(b.0.cmp(a.0)))?;
        (w >= 2.0 && w >= 0.6 * self.total).then_some(cc)
    }

    /// Presence of division `a` for place `id`, named `key`, without its own.
    fn admin1(&self, key: u64, id: PlaceId, a: PlaceId) -> f32 {
        let all = self.admin1.get(&a).copied().unwrap_or(0.0);
        let by_name = self.by_name_admin1.get(&(key, a)).copied().unwrap_or(0.0);
        (all - by_name - self.own(key, id)).max(0.0)
    }
}

/// The first-level division a place counts for: itself, or the one it lies in.
fn division(g: &Gazetteer, id: PlaceId, p: &Place) -> Option<PlaceId> {
    if p.kind == Kind::Admin1 {
        Some(id)
    } else {
        g.admin1_of(id)
    }
}

/// The outcome of resolving one candidate.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Choice {
    pub place: PlaceId,
    /// Score lead over the best reading more than 161 km away (large when
    /// there is none).
    pub margin: f32,
    /// What in the document spoke for the choice.
    pub support: Support,
    /// The country of every reading close to the best, if they share one.
    pub country: Option<[u8; 3]>,
}

/// What in the document speaks for a reading, from weakest to strongest.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Support {
    None,
    /// The document names its country.
    Country,
    /// It names its division, a place near it, or qualifies the name.
    Local,
}

/// Earth's mean radius in km.
const EARTH_KM: f64 = 6371.0;

/// Great-circle distance in km.
pub fn distance_km(a: (f64, f64), b: (f64, f64)) -> f64 {
    let (la1, lo1, la2, lo2) = (
        a.0.to_radians(),
        a.1.to_radians(),
        b.0.to_radians(),
        b.1.to_radians(),
    );
    let h = ((la2 - la1) / 2.0).sin().powi(2)
        + la1.cos() * la2.cos() * ((lo2 - lo1) / 2.0).sin().powi(2);
    2.0 * EARTH_KM * h.sqrt().min(1.0).asin()
}

/// Distance in km by the equirectangular approximation: within a few per
/// cent of the great circle at the distances that matter here (up to a
/// few hundred km), and no trigonometry but one cosine.
fn approx_km(a: (f64, f64), b: (f64, f64)) -> f64 {
    let mid = ((a.0 + b.0) / 2.0).to_radians();
    let mut dlon = (b.1 - a.1).abs();
    if dlon > 180.0 {
        dlon = 360.0 - dlon;
    }
    let x = dlon.to_radians() * mid.cos();
    let y = (b.0 - a.0).to_radians();
    EARTH_KM * (x * x + y * y).sqrt()
}

fn kind_prior(p: &Place) -> f32 {
    match p.kind {
        Kind::Continent => 6.0,
        Kind::Country => 5.0,
        Kind::Capital => 2.5,
        // a division's population is the sum of its towns': it reads larger
        // than the name's fame
        Kind::Admin1 => -0.5,
        Kind::Admin2 => -1.0,
        Kind::City => 0.0,
    }
}

/// Whether area `area` holds place `p`.
pub(crate) fn holds(g: &Gazetteer, area: PlaceId, id: PlaceId) -> bool {
    let p = g.at(id);
    let a = g.at(area);
    match a.kind {
        Kind::Country => a.country_bytes() == p.country_bytes() && p.kind != Kind::Country,
        Kind::Admin1 => p.kind != Kind::Admin1 && g.admin1_of(id) == Some(area),
        _ => false,
    }
}

/// Chooses a place for `c`. `context` is what the rest of the document
/// says (empty in the first pass); `recent` the places resolved just before.
pub(crate) fn choose(
    g: &Gazetteer,
    c: &Candidate,
    context: &Context,
    recent: &[(f64, f64)],
) -> Option<Choice> {
    let mut scored: Vec<(f32, PlaceId, Support)> = Vec::with_capacity(c.options.len());
    for &(id, name_kind) in &c.options {
        let p = g.at(id);
        let mut s = ((p.population as f32) + 1.0).ln() + kind_prior(p);
        let mut support = Support::None;
        if name_kind == NameKind::Alternate {
            s -= 3.0;
        }
        if !c.clues.qualifier.is_empty() {
            if c.clues.qualifier.iter().any(|&q| holds(g, q, id)) {
                s += 15.0;
                support = Support::Local;
            } else {
                s -= 15.0;
            }
        }
        if !c.inner.is_empty() && c.inner.iter().any(|&i| holds(g, id, i)) {
            s += 15.0;
            support = Support::Local;
        }
        if c.clues.area && p.kind.is_area() {
            s += 3.0;
        }
        if c.clues.town && p.kind.is_settlement() {
            s += 3.0;
        }
        let cc = p.country_bytes();
        if cc != *b"   " {
            let w = context.country(c.key, id, cc);
            if w > 0.0 {
                s += 3.0 + w.min(8.0).ln_1p();
                support = support.max(Support::Country);
                if context.dominant(c.key, id, cc) {
                    s += 2.0;
                }
            }
        }
        if p.kind != Kind::Admin1 {
            if let Some(a) = g.admin1_of(id) {
                let w = context.admin1(c.key, id, a);
                if w > 0.0 {
                    s += 3.0 + w.min(8.0).ln_1p();
                    support = Support::Local;
                }
            }
        } else {
            // a division holding places the document names
            let w = context.admin1(c.key, id, id);
            if w > 0.0 {
                s += 2.0;
                support = Support::Local;
            }
        }
        if let Some(d) = recent
            .iter()
            .map(|&r| approx_km(r, (p.lat, p.lon)))
            .min_by(f64::total_cmp)
        {
            if d < 50.0 {
                s += 2.0;
                support = Support::Local;
            } else if d < 200.0 {
                s += 1.0;
                support = Support::Local;
            }
        }
        scored.push((s, id, support));
    }
    let best = scored
        .iter()
        .copied()
        .max_by(|a, b| a.0.total_cmp(&b.0).then(b.1.cmp(&a.1)))?;
    let bp = g.at(best.1);
    let rival = scored
        .iter()
        .filter(|x| x.1 != best.1)
        .filter(|x| {
            let p = g.at(x.1);
            approx_km((bp.lat, bp.lon), (p.lat, p.lon)) > 161.0
        })
        .map(|x| x.0)
        .max_by(f32::total_cmp);
    let cc = bp.country_bytes();
    let shared = scored
        .iter()
        .filter(|x| x.0 >= best.0 - 2.0)
        .all(|x| g.at(x.1).country_bytes() == cc);
    Some(Choice {
        place: best.1,
        margin: rival.map_or(99.0, |r| best.0 - r),
        support: best.2,
        country: (shared && cc != *b"   ").then_some(cc),
    })
}
