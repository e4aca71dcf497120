//! The gazetteer: places (countries, divisions, towns) and the index from
//! their folded names to them.
//!
//! The built-in one is `data/gazetteer.tsv`, generated from GeoNames by
//! `gen/gazetteer.py` and compiled into the binary; it is parsed once, on
//! first use ([`Gazetteer::builtin`]).

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::fold::{fold, hash_key};
use crate::GeoError;

/// The built-in gazetteer's text (GeoNames, CC BY 4.0; see the crate README).
pub static BUILTIN_TSV: &str = include_str!("../data/gazetteer.tsv");

/// Index of a place in its gazetteer.
pub type PlaceId = u32;

/// What kind of place an entry is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    Continent,
    Country,
    /// A first-level division: a state, province, region, governorate.
    Admin1,
    /// A second-level division named with its kind ("Laurel County").
    Admin2,
    /// A country's capital city.
    Capital,
    /// Any other populated place.
    City,
}

impl Kind {
    fn parse(s: &str) -> Option<Kind> {
        Some(match s {
            "L" => Kind::Continent,
            "C" => Kind::Country,
            "A" => Kind::Admin1,
            "B" => Kind::Admin2,
            "K" => Kind::Capital,
            "P" => Kind::City,
            _ => return None,
        })
    }

    /// Countries, continents and divisions: places that are areas.
    pub fn is_area(self) -> bool {
        matches!(
            self,
            Kind::Continent | Kind::Country | Kind::Admin1 | Kind::Admin2
        )
    }

    /// Towns and cities.
    pub fn is_settlement(self) -> bool {
        matches!(self, Kind::Capital | Kind::City)
    }
}

/// One gazetteer entry.
#[derive(Debug, Clone, PartialEq)]
pub struct Place {
    /// GeoNames id.
    pub geonameid: u32,
    pub kind: Kind,
    country: [u8; 3],
    pub population: u64,
    pub lat: f64,
    pub lon: f64,
    /// The first-level division's code within the country (GeoNames'
    /// admin1 code), for settlements and divisions.
    admin1: Box<str>,
    /// The GeoNames name.
    pub name: Box<str>,
}

impl Place {
    /// The country's three-letter code as dyad writes it (ISO alpha-3; KSV
    /// for Kosovo); `None` for continents.
    pub fn country(&self) -> Option<&str> {
        if self.country == *b"   " {
            None
        } else {
            std::str::from_utf8(&self.country).ok()
        }
    }

    /// GeoNames' code of the first-level division the place lies in.
    pub fn admin1_code(&self) -> Option<&str> {
        (!self.admin1.is_empty()).then_some(&*self.admin1)
    }

    pub(crate) fn country_bytes(&self) -> [u8; 3] {
        self.country
    }
}

/// How a name belongs to a place.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum NameKind {
    /// The place's own GeoNames name (or its ASCII form).
    Primary,
    /// One of its alternate names (other spellings, languages, former names).
    Alternate,
}

#[derive(Debug, Clone, Copy)]
struct NameEntry {
    hash: u64,
    place: PlaceId,
    kind: NameKind,
}

/// Places and the index from folded names to them.
pub struct Gazetteer {
    places: Vec<Place>,
    /// Sorted by hash, then place.
    names: Vec<NameEntry>,
    /// Open-addressing table over `names`: for a hash, 1 + the index of its
    /// first entry (0: empty slot). A look-up costs a cache miss or two,
    /// where a binary search over the names costs twenty.
    slots: Vec<u32>,
    /// Demonyms ("Russian"), sorted by hash: the country they tell of.
    demonyms: Vec<(u64, PlaceId)>,
    admin1: HashMap<([u8; 3], Box<str>), PlaceId>,
    countries: HashMap<[u8; 3], PlaceId>,
    /// Per place, the first-level division it lies in (`NONE` if unknown).
    admin1_ids: Vec<PlaceId>,
}

const NONE: PlaceId = PlaceId::MAX;

impl std::fmt::Debug for Gazetteer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Gazetteer")
            .field("places", &self.places.len())
            .field("names", &self.names.len())
            .finish()
    }
}

impl Gazetteer {
    /// The gazetteer compiled into dyad (GeoNames: countries, continents,
    /// first-level divisions, counties and the like, and every populated
    /// place of at least 1,000 people), parsed on first use.
    pub fn builtin() -> &'static Gazetteer {
        static BUILTIN: OnceLock<Gazetteer> = OnceLock::new();
        BUILTIN.get_or_init(|| {
            // The built-in file is generated and checked by the tests; a
            // broken line in it is skipped rather than stopping the program.
            Gazetteer::parse_lenient(BUILTIN_TSV).0
        })
    }

    /// A gazetteer from text in the format of `data/gazetteer.tsv`; the
    /// first malformed line is an error.
    pub fn from_tsv(text: &str) -> Result<Gazetteer, GeoError> {
        let (gazetteer, errors) = Gazetteer::parse_lenient(text);
        match errors.into_iter().next() {
            Some(err) => Err(err),
            None => Ok(gazetteer),
        }
    }

    /// Parses what it can, and says which lines it could not.
    fn parse_lenient(text: &str) -> (Gazetteer, Vec<GeoError>) {
        let mut places = Vec::new();
        let mut names = Vec::new();
        let mut demonyms = Vec::new();
        let mut errors = Vec::new();
        for (n, line) in text.lines().enumerate() {
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let id = places.len() as PlaceId;
            match parse_line(line) {
                Some((place, alternates, adjectives)) => {
                    let primary = fold(&place.name);
                    names.push(NameEntry {
                        hash: hash_key(&primary),
                        place: id,
                        kind: NameKind::Primary,
                    });
                    let mut keys: Vec<String> = alternates
                        .split('|')
                        .filter(|a| !a.is_empty())
                        .map(fold)
                        .collect();
                    // "Deir ez-Zor" is also written "Deir Ezzor".
                    let glued: Vec<String> = std::iter::once(&primary)
                        .chain(&keys)
                        .filter_map(|k| glued_article(k))
                        .collect();
                    keys.extend(glued);
                    for key in keys {
                        if key != primary {
                            names.push(NameEntry {
                                hash: hash_key(&key),
                                place: id,
                                kind: name_kind(&primary, &key),
                            });
                        }
                    }
                    for adj in adjectives.split('|').filter(|a| !a.is_empty()) {
                        demonyms.push((hash_key(&fold(adj)), id));
                    }
                    places.push(place);
                }
                None => errors.push(GeoError::BadLine {
                    line: n + 1,
                    text: line.chars().take(80).collect(),
                }),
            }
        }
        names.sort_unstable_by_key(|e| (e.hash, e.place, e.kind));
        names.dedup_by_key(|e| (e.hash, e.place));
        demonyms.sort_unstable();
        demonyms.dedup();
        let slots = build_slots(&names);
        let mut admin1 = HashMap::new();
        let mut countries = HashMap::new();
        for (i, p) in places.iter().enumerate() {
            match p.kind {
                Kind::Admin1 => {
                    admin1.insert((p.country, p.admin1.clone()), i as PlaceId);
                }
                Kind::Country => {
                    countries.insert(p.country, i as PlaceId);
                }
                _ => {}
            }
        }
        let admin1_ids = places
            .iter()
            .map(|p| {
                if p.admin1.is_empty() {
                    return NONE;
                }
                admin1
                    .get(&(p.country, p.admin1.clone()))
                    .copied()
                    .unwrap_or(NONE)
            })
            .collect();
        (
            Gazetteer {
                admin1_ids,
                places,
                names,
                slots,
                demonyms,
                admin1,
                countries,
            },
            errors,
        )
    }

    /// Number of places.
    pub fn len(&self) -> usize {
        self.places.len()
    }

    pub fn is_empty(&self) -> bool {
        self.places.is_empty()
    }

    /// The place with this id. Ids come from this gazetteer's own answers;
    /// an id from elsewhere that is out of range gives `None`.
    pub fn place(&self, id: PlaceId) -> Option<&Place> {
        self.places.get(id as usize)
    }

    pub(crate) fn at(&self, id: PlaceId) -> &Place {
        &self.places[id as usize]
    }

    /// Places a name may stand for, by folded-key hash, with how the name
    /// belongs to each.
    pub(crate) fn by_hash(&self, hash: u64) -> impl Iterator<Item = (PlaceId, NameKind)> + '_ {
        let start = self.first_entry(hash).unwrap_or(self.names.len());
        self.names[start..]
            .iter()
            .take_while(move |e| e.hash == hash)
            .map(|e| (e.place, e.kind))
    }

    pub(crate) fn has_hash(&self, hash: u64) -> bool {
        self.first_entry(hash).is_some()
    }

    /// Index of the first name entry with this hash.
    fn first_entry(&self, hash: u64) -> Option<usize> {
        if self.slots.is_empty() {
            return None;
        }
        let mask = self.slots.len() - 1;
        let mut i = slot_of(hash, mask);
        loop {
            let s = self.slots[i] as usize;
            if s == 0 {
                return None;
            }
            if self.names[s - 1].hash == hash {
                return Some(s - 1);
            }
            i = (i + 1) & mask;
        }
    }

    /// Places a name may stand for ("Paris": the one in France, the ones in
    /// Texas, Ontario, ...), largest first.
    pub fn lookup(&self, name: &str) -> Vec<&Place> {
        let mut found: Vec<&Place> = self
            .by_hash(hash_key(&fold(name)))
            .map(|(id, _)| self.at(id))
            .collect();
        found.sort_by_key(|p| std::cmp::Reverse(p.population));
        found
    }

    /// The country a demonym's hash tells of ("Russian" → Russia; the
    /// most populous of the countries sharing it: "American" → the United
    /// States, not American Samoa).
    pub(crate) fn demonym(&self, hash: u64) -> Option<PlaceId> {
        let i = self.demonyms.partition_point(|e| e.0 < hash);
        self.demonyms[i..]
            .iter()
            .take_while(|e| e.0 == hash)
            .map(|e| e.1)
            .max_by_key(|&id| self.at(id).population)
    }

    /// The country entry of a three-letter code.
    pub fn country(&self, code: &str) -> Option<&Place> {
        let key: [u8; 3] = code.as_bytes().try_into().ok()?;
        self.countries.get(&key).map(|&id| self.at(id))
    }

    /// The first-level division with this GeoNames admin1 code ("USA", "TX").
    pub fn admin1_by_code(&self, country: &str, code: &str) -> Option<PlaceId> {
        let key: [u8; 3] = country.as_bytes().try_into().ok()?;
        self.admin1.get(&(key, Box::from(code))).copied()
    }

    /// The first-level division place `id` lies in (itself for a division).
    pub(crate) fn admin1_of(&self, id: PlaceId) -> Option<PlaceId> {
        self.admin1_ids
            .get(id as usize)
            .copied()
            .filter(|&a| a != NONE)
    }
}

fn slot_of(hash: u64, mask: usize) -> usize {
    // FNV's low bits are well mixed; fold the high ones in anyway
    ((hash ^ (hash >> 32)) as usize) & mask
}

/// The open-addressing table of `names` (sorted by hash): at most half full.
fn build_slots(names: &[NameEntry]) -> Vec<u32> {
    let distinct = names.windows(2).filter(|w| w[0].hash != w[1].hash).count() + 1;
    if names.is_empty() || names.len() >= u32::MAX as usize {
        return Vec::new();
    }
    let size = (distinct * 2).next_power_of_two();
    let mask = size - 1;
    let mut slots = vec![0u32; size];
    for (k, e) in names.iter().enumerate() {
        if k > 0 && names[k - 1].hash == e.hash {
            continue;
        }
        let mut i = slot_of(e.hash, mask);
        while slots[i] != 0 {
            i = (i + 1) & mask;
        }
        slots[i] = k as u32 + 1;
    }
    slots
}

/// Arabic articles as transliterations write them inside a name.
const ARTICLES: &[&str] = &[
    "AL", "EL", "AD", "AN", "AR", "AS", "ASH", "AT", "AZ", "EZ", "ES", "ED", "ER", "EN", "ET",
];

/// The key with an Arabic article inside it written together with the
/// word after it, as many transliterations do ("DEIR EZ ZOR" → "DEIR
/// EZZOR"); `None` when it has no such article.
fn glued_article(key: &str) -> Option<String> {
    let words: Vec<&str> = key.split(' ').collect();
    let at = (1..words.len().saturating_sub(1)).find(|&i| ARTICLES.contains(&words[i]))?;
    let mut out = words[..at].join(" ");
    out.push(' ');
    out.push_str(words[at]);
    out.push_str(&words[at + 1..].join(" "));
    Some(out)
}

/// An alternate name that only adds or drops an Arabic article, or is the
/// ASCII form, counts as the name itself.
fn name_kind(primary: &str, key: &str) -> NameKind {
    let bare = |s: &'_ str| -> String {
        let s = [
            "AL ", "EL ", "AD ", "AN ", "AR ", "AS ", "ASH ", "AT ", "AZ ",
        ]
        .iter()
        .find_map(|a| s.strip_prefix(a))
        .unwrap_or(s);
        s.replace(' ', "")
    };
    if bare(primary) == bare(key) {
        NameKind::Primary
    } else {
        NameKind::Alternate
    }
}

fn parse_line(line: &str) -> Option<(Place, &str, &str)> {
    let mut f = line.split('\t');
    let geonameid = f.next()?.parse().ok()?;
    let kind = Kind::parse(f.next()?)?;
    let cc = f.next()?;
    let country: [u8; 3] = if cc.is_empty() {
        *b"   "
    } else {
        cc.as_bytes().try_into().ok()?
    };
    let population = f.next()?.parse().ok()?;
    let lat: f64 = f.next()?.parse().ok()?;
    let lon: f64 = f.next()?.parse().ok()?;
    if !(-90.0..=90.0).contains(&lat) || !(-180.0..=180.0).contains(&lon) {
        return None;
    }
    let admin1 = f.next()?.into();
    let name: Box<str> = f.next()?.into();
    if name.is_empty() {
        return None;
    }
    let alternates = f.next().unwrap_or("");
    let adjectives = f.next().unwrap_or("");
    Some((
        Place {
            geonameid,
            kind,
            country,
            population,
            lat,
            lon,
            admin1,
            name,
        },
        alternates,
        adjectives,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_parses_without_errors() {
        let (g, errors) = Gazetteer::parse_lenient(BUILTIN_TSV);
        assert!(errors.is_empty(), "{:?}", &errors[..errors.len().min(3)]);
        assert!(g.len() > 50_000);
        assert!(g.country("PSE").is_some() && g.country("KSV").is_some());
    }

    #[test]
    fn transliterations_meet() {
        let g = Gazetteer::builtin();
        let town = |name: &str| -> Vec<u32> {
            g.lookup(name)
                .iter()
                .filter(|p| p.kind.is_settlement())
                .map(|p| p.geonameid)
                .collect()
        };
        assert!(town("Kiev").contains(&703448), "{:?}", town("Kiev"));
        assert!(town("Kyiv").contains(&703448));
        assert!(town("Hodeidah").contains(&79415));
        assert!(town("al-Hudaydah").contains(&79415));
        assert!(town("AL ḨUDAYDAH").contains(&79415));
    }

    #[test]
    fn an_inner_article_is_also_written_glued() {
        assert_eq!(glued_article("DEIR EZ ZOR").as_deref(), Some("DEIR EZZOR"));
        assert_eq!(glued_article("RAS AL AIN").as_deref(), Some("RAS ALAIN"));
        // an article at either end is left alone, and so are other words
        assert_eq!(glued_article("AL BAB"), None);
        assert_eq!(glued_article("DEIR EZ"), None);
        assert_eq!(glued_article("NEW YORK"), None);
        assert_eq!(glued_article(""), None);
    }

    #[test]
    fn bad_lines_are_errors() {
        assert!(Gazetteer::from_tsv("1\tP\tFRA\tx\t1\t2\t\tParis\t\n").is_err());
        assert!(Gazetteer::from_tsv("1\tP\tFRA\t10\t91\t2\t\tParis\t\n").is_err());
        let g = Gazetteer::from_tsv("# c\n1\tP\tFRA\t10\t48.8\t2.3\t11\tParis\tPARIGI\n").unwrap();
        assert_eq!(g.lookup("Parigi")[0].name.as_ref(), "Paris");
    }
}
