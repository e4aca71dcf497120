//! Measures tokenization and sentence splitting against UD English EWT.
//!
//! Usage: `cargo run --release -p dyad-text --example ewt_eval -- FILE.conllu [--show N]`
//!
//! Tokens: each sentence's `# text = ` is tokenized by [`dyad_text::tokenize`] and
//! our char spans are compared with the gold syntactic words' spans (multiword
//! tokens such as "don't" count as their words "do" "n't"): precision, recall,
//! F1 and the share of sentences tokenized exactly.
//!
//! Sentences: the sentences of each `# newdoc` are joined into one text (with a
//! space inside a paragraph and a line break between `# newpar`s; a second run
//! joins everything with spaces) and [`dyad_text::sentences`] is scored on
//! boundary F1 (end offsets, the document's end excluded).

use std::collections::HashSet;
use std::time::Instant;

struct GoldSentence {
    text: String,
    new_doc: bool,
    new_par: bool,
    /// Char spans of the syntactic words in `text`.
    words: Vec<(usize, usize)>,
    forms: Vec<String>,
}

fn parse(conllu: &str) -> (Vec<GoldSentence>, usize) {
    let mut out = Vec::new();
    let mut skipped = 0;
    for block in conllu.split("\n\n") {
        let mut text = None;
        let (mut new_doc, mut new_par) = (false, false);
        // (surface form, its word forms)
        let mut surface: Vec<(String, Vec<String>)> = Vec::new();
        let mut mwt_until = 0usize;
        for line in block.lines() {
            if let Some(t) = line.strip_prefix("# text = ") {
                text = Some(t.to_string());
            } else if line.starts_with("# newdoc") {
                new_doc = true;
            } else if line.starts_with("# newpar") {
                new_par = true;
            } else if !line.starts_with('#') && !line.is_empty() {
                let cols: Vec<&str> = line.split('\t').collect();
                if cols.len() < 2 {
                    continue;
                }
                let id = cols[0];
                if id.contains('.') {
                    continue; // empty nodes
                }
                if let Some((a, b)) = id.split_once('-') {
                    mwt_until = b.parse().unwrap_or(0);
                    let _ = a;
                    surface.push((cols[1].to_string(), Vec::new()));
                    continue;
                }
                let n: usize = id.parse().unwrap_or(0);
                if n <= mwt_until {
                    if let Some(last) = surface.last_mut() {
                        last.1.push(cols[1].to_string());
                    }
                } else {
                    surface.push((cols[1].to_string(), vec![cols[1].to_string()]));
                }
            }
        }
        let Some(text) = text else { continue };
        // Align surface forms to the text.
        let chars: Vec<char> = text.chars().collect();
        let mut pos = 0;
        let mut words = Vec::new();
        let mut forms = Vec::new();
        let mut ok = true;
        for (form, parts) in &surface {
            while pos < chars.len() && chars[pos].is_whitespace() {
                pos += 1;
            }
            let fc: Vec<char> = form.chars().collect();
            if chars.get(pos..pos + fc.len()) != Some(&fc[..]) {
                ok = false;
                break;
            }
            let lens: Vec<usize> = parts.iter().map(|p| p.chars().count()).collect();
            if lens.iter().sum::<usize>() == fc.len() {
                let mut p = pos;
                for (part, len) in parts.iter().zip(lens) {
                    words.push((p, p + len));
                    forms.push(part.clone());
                    p += len;
                }
            } else {
                words.push((pos, pos + fc.len()));
                forms.push(form.clone());
            }
            pos += fc.len();
        }
        if !ok {
            skipped += 1;
            continue;
        }
        out.push(GoldSentence {
            text,
            new_doc,
            new_par,
            words,
            forms,
        });
    }
    (out, skipped)
}

fn f1(tp: usize, pred: usize, gold: usize) -> (f64, f64, f64) {
    let p = tp as f64 / pred.max(1) as f64;
    let r = tp as f64 / gold.max(1) as f64;
    (p, r, 2.0 * p * r / (p + r).max(f64::MIN_POSITIVE))
}

fn eval_tokens(gold: &[GoldSentence], show: usize) {
    let (mut tp, mut npred, mut ngold, mut exact) = (0, 0, 0, 0);
    let mut shown = 0;
    for g in gold {
        let toks = dyad_text::tokenize(&g.text);
        let pred: HashSet<(usize, usize)> =
            toks.iter().map(|t| (t.span.start, t.span.end)).collect();
        let gset: HashSet<(usize, usize)> = g.words.iter().copied().collect();
        let hit = pred.intersection(&gset).count();
        tp += hit;
        npred += pred.len();
        ngold += gset.len();
        if hit == pred.len() && hit == gset.len() {
            exact += 1;
        } else if shown < show {
            shown += 1;
            let ours: Vec<&str> = toks.iter().map(|t| t.text.as_str()).collect();
            println!(
                "TEXT {}\n  gold {}\n  ours {}",
                g.text,
                g.forms.join(" "),
                ours.join(" ")
            );
        }
    }
    let (p, r, f) = f1(tp, npred, ngold);
    println!(
        "tokens: P {:.2}% R {:.2}% F1 {:.2}% ({} gold words); sentences tokenized exactly {:.2}% of {}",
        100.0 * p,
        100.0 * r,
        100.0 * f,
        ngold,
        100.0 * exact as f64 / gold.len().max(1) as f64,
        gold.len()
    );
}

/// Whether a sentence ends in terminal punctuation (possibly inside quotes or
/// brackets): the boundaries a splitter can be asked to find without guessing.
fn punctuated(text: &str) -> bool {
    let t =
        text.trim_end_matches(|c: char| c.is_whitespace() || "\"')]}\u{201d}\u{2019}".contains(c));
    t.ends_with(['.', '!', '?', '\u{2026}'])
}

/// Documents as (text, gold boundary offsets excluding the end).
fn documents(gold: &[GoldSentence], par_sep: &str) -> Vec<(String, Vec<usize>)> {
    let mut docs: Vec<(String, Vec<usize>)> = Vec::new();
    for g in gold {
        if g.new_doc || docs.is_empty() {
            docs.push((String::new(), Vec::new()));
        }
        let Some((text, ends)) = docs.last_mut() else {
            continue;
        };
        if !text.is_empty() {
            ends.push(text.chars().count());
            // Negative marks a boundary after an unpunctuated sentence.
            if !punctuated(text) {
                if let Some(last) = ends.last_mut() {
                    *last = usize::MAX - *last;
                }
            }
            text.push_str(if g.new_par { par_sep } else { " " });
        }
        text.push_str(g.text.trim_end());
    }
    docs
}

fn eval_sentences(gold: &[GoldSentence], par_sep: &str, label: &str, show: usize) {
    let docs = documents(gold, par_sep);
    let (mut tp, mut npred, mut ngold) = (0, 0, 0);
    let (mut punct_tp, mut npunct) = (0, 0);
    let mut shown = 0;
    let mut total_chars = 0;
    let started = Instant::now();
    for (text, ends) in &docs {
        total_chars += text.chars().count();
        let sents = dyad_text::sentences(text);
        let pred: HashSet<usize> = sents
            .iter()
            .take(sents.len().saturating_sub(1))
            .map(|s| s.span.end)
            .collect();
        let unmark = |e: usize| {
            if e > usize::MAX / 2 {
                usize::MAX - e
            } else {
                e
            }
        };
        let gset: HashSet<usize> = ends.iter().map(|&e| unmark(e)).collect();
        let punct: HashSet<usize> = ends
            .iter()
            .copied()
            .filter(|&e| e < usize::MAX / 2)
            .collect();
        punct_tp += pred.intersection(&punct).count();
        npunct += punct.len();
        tp += pred.intersection(&gset).count();
        npred += pred.len();
        ngold += gset.len();
        if shown < show {
            let chars: Vec<char> = text.chars().collect();
            for &e in pred.symmetric_difference(&gset) {
                if shown >= show {
                    break;
                }
                shown += 1;
                let a = e.saturating_sub(50);
                let b = (e + 40).min(chars.len());
                let left: String = chars[a..e].iter().collect();
                let right: String = chars[e..b].iter().collect();
                let kind = if gset.contains(&e) { "MISSED" } else { "EXTRA" };
                println!("{kind} …{left}‖{right}…");
            }
        }
    }
    let secs = started.elapsed().as_secs_f64();
    let (p, r, f) = f1(tp, npred, ngold);
    println!(
        "sentences ({label}): boundary P {:.2}% R {:.2}% F1 {:.2}% ({} gold boundaries, {} docs); {:.1} M chars/s",
        100.0 * p,
        100.0 * r,
        100.0 * f,
        ngold,
        docs.len(),
        total_chars as f64 / secs / 1e6
    );
    println!(
        "  recall on the {} boundaries after terminal punctuation: {:.2}%",
        npunct,
        100.0 * punct_tp as f64 / npunct.max(1) as f64
    );
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut show = 0;
    let mut files = Vec::new();
    let mut it = args.iter();
    while let Some(a) = it.next() {
        if a == "--show" {
            show = it.next().and_then(|n| n.parse().ok()).unwrap_or(20);
        } else {
            files.push(a.clone());
        }
    }
    if files.is_empty() {
        eprintln!("usage: ewt_eval FILE.conllu... [--show N]");
        std::process::exit(2);
    }
    for file in files {
        let conllu = match std::fs::read_to_string(&file) {
            Ok(s) => s,
            Err(e) => {
                eprintln!("{file}: {e}");
                std::process::exit(1);
            }
        };
        let (gold, skipped) = parse(&conllu);
        println!(
            "== {file}: {} sentences ({skipped} not aligned)",
            gold.len()
        );
        eval_tokens(&gold, show);
        eval_sentences(&gold, "\n", "paragraphs on lines", show);
        eval_sentences(&gold, " ", "all on one line", show);
    }
}
