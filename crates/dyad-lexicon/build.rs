//! Copies the built-in dictionaries into the build directory so that the
//! crate compiles (with an empty built-in lexicon) even while a data file is
//! still being written.

use std::path::Path;

const FILES: [&str; 6] = [
    "countries.actors.txt",
    "international.actors.txt",
    "nonstate.actors.txt",
    "agents.txt",
    "verbs.txt",
    "discards.txt",
];

fn main() {
    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    println!("cargo:rerun-if-changed=data");
    for name in FILES {
        let source = Path::new("data").join(name);
        println!("cargo:rerun-if-changed={}", source.display());
        let text = std::fs::read(&source).unwrap_or_default();
        std::fs::write(Path::new(&out).join(name), text).expect("writable OUT_DIR");
    }
}
