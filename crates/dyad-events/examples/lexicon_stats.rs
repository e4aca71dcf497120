//! Loads PETRARCH2-format dictionaries and prints entry counts and warnings:
//! `cargo run -p dyad-events --example lexicon_stats -- VERBS ACTORS... --agents A --discards D`.

use std::path::PathBuf;

use dyad_lexicon::{Lexicon, LexiconFiles};

fn main() {
    let mut files = LexiconFiles::default();
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            flag if files.take_flag(flag, &mut args) => {}
            other => files.actors.push(PathBuf::from(other)),
        }
    }
    match Lexicon::load(&files) {
        Ok((lexicon, warnings)) => {
            for warning in &warnings {
                eprintln!("warning: {warning}");
            }
            println!("{}", lexicon.stats());
            println!("{} warnings", warnings.len());
        }
        Err(err) => {
            eprintln!("error: {err}");
            std::process::exit(2);
        }
    }
}
