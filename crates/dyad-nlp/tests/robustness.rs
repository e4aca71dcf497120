//! Property test: whatever the words, the parse is a well-formed tree and nothing panics.

use dyad_nlp::Model;
use dyad_types::ParsedSentence;

/// A deterministic generator (SplitMix64) so that failures can be replayed.
struct Gen(u64);

impl Gen {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

const POOL: &[&str] = &[
    "the",
    "The",
    "THE",
    "president",
    "PRESIDENT",
    "said",
    "SAID",
    "Moscow",
    "attacked",
    "and",
    ",",
    ".",
    "!",
    "?",
    "(",
    ")",
    "\"",
    "'s",
    "n't",
    "to",
    "of",
    "in",
    "on",
    "not",
    "100",
    "3.5",
    "1,000,000",
    "2015-05-12",
    "https://example.org/a?b=c",
    "www.example.com",
    "someone@example.org",
    "#hashtag",
    "@user",
    "😀",
    "🇺🇸",
    "👍🏽",
    "北京",
    "Москва",
    "مرحبا",
    "l'État",
    "naïve",
    "Œuvre",
    "ß",
    "-",
    "--",
    "...",
    "$",
    "%",
    "&",
    "/",
    ":)",
    "",
    " ",
    "\t",
    "a\u{0301}",
    "\u{200b}",
    "x",
    "I",
    "A",
    "IT",
    "ÉTATS-UNIS",
    "co-operate",
    "well-known",
    "U.S.",
    "Dr.",
    "gonna",
    "wanna",
    "lol",
    "omg",
    "Nous",
    "sommes",
    "ici",
];

fn random_sentence(g: &mut Gen, len: usize) -> Vec<String> {
    (0..len)
        .map(|_| {
            if g.below(10) == 0 {
                // Random Unicode, including unassigned and control characters.
                (0..1 + g.below(6))
                    .filter_map(|_| char::from_u32(g.below(0x11_0000) as u32))
                    .collect()
            } else {
                POOL[g.below(POOL.len())].to_string()
            }
        })
        .collect()
}

fn check_tree(words: &[&str], p: &ParsedSentence) {
    let n = words.len();
    assert_eq!(p.words.len(), n, "one analysis per word: {words:?}");
    if n == 0 {
        return;
    }
    let roots: Vec<usize> = (0..n).filter(|&i| p.words[i].head.is_none()).collect();
    assert_eq!(roots.len(), 1, "exactly one root: {words:?} {p:?}");
    assert_eq!(p.words[roots[0]].deprel, "root");
    for (i, w) in p.words.iter().enumerate() {
        if let Some(h) = w.head {
            assert!(h < n, "head in range");
            assert_ne!(h, i, "no self-loop");
            assert_ne!(w.deprel, "root", "only the root is labelled root");
        }
        assert!(!w.deprel.is_empty() && !w.xpos.is_empty());
        // No cycles: every word reaches the root within n steps.
        let (mut k, mut steps) = (i, 0);
        while let Some(h) = p.words[k].head {
            k = h;
            steps += 1;
            assert!(steps <= n, "cycle through word {i}: {words:?}");
        }
    }
}

#[test]
fn parses_are_well_formed_trees_for_any_input() {
    let model = Model::embedded().expect("the embedded model loads");
    let mut g = Gen(20261126);
    let mut lengths: Vec<usize> = vec![0, 1, 2, 3, 500];
    lengths.extend((0..300).map(|_| 1 + g.below(60)));
    for len in lengths {
        let sentence = random_sentence(&mut g, len);
        let words: Vec<&str> = sentence.iter().map(String::as_str).collect();
        let p = model.parse(&words);
        check_tree(&words, &p);
        assert_eq!(model.tag(&words).len(), len);
    }
}

#[test]
fn special_sentences_parse() {
    let model = Model::embedded().expect("the embedded model loads");
    let cases: &[&[&str]] = &[
        &["Hello"],
        &["."],
        &["SECURITY", "FORCES", "KILL", "THREE", "IN", "CAPITAL"],
        &["Tanks", ",", "trucks", "and", "soldiers", "."],
        &["😀", "😀", "😀"],
        &[
            "see",
            "https://example.org/news/2015/05/12/article.html",
            "now",
        ],
        &[
            "Der",
            "Präsident",
            "hat",
            "gestern",
            "Moskau",
            "besucht",
            ".",
        ],
    ];
    for words in cases {
        check_tree(words, &model.parse(words));
    }
    let long: Vec<&str> = std::iter::repeat_n(["the", "troops", "attacked", "and"], 125)
        .flatten()
        .collect();
    assert_eq!(long.len(), 500);
    check_tree(&long, &model.parse(&long));
}

#[test]
fn a_passive_sentence_gets_its_agent() {
    let model = Model::embedded().expect("the embedded model loads");
    let w = ["The", "convoy", "was", "attacked", "by", "rebels", "."];
    let p = model.parse(&w);
    assert!(p.is_passive(3), "{p:?}");
    assert_eq!(p.agent(3), Some(5));
    assert_eq!(p.subject(3), Some(1));
    assert_eq!(p.words[3].lemma, "attack");
    assert_eq!(p.words[5].lemma, "rebel");
}

#[test]
fn the_model_round_trips_through_bytes() {
    let model = Model::embedded().expect("the embedded model loads");
    let again = Model::from_bytes(&model.to_bytes()).expect("reloads");
    let words: Vec<&str> = dyad_nlp::BENCH_TEXT.split_whitespace().take(40).collect();
    assert_eq!(model.parse(&words), again.parse(&words));
    assert!(Model::from_bytes(b"DYADNLP1 truncated").is_err());
    assert!(Model::from_bytes(&model.to_bytes()[..1000]).is_err());
}

/// Our own news sentences with their main verb, subject and object
/// (`fixtures/news_svo.tsv`): the parse must find most of them. Not every
/// one: the model is statistical, and this guards against regressions, not
/// against single errors.
#[test]
fn news_sentences_get_their_subject_and_object() {
    let model = Model::embedded().expect("the embedded model loads");
    let fixture = include_str!("../fixtures/news_svo.tsv");
    let (mut total, mut right) = (0, 0);
    let mut misses = Vec::new();
    for line in fixture
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
    {
        let cols: Vec<&str> = line.split('\t').collect();
        assert_eq!(cols.len(), 4, "bad fixture line {line:?}");
        let words: Vec<&str> = cols[0].split(' ').collect();
        let idx = |s: &str| s.parse::<usize>().ok();
        let (verb, subj, obj) = (idx(cols[1]), idx(cols[2]), idx(cols[3]));
        let p = model.parse(&words);
        check_tree(&words, &p);
        let got_verb = p.root();
        let ok = got_verb == verb
            && verb.map(|v| p.subject(v)) == Some(subj)
            && verb.map(|v| p.object(v)) == Some(obj);
        total += 1;
        if ok {
            right += 1;
        } else {
            misses.push(cols[0]);
        }
    }
    assert!(total >= 20);
    assert!(
        right * 100 >= total * 75,
        "only {right} of {total} news sentences parsed right; missed: {misses:#?}"
    );
}

/// A damaged model file is an error or a model that still parses without
/// panicking: every byte position class (headers, lengths, fingerprints, row
/// lengths, shifts, class ids, offsets) gets hit by some of the mutations.
#[test]
fn damaged_model_files_never_panic() {
    let bytes = Model::embedded()
        .expect("the embedded model loads")
        .to_bytes();
    let words: Vec<&str> = "The minister said Gondor attacked the rebels on Tuesday ."
        .split(' ')
        .collect();
    let mut g = Gen(11);
    let (mut loaded, mut refused) = (0, 0);
    for _ in 0..120 {
        let mut damaged = bytes.clone();
        for _ in 0..1 + g.below(4) {
            // Half the hits in the first kilobytes (headers, tag names), half anywhere.
            let at = if g.below(2) == 0 {
                g.below(4096.min(damaged.len()))
            } else {
                g.below(damaged.len())
            };
            damaged[at] = g.next() as u8;
        }
        match Model::from_bytes(&damaged) {
            Ok(model) => {
                loaded += 1;
                check_tree(&words, &model.parse(&words));
            }
            Err(_) => refused += 1,
        }
    }
    assert!(
        loaded > 0 && refused > 0,
        "{loaded} loaded, {refused} refused"
    );
}
