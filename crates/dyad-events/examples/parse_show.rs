//! Prints tokens and parses of sentences given on the command line (a debugging aid).

fn main() {
    let model = match dyad_nlp::Model::embedded() {
        Ok(model) => model,
        Err(err) => {
            eprintln!("no model: {err}");
            std::process::exit(2);
        }
    };
    for text in std::env::args().skip(1) {
        for sentence in dyad_text::sentences(&text) {
            let words: Vec<&str> = sentence.tokens.iter().map(|t| t.text.as_str()).collect();
            let parse = model.parse(&words);
            for (i, (w, p)) in words.iter().zip(&parse.words).enumerate() {
                let head = p.head.map_or(0, |h| h + 1);
                println!(
                    "{}\t{}\t{}\t{:?}\t{}\t{}\t{}",
                    i + 1,
                    w,
                    p.lemma,
                    p.upos,
                    p.xpos,
                    head,
                    p.deprel
                );
            }
            println!();
        }
    }
}
