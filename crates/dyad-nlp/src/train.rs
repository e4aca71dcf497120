//! Training and evaluation: builds the tag set and label set from a treebank,
//! trains the tagger (with jackknifed tags for the parser), the lemmatizer and
//! the parser, and selects epochs on the development set.

use std::collections::BTreeSet;
use std::fmt;
use std::time::Instant;

use dyad_types::Upos;

pub use crate::biaffine::NeuralDims;
use crate::biaffine::{Biaffine, NeuralExample, NeuralTraining, Vocab};
use crate::conllu::GoldSentence;
use crate::hash::{IdMap, Rng};
use crate::lemma::Lemmatizer;
use crate::linear::Linear;
use crate::parser::{ParseExample, Parser, ParserTraining};
use crate::supertagger::{self, HeadSide, SupertagExample, SupertagSet, Supertagger};
use crate::tagger::{self, Scratch, TagExample, Tagger};
use crate::{Model, NlpError, Syntax};

/// Settings of a training run. The defaults are the ones the committed model used.
#[derive(Debug, Clone)]
pub struct TrainConfig {
    pub seed: u64,
    pub tagger_epochs: usize,
    pub parser_epochs: usize,
    /// Folds for jackknifing the tags the parser is trained on.
    pub folds: usize,
    /// Parser: follow its own predictions from this epoch (0-based) on...
    pub explore_from: usize,
    /// ...with this probability.
    pub explore: f64,
    /// Drop averaged weights smaller than this (model size).
    pub tagger_prune: f64,
    /// Pruning of the second tagger pass, which runs on few words.
    pub tagger2_prune: f64,
    pub parser_prune: f64,
    /// Train a supertagger and give the parser its guesses as features
    /// (about half a point of LAS; tag + parse a third slower).
    pub supertags: bool,
    /// Maximum supertagger epochs (the best on the dev set is kept).
    pub supertagger_epochs: usize,
    pub supertagger_prune: f64,
    pub tagdict_min_count: u32,
    pub tagdict_min_share: f64,
    /// Words seen fewer times get no ambiguity class.
    pub amb_min_count: u32,
    /// Tag in two passes, the second seeing the first's tags to the right
    /// (slightly more accurate, twice the tagging time).
    pub two_pass: bool,
    /// Train the neural (BiLSTM + biaffine) parser; `None`: the transition parser.
    pub neural: Option<NeuralConfig>,
}

/// Settings of the neural parser's training.
#[derive(Debug, Clone)]
pub struct NeuralConfig {
    pub dims: NeuralDims,
    pub epochs: usize,
    pub batch: usize,
    pub lr: f32,
    pub dropout: f32,
    pub word_dropout: f32,
    /// Decay of the moving average of the weights (0: none).
    pub average: f32,
    /// Words, suffixes and shapes seen fewer times share the unknown embedding.
    pub min_count: u32,
}

impl Default for NeuralConfig {
    fn default() -> Self {
        NeuralConfig {
            dims: NeuralDims::default(),
            epochs: 50,
            batch: 32,
            lr: 2e-3,
            dropout: 0.33,
            word_dropout: 0.25,
            average: 0.999,
            min_count: 2,
        }
    }
}

impl Default for TrainConfig {
    fn default() -> Self {
        TrainConfig {
            seed: 1,
            tagger_epochs: 10,
            parser_epochs: 15,
            folds: 5,
            explore_from: 1,
            explore: 0.9,
            tagger_prune: 0.5,
            tagger2_prune: 0.5,
            parser_prune: 1.4,
            supertags: false,
            supertagger_epochs: 8,
            supertagger_prune: 0.5,
            tagdict_min_count: 10,
            tagdict_min_share: 0.99,
            amb_min_count: 3,
            two_pass: true,
            neural: Some(NeuralConfig::default()),
        }
    }
}

/// Accuracies in percent, counted as `score_conllu.py` counts them
/// (punctuation included; LAS compares the relation without its subtype).
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Scores {
    pub words: usize,
    pub upos: f64,
    pub xpos: f64,
    pub lemma: f64,
    pub uas: f64,
    pub las: f64,
}

impl fmt::Display for Scores {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "UPOS {:.2} XPOS {:.2} Lemma {:.2} UAS {:.2} LAS {:.2} ({} words)",
            self.upos, self.xpos, self.lemma, self.uas, self.las, self.words
        )
    }
}

/// Relation subtypes the parser keeps apart; the others are learned (and
/// predicted) as their base relation, which pools their training examples.
/// These are the ones the event coder asks about.
const KEPT_SUBTYPES: &[&str] = &[
    "nsubj:pass",
    "csubj:pass",
    "aux:pass",
    "obl:agent",
    "acl:relcl",
    "compound:prt",
    "nmod:poss",
    "obl:tmod",
    "nmod:tmod",
];

fn collapse(rel: &str) -> &str {
    match rel.split_once(':') {
        Some((base, _)) if !KEPT_SUBTYPES.contains(&rel) => base,
        _ => rel,
    }
}

/// Scores a model on gold sentences (gold tokens).
pub fn evaluate(model: &Model, gold: &[GoldSentence]) -> Scores {
    let (mut n, mut upos, mut xpos, mut lemma, mut uas, mut las) = (0usize, 0, 0, 0, 0, 0);
    for s in gold {
        let p = model.parse(&s.forms());
        for (g, w) in s.words.iter().zip(&p.words) {
            n += 1;
            upos += usize::from(g.upos == w.upos.as_str());
            xpos += usize::from(g.xpos == w.xpos);
            lemma += usize::from(g.lemma == w.lemma);
            let head = w.head.map_or(0, |h| h + 1);
            if head == g.head {
                uas += 1;
                let base = |r: &str| r.split(':').next().unwrap_or("").to_string();
                las += usize::from(base(&g.deprel) == base(&w.deprel));
            }
        }
    }
    let pct = |x: usize| 100.0 * x as f64 / n.max(1) as f64;
    Scores {
        words: n,
        upos: pct(upos),
        xpos: pct(xpos),
        lemma: pct(lemma),
        uas: pct(uas),
        las: pct(las),
    }
}

struct TagSet {
    tags: Vec<(Upos, String)>,
}

impl TagSet {
    fn build(train: &[GoldSentence]) -> TagSet {
        let set: BTreeSet<(&str, &str)> = train
            .iter()
            .flat_map(|s| &s.words)
            .map(|w| (w.xpos.as_str(), w.upos.as_str()))
            .collect();
        TagSet {
            tags: set
                .into_iter()
                .map(|(x, u)| (Upos::parse(u).unwrap_or(Upos::X), x.to_string()))
                .collect(),
        }
    }

    /// Verb tags whose ambiguity is systematic in English morphology: past
    /// tense and participle ("attacked"), base form and present ("attack").
    fn verb_groups(&self) -> Vec<Vec<u16>> {
        [["VBD", "VBN"], ["VB", "VBP"]]
            .iter()
            .map(|g| {
                self.tags
                    .iter()
                    .enumerate()
                    .filter(|(_, (u, x))| *u == Upos::VERB && g.contains(&x.as_str()))
                    .map(|(i, _)| i as u16)
                    .collect()
            })
            .collect()
    }

    fn id(&self, upos: &str, xpos: &str) -> u16 {
        let u = Upos::parse(upos).unwrap_or(Upos::X);
        self.tags
            .iter()
            .position(|(tu, tx)| *tu == u && tx == xpos)
            .or_else(|| self.tags.iter().position(|(_, tx)| tx == xpos))
            .or_else(|| self.tags.iter().position(|(tu, _)| *tu == u))
            .unwrap_or(0) as u16
    }
}

fn tag_examples(sents: &[GoldSentence], tagset: &TagSet) -> Vec<TagExample> {
    let mut buf = Vec::new();
    sents
        .iter()
        .map(|s| TagExample {
            toks: s
                .words
                .iter()
                .map(|w| tagger::tok(&w.form, &mut buf))
                .collect(),
            tags: s
                .words
                .iter()
                .map(|w| tagset.id(&w.upos, &w.xpos))
                .collect(),
            q: Vec::new(),
        })
        .collect()
}

/// Tagger examples of the training and dev sentences, with the ambiguity
/// classes learned from the training set attached to every token.
fn tag_examples_with_amb(
    train: &[GoldSentence],
    dev: &[GoldSentence],
    tagset: &TagSet,
    cfg: &TrainConfig,
) -> (Vec<TagExample>, Vec<TagExample>, IdMap<u64>) {
    let mut train_ex = tag_examples(train, tagset);
    let mut dev_ex = tag_examples(dev, tagset);
    let amb = tagger::build_amb(
        &train_ex.iter().collect::<Vec<_>>(),
        cfg.amb_min_count,
        &tagset.verb_groups(),
    );
    for ex in train_ex.iter_mut().chain(dev_ex.iter_mut()) {
        tagger::prepare(&amb, &mut ex.toks);
    }
    (train_ex, dev_ex, amb)
}

fn tag_accuracy(t: &Tagger, examples: &[TagExample]) -> f64 {
    let (mut n, mut ok) = (0usize, 0usize);
    let mut out = Vec::new();
    let mut scratch = Scratch::default();
    for ex in examples {
        t.tag(&ex.toks, &mut out, &mut scratch);
        n += ex.tags.len();
        ok += out.iter().zip(&ex.tags).filter(|(a, b)| a == b).count();
    }
    100.0 * ok as f64 / n.max(1) as f64
}

/// Picks the first-pass margin below which the second pass runs: the
/// smallest that tags the dev set within 0.02 points of running it everywhere.
fn choose_gate(t: &Tagger, dev: &[TagExample], log: &mut dyn FnMut(&str)) -> i32 {
    let mut scratch = Scratch::default();
    let mut out = Vec::new();
    let mut margins: Vec<i32> = Vec::new();
    for ex in dev {
        t.pass(&t.model, &ex.toks, &[], &mut out, &mut scratch);
        margins.extend(scratch.margins.iter().filter(|&&m| m != i32::MAX));
    }
    margins.sort_unstable();
    let mut gated = t.clone();
    let full = tag_accuracy(t, dev);
    for share in [0.1, 0.2, 0.3, 0.4, 0.6] {
        let gate = margins
            .get((margins.len() as f64 * share) as usize)
            .copied()
            .unwrap_or(i32::MAX);
        gated.gate = gate;
        let acc = tag_accuracy(&gated, dev);
        log(&format!(
            "second pass on the {:.0}% least sure words: dev tag accuracy {acc:.2} (everywhere {full:.2})",
            share * 100.0
        ));
        if acc + 0.02 >= full {
            return gate;
        }
    }
    i32::MAX
}

/// What a tagger training run starts from.
struct TaggerSetup<'a> {
    n_classes: usize,
    amb: &'a IdMap<u64>,
    /// For the second pass: the trained first pass.
    first: Option<&'a Linear>,
}

/// Trains one tagger pass on `examples`; with `dev`, keeps the epoch that tags
/// it best.
fn train_tagger(
    examples: &[&TagExample],
    dev: Option<&[TagExample]>,
    setup: &TaggerSetup,
    cfg: &TrainConfig,
    epochs: usize,
    rng: &mut Rng,
    log: &mut dyn FnMut(&str),
) -> (Tagger, usize) {
    let tagdict = build_dict(examples, cfg);
    let make = |m: Linear| match setup.first {
        Some(first) => Tagger {
            model: first.clone(),
            model2: Some(m),
            gate: i32::MAX,
            tagdict: tagdict.clone(),
            amb: setup.amb.clone(),
        },
        None => Tagger {
            model: m,
            model2: None,
            gate: i32::MAX,
            tagdict: tagdict.clone(),
            amb: setup.amb.clone(),
        },
    };
    let pass = if setup.first.is_some() { 2 } else { 1 };
    let prune = if pass == 2 {
        cfg.tagger2_prune
    } else {
        cfg.tagger_prune
    };
    let mut best: Option<(f64, usize, Tagger)> = None;
    let p = tagger::train(
        examples,
        setup.first.is_some(),
        setup.n_classes,
        &tagdict,
        epochs,
        rng,
        |epoch, p| {
            if let Some(dev) = dev {
                let t = make(p.to_linear(prune));
                let acc = tag_accuracy(&t, dev);
                log(&format!(
                    "tagger pass {pass} epoch {}: dev tag accuracy {acc:.2}",
                    epoch + 1
                ));
                if best.as_ref().is_none_or(|b| acc > b.0) {
                    best = Some((acc, epoch + 1, t));
                }
            }
        },
    );
    match best {
        Some((_, epoch, t)) => (t, epoch),
        None => (make(p.to_linear(prune)), epochs),
    }
}

/// Jackknifing: for each of `folds` folds, trains a model on the examples
/// outside the fold and has it `predict` each example inside (with its
/// index), so that what is predicted is as good, and as wrong, as on unseen
/// text.
fn jackknife<T, M>(
    examples: &[T],
    folds: usize,
    mut train: impl FnMut(&[&T]) -> M,
    mut predict: impl FnMut(&M, usize, &T),
) {
    let folds = folds.max(2);
    for f in 0..folds {
        let part: Vec<&T> = examples
            .iter()
            .enumerate()
            .filter(|(i, _)| i % folds != f)
            .map(|(_, e)| e)
            .collect();
        let model = train(&part);
        for (i, ex) in examples.iter().enumerate().filter(|(i, _)| i % folds == f) {
            predict(&model, i, ex);
        }
    }
}

fn build_dict(examples: &[&TagExample], cfg: &TrainConfig) -> IdMap<u16> {
    tagger::build_tagdict(examples, cfg.tagdict_min_count, cfg.tagdict_min_share)
}

/// Trains the whole model on `train`, selecting epochs on `dev`; `log`
/// receives progress lines. Returns the model and its dev scores.
pub fn train(
    train: &[GoldSentence],
    dev: &[GoldSentence],
    cfg: &TrainConfig,
    mut log: impl FnMut(&str),
) -> Result<(Model, Scores), NlpError> {
    if train.is_empty() || dev.is_empty() {
        return Err(NlpError::Training(
            "empty training or development set".into(),
        ));
    }
    let start = Instant::now();
    let mut rng = Rng::new(cfg.seed);
    let tagset = TagSet::build(train);
    let n_tags = tagset.tags.len();
    if n_tags >= 255 {
        return Err(NlpError::Training(format!("too many tags ({n_tags})")));
    }
    let labels: Vec<String> = train
        .iter()
        .flat_map(|s| &s.words)
        .map(|w| collapse(&w.deprel).to_string())
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    let root = labels
        .iter()
        .position(|l| l == "root")
        .ok_or_else(|| NlpError::Training("no `root` relation in the treebank".into()))?;
    if 2 + 2 * labels.len() > 256 || labels.len() > 64 {
        return Err(NlpError::Training(format!(
            "too many relations ({})",
            labels.len()
        )));
    }
    log(&format!(
        "{} training sentences, {} tags, {} relations",
        train.len(),
        n_tags,
        labels.len()
    ));

    let (mut train_ex, dev_ex, amb) = tag_examples_with_amb(train, dev, &tagset, cfg);
    let setup1 = TaggerSetup {
        n_classes: n_tags,
        amb: &amb,
        first: None,
    };
    let all: Vec<&TagExample> = train_ex.iter().collect();
    let (tagger1, epochs1) = train_tagger(
        &all,
        Some(&dev_ex),
        &setup1,
        cfg,
        cfg.tagger_epochs,
        &mut rng,
        &mut log,
    );
    log(&format!(
        "tagger pass 1: {epochs1} epochs, {} features, {:.1}s",
        tagger1.model.size().0,
        start.elapsed().as_secs_f64()
    ));

    // The second pass and the parser learn from jackknifed tags.
    let mut scratch = Scratch::default();
    let mut q: Vec<Vec<u16>> = vec![Vec::new(); train.len()];
    jackknife(
        &train_ex,
        cfg.folds,
        |part| train_tagger(part, None, &setup1, cfg, epochs1, &mut rng, &mut log).0,
        |t, i, ex| t.tag(&ex.toks, &mut q[i], &mut scratch),
    );
    let (tagger, tag_epochs, predicted) = if cfg.two_pass {
        for (ex, q) in train_ex.iter_mut().zip(q) {
            ex.q = q;
        }
        let setup2 = TaggerSetup {
            n_classes: n_tags,
            amb: &amb,
            first: Some(&tagger1.model),
        };
        let all: Vec<&TagExample> = train_ex.iter().collect();
        let (mut tagger, epochs2) = train_tagger(
            &all,
            Some(&dev_ex),
            &setup2,
            cfg,
            cfg.tagger_epochs,
            &mut rng,
            &mut log,
        );
        tagger.gate = choose_gate(&tagger, &dev_ex, &mut log);
        log(&format!(
            "tagger pass 2: {epochs2} epochs; {:.1}s",
            start.elapsed().as_secs_f64()
        ));
        let mut predicted: Vec<Vec<u16>> = vec![Vec::new(); train.len()];
        jackknife(
            &train_ex,
            cfg.folds,
            |part| train_tagger(part, None, &setup2, cfg, epochs2, &mut rng, &mut log).0,
            |t, i, ex| {
                // `ex.q` came from a first pass that never saw this fold.
                if let Some(m2) = &t.model2 {
                    t.pass(m2, &ex.toks, &ex.q, &mut predicted[i], &mut scratch);
                }
            },
        );
        (tagger, format!("{epochs1}+{epochs2}"), predicted)
    } else {
        (tagger1, epochs1.to_string(), q)
    };
    log(&format!(
        "jackknifed tags: {:.1}s",
        start.elapsed().as_secs_f64()
    ));

    let lemmatizer = Lemmatizer::train(train.iter().zip(&train_ex).flat_map(|(s, ex)| {
        s.words
            .iter()
            .zip(&ex.tags)
            .map(|(w, &t)| (w.form.as_str(), t, w.lemma.as_str()))
    }));

    let label_id = |l: &str| {
        let l = collapse(l);
        labels.iter().position(|x| x == l).unwrap_or(root) as u8
    };
    let (supertagger, supertags) = if cfg.supertags {
        let (st, jackknifed) = train_supertagger(
            SupertaggerData {
                train,
                train_ex: &train_ex,
                train_tags: &predicted,
                dev,
                dev_ex: &dev_ex,
                tagger: &tagger,
                label_id: &label_id,
            },
            cfg,
            &mut rng,
            &mut log,
        );
        log(&format!(
            "supertagger and jackknifed supertags: {:.1}s",
            start.elapsed().as_secs_f64()
        ));
        (Some(st), jackknifed)
    } else {
        (None, vec![Vec::new(); train.len()])
    };
    let info_base = format!(
        "trained on {} sentences of UD English EWT (CC BY-SA 4.0); seed {}",
        train.len(),
        cfg.seed
    );
    if let Some(ncfg) = &cfg.neural {
        let (vocab, word_counts) =
            Vocab::build(train_ex.iter().flat_map(|ex| &ex.toks), ncfg.min_count);
        let mut net = Biaffine::new(ncfg.dims, vocab, n_tags, labels.clone(), root, &mut rng);
        let examples: Vec<NeuralExample> = train
            .iter()
            .zip(&train_ex)
            .zip(&predicted)
            .map(|((s, ex), tags)| {
                let mut inputs = Vec::new();
                net.inputs(&ex.toks, tags, &mut inputs);
                NeuralExample {
                    inputs,
                    tags: ex.tags.clone(),
                    heads: s.words.iter().map(|w| w.head as u32).collect(),
                    labels: s.words.iter().map(|w| label_id(&w.deprel)).collect(),
                }
            })
            .collect();
        let mut model = Model {
            tags: tagset.tags.clone(),
            tagger,
            lemmatizer,
            parser: Syntax::Biaffine(Box::new(net.clone())),
            info: info_base.clone(),
        };
        let mut best: Option<(Scores, usize, Biaffine)> = None;
        let ntrain = NeuralTraining {
            epochs: ncfg.epochs,
            batch: ncfg.batch,
            lr: ncfg.lr,
            dropout: ncfg.dropout,
            word_dropout: ncfg.word_dropout,
            average: ncfg.average,
        };
        crate::biaffine::train(
            &mut net,
            &examples,
            &word_counts,
            &ntrain,
            &mut rng,
            |epoch, p, loss| {
                model.parser = Syntax::Biaffine(Box::new(p.clone()));
                let s = evaluate(&model, dev);
                log(&format!(
                    "neural parser epoch {}: loss {loss:.4}; dev {s}; {:.1}s",
                    epoch + 1,
                    start.elapsed().as_secs_f64()
                ));
                if best.as_ref().is_none_or(|b| s.las > b.0.las) {
                    best = Some((s, epoch + 1, p.clone()));
                }
            },
        );
        let (scores, epoch, parser) =
            best.ok_or_else(|| NlpError::Training("the parser ran no epoch".into()))?;
        model.parser = Syntax::Biaffine(Box::new(parser));
        model.info = format!(
            "{info_base}; tagger {tag_epochs} epochs, neural parser {epoch} epochs; dev: {scores}"
        );
        return Ok((model, scores));
    }
    let parse_ex: Vec<ParseExample> = train
        .iter()
        .zip(&train_ex)
        .zip(predicted)
        .zip(supertags)
        .map(|(((s, ex), tags), supertags)| {
            let heads: Vec<usize> = s.words.iter().map(|w| w.head).collect();
            ParseExample::new(
                ex.toks.iter().map(|t| [t.lower, t.amb]).collect(),
                tags,
                supertags,
                &heads,
                s.words.iter().map(|w| label_id(&w.deprel)).collect(),
            )
        })
        .collect();
    let transition_base = Parser {
        supertagger,
        model: crate::linear::Perceptron::new(2 + 2 * labels.len()).to_linear(0.0),
        labels: labels.clone(),
        root,
    };
    let mut model = Model {
        tags: tagset.tags.clone(),
        tagger,
        lemmatizer,
        parser: Syntax::Transition(transition_base.clone()),
        info: info_base.clone(),
    };
    let mut best: Option<(Scores, usize, Parser)> = None;
    let ptrain = ParserTraining {
        epochs: cfg.parser_epochs,
        explore_from: cfg.explore_from,
        explore: cfg.explore,
    };
    crate::parser::train(
        &parse_ex,
        labels.len(),
        root,
        &ptrain,
        &mut rng,
        |epoch, p| {
            let parser = Parser {
                model: p.to_linear(cfg.parser_prune),
                ..transition_base.clone()
            };
            let bytes = parser.model.bytes();
            model.parser = Syntax::Transition(parser.clone());
            let s = evaluate(&model, dev);
            log(&format!(
                "parser epoch {}: {} features, {:.1} MB; dev {s}; {:.1}s",
                epoch + 1,
                p.n_features(),
                bytes as f64 / 1e6,
                start.elapsed().as_secs_f64()
            ));
            if best.as_ref().is_none_or(|b| s.las > b.0.las) {
                best = Some((s, epoch + 1, parser));
            }
        },
    );
    let (scores, epoch, parser) =
        best.ok_or_else(|| NlpError::Training("the parser ran no epoch".into()))?;
    model.parser = Syntax::Transition(parser);
    model.info =
        format!("{info_base}; tagger {tag_epochs} epochs, parser {epoch} epochs; dev: {scores}");
    Ok((model, scores))
}

/// What the supertagger learns from: the training sentences with their
/// jackknifed POS tags, and the dev sentences (tagged by `tagger`) for
/// choosing the number of epochs.
struct SupertaggerData<'a> {
    train: &'a [GoldSentence],
    train_ex: &'a [TagExample],
    train_tags: &'a [Vec<u16>],
    dev: &'a [GoldSentence],
    dev_ex: &'a [TagExample],
    tagger: &'a Tagger,
    label_id: &'a dyn Fn(&str) -> u8,
}

/// Trains the supertagger (epochs chosen on dev) and returns it with the
/// jackknifed supertags of the training sentences.
fn train_supertagger(
    data: SupertaggerData,
    cfg: &TrainConfig,
    rng: &mut Rng,
    log: &mut dyn FnMut(&str),
) -> (Supertagger, Vec<Vec<u16>>) {
    let mut set = SupertagSet::default();
    let gold_ids = |s: &GoldSentence, set: &mut SupertagSet, grow: bool| -> Vec<u16> {
        s.words
            .iter()
            .enumerate()
            .map(|(i, w)| {
                let k = supertagger::key((data.label_id)(&w.deprel), HeadSide::of(i, w.head));
                let next = set.len() as u16;
                match set.get(&k) {
                    Some(&id) => id,
                    None if grow => *set.entry(k).or_insert(next),
                    None => 0,
                }
            })
            .collect()
    };
    let train_ex: Vec<SupertagExample> = data
        .train
        .iter()
        .zip(data.train_ex)
        .zip(data.train_tags)
        .map(|((s, ex), pos)| SupertagExample {
            toks: &ex.toks,
            pos,
            gold: gold_ids(s, &mut set, true),
        })
        .collect();
    let n_classes = set.len().max(1);
    let mut scratch = Scratch::default();
    let dev_tags: Vec<Vec<u16>> = data
        .dev_ex
        .iter()
        .map(|ex| {
            let mut out = Vec::new();
            data.tagger.tag(&ex.toks, &mut out, &mut scratch);
            out
        })
        .collect();
    let dev_ex: Vec<SupertagExample> = data
        .dev
        .iter()
        .zip(data.dev_ex)
        .zip(&dev_tags)
        .map(|((s, ex), pos)| SupertagExample {
            toks: &ex.toks,
            pos,
            gold: gold_ids(s, &mut set, false),
        })
        .collect();
    let accuracy = |st: &Supertagger| -> f64 {
        let (mut n, mut ok) = (0usize, 0usize);
        let mut out = Vec::new();
        let mut scratch = Scratch::default();
        for ex in &dev_ex {
            st.tag(ex.toks, ex.pos, &mut out, &mut scratch);
            n += ex.gold.len();
            ok += out.iter().zip(&ex.gold).filter(|(a, b)| a == b).count();
        }
        100.0 * ok as f64 / n.max(1) as f64
    };
    let all: Vec<&SupertagExample> = train_ex.iter().collect();
    let mut best: Option<(f64, usize, Supertagger)> = None;
    supertagger::train(&all, n_classes, cfg.supertagger_epochs, rng, |epoch, p| {
        let st = Supertagger {
            model: p.to_linear(cfg.supertagger_prune),
        };
        let acc = accuracy(&st);
        log(&format!(
            "supertagger epoch {}: {n_classes} supertags, dev accuracy {acc:.2}",
            epoch + 1
        ));
        if best.as_ref().is_none_or(|b| acc > b.0) {
            best = Some((acc, epoch + 1, st));
        }
    });
    let (_, epochs, st) = best.unwrap_or_else(|| {
        let p = supertagger::train(&all, n_classes, 1, rng, |_, _| {});
        (
            0.0,
            1,
            Supertagger {
                model: p.to_linear(cfg.supertagger_prune),
            },
        )
    });
    let mut jackknifed: Vec<Vec<u16>> = vec![Vec::new(); train_ex.len()];
    jackknife(
        &train_ex,
        cfg.folds,
        |part| Supertagger {
            model: supertagger::train(part, n_classes, epochs, rng, |_, _| {})
                .to_linear(cfg.supertagger_prune),
        },
        |st, i, ex| st.tag(ex.toks, ex.pos, &mut jackknifed[i], &mut scratch),
    );
    (st, jackknifed)
}
