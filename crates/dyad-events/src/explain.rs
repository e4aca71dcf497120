//! Why a sentence codes as it does: a human-readable account of the coder's
//! work (tokens, parse, actors and their basis, each verb tried with the
//! patterns considered, and the events), for users and lexicon writers.

use std::fmt::Write;

use dyad_types::{Document, ParsedSentence, Sentence};

use crate::{clause, Coder, Context};

impl Coder {
    /// The account of the sentences of a document (of sentence `only`
    /// when given). Not a stable format: it is for people to read.
    pub fn explain(
        &self,
        doc: &Document,
        sentences: &[Sentence],
        parses: &[ParsedSentence],
        only: Option<usize>,
    ) -> String {
        let mut out = String::new();
        if sentences.is_empty() {
            out.push_str("No sentences: the text is empty or has no words.\n");
            return out;
        }
        let read = self.read_document(doc, sentences, parses);
        let context = Context {
            date: doc.date.map(|d| d.to_yyyymmdd()),
            actors: &read.actors,
        };
        if read.discarded {
            out.push_str("A story discard occurs in the document: nothing in it is coded.\n");
        }
        for (i, (sentence, analysis)) in sentences.iter().zip(&read.analyses).enumerate() {
            if only.is_some_and(|n| n != i) {
                continue;
            }
            let text: String = doc
                .text
                .chars()
                .skip(sentence.span.start)
                .take(sentence.span.len())
                .collect();
            let _ = writeln!(
                out,
                "== sentence {} [{}, {}]: {}",
                sentence.index, sentence.span.start, sentence.span.end, text
            );
            out.push_str("\ntokens (id, form, lemma, UPOS, XPOS, head, relation):\n");
            for (k, token) in sentence.tokens.iter().enumerate() {
                match analysis.parse.map(|p| &p.words[k]) {
                    Some(w) => {
                        let _ = writeln!(
                            out,
                            "  {:>3}  {:<16} {:<16} {:<6} {:<5} {:>3}  {}",
                            k + 1,
                            token.text,
                            w.lemma,
                            w.upos.as_str(),
                            w.xpos,
                            w.head.map_or(0, |h| h + 1),
                            w.deprel
                        );
                    }
                    None => {
                        let _ = writeln!(out, "  {:>3}  {}  (no parse)", k + 1, token.text);
                    }
                }
            }
            out.push_str("\nactors:\n");
            let mut any = false;
            for group in &analysis.groups {
                for (resolved, basis) in self.group_actors_with_basis(group, context) {
                    any = true;
                    let words: Vec<&str> = (resolved.start..resolved.end)
                        .map(|k| sentence.tokens[k].text.as_str())
                        .collect();
                    let _ = writeln!(
                        out,
                        "  \"{}\" = {} ({})",
                        words.join(" "),
                        resolved.code,
                        basis.as_str()
                    );
                }
            }
            if !any {
                out.push_str("  none\n");
            }
            if self.sentence_discarded(analysis) {
                out.push_str("\nA discard phrase occurs in the sentence: it is not coded.\n\n");
                continue;
            }
            out.push_str("\nverbs:\n");
            let mut trace = Vec::new();
            let events = clause::code(self, analysis, context, Some(&mut trace));
            if trace.is_empty() {
                out.push_str("  no verb of the dictionary\n");
            }
            for line in trace {
                let _ = writeln!(out, "  {line}");
            }
            out.push_str("\nevents:\n");
            if events.is_empty() || read.discarded {
                out.push_str("  none\n");
            }
            if !read.discarded {
                for e in &events {
                    let name = dyad_types::cameo::lookup_or_parent(&e.code).map_or("", |c| c.name);
                    let _ = writeln!(
                        out,
                        "  {} {} ({}) {}",
                        e.source.code,
                        e.code,
                        name.trim(),
                        e.target.as_ref().map_or("---", |t| t.code.as_str())
                    );
                }
            }
            out.push('\n');
        }
        out
    }
}
