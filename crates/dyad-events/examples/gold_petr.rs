//! Codes the PETRARCH unit-test records with the records' own (gold) CoNLL-U
//! parses instead of dyad's tagger and parser, to tell coder errors from
//! parser errors. Prints events as JSON lines for `score_petr.py`:
//!
//! `score_petr.py RECORDS.xml --cmd 'gold_petr RECORDS.xml --verbs V --actors A --agents G --discards D'`

use std::io::Write;
use std::path::PathBuf;

use dyad_events::Coder;
use dyad_lexicon::{Lexicon, LexiconFiles};
use dyad_types::{Document, ParsedSentence, ParsedWord, Sentence, Span, Token, Upos};

fn attr<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let key = format!("{name}=\"");
    let start = tag.find(&key)? + key.len();
    let end = tag[start..].find('"')? + start;
    Some(&tag[start..end])
}

fn main() {
    let mut files = LexiconFiles::default();
    let mut records = None;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            flag if files.take_flag(flag, &mut args) => {}
            other if records.is_none() => records = Some(PathBuf::from(other)),
            _ => {}
        }
    }
    let Ok((lexicon, _)) = Lexicon::load(&files) else {
        std::process::exit(2)
    };
    let coder = Coder::new(lexicon);
    let xml = std::fs::read_to_string(records.unwrap_or_default()).unwrap_or_default();
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    for chunk in xml.split("<Sentence ").skip(1) {
        let Some(tag_end) = chunk.find('>') else {
            continue;
        };
        let tag = &chunk[..tag_end];
        let (Some(id), Some(parse)) = (attr(tag, "id"), chunk.split("<Parse>").nth(1)) else {
            continue;
        };
        let parse = parse.split("</Parse>").next().unwrap_or("");
        let mut tokens = Vec::new();
        let mut words = Vec::new();
        let mut text = String::new();
        for line in parse.lines() {
            let cols: Vec<&str> = line.split('\t').collect();
            if cols.len() < 8 {
                continue;
            }
            let start = text.chars().count();
            text.push_str(cols[1]);
            let end = text.chars().count();
            text.push(' ');
            tokens.push(Token {
                text: cols[1].to_string(),
                span: Span::new(start, end),
            });
            let head: usize = cols[6].parse().unwrap_or(0);
            words.push(ParsedWord {
                lemma: cols[2].to_string(),
                upos: Upos::parse(cols[3]).unwrap_or(Upos::X),
                xpos: cols[4].to_string(),
                head: head.checked_sub(1),
                deprel: cols[7].to_string(),
            });
        }
        let d = attr(tag, "date").unwrap_or("");
        let mut doc = Document::new(id, text.clone());
        if d.len() == 8 {
            doc.date = format!("{}-{}-{}", &d[..4], &d[4..6], &d[6..]).parse().ok();
        }
        let sentence = Sentence {
            index: 0,
            span: Span::new(0, text.chars().count()),
            tokens,
        };
        for event in coder.code_document(&doc, &[sentence], &[ParsedSentence { words }]) {
            let _ = writeln!(out, "{}", serde_json::to_string(&event).unwrap_or_default());
        }
    }
}
