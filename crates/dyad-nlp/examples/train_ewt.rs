//! Trains the model without the CLI (same as `dyad train`):
//! `cargo run --release -p dyad-nlp --example train_ewt -- TRAIN.conllu DEV.conllu OUT_DIR [PARSER_EPOCHS]`.

use dyad_nlp::conllu::read_treebank;
use dyad_nlp::train::{evaluate, train, TrainConfig};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().collect();
    if args.len() < 4 {
        return Err("usage: train_ewt TRAIN.conllu DEV.conllu OUT_DIR [PARSER_EPOCHS]".into());
    }
    let train_set = read_treebank(&std::fs::read_to_string(&args[1])?);
    let dev_set = read_treebank(&std::fs::read_to_string(&args[2])?);
    let mut cfg = TrainConfig::default();
    if let Some(e) = args.get(4) {
        let epochs = e.parse()?;
        match cfg.neural.as_mut() {
            Some(neural) => neural.epochs = epochs,
            None => cfg.parser_epochs = epochs,
        }
    }
    let (model, scores) = train(&train_set, &dev_set, &cfg, |l| eprintln!("{l}"))?;
    std::fs::create_dir_all(&args[3])?;
    let bytes = model.to_bytes();
    std::fs::write(format!("{}/en_ewt.bin", args[3]), &bytes)?;
    let saved = dyad_nlp::Model::from_bytes(&bytes)?;
    let check = evaluate(&saved, &dev_set);
    std::fs::write(
        format!("{}/dev_scores.txt", args[3]),
        format!("upos {:.2}\nlas {:.2}\n", check.upos, check.las),
    )?;
    println!("{} bytes; dev {scores}", bytes.len());
    Ok(())
}
