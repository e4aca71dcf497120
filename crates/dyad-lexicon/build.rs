//! Copies the built-in dictionaries into the build directory so that the
//! crate compiles (with an empty built-in lexicon) even while a data file is
//! still being written, and lists every `data/*.actors.txt` file and every
//! agents file (`agents.txt`, then `*.agents.txt`), hand-written and generated
//! alike, in `builtin_actors.rs` for `src/lib.rs`.

use std::path::Path;

const FILES: [&str; 3] = ["verbs.txt", "discards.txt", "words.txt"];

fn main() {
    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    let out = Path::new(&out);
    println!("cargo:rerun-if-changed=data");
    for name in FILES {
        let source = Path::new("data").join(name);
        println!("cargo:rerun-if-changed={}", source.display());
        let text = std::fs::read(&source).unwrap_or_default();
        std::fs::write(out.join(name), text).expect("writable OUT_DIR");
    }
    let mut list = String::new();
    for (constant, kind, first) in [
        ("BUILTIN_ACTORS", "actors", None),
        ("BUILTIN_AGENTS", "agents", Some("agents.txt")),
    ] {
        let mut files: Vec<String> = std::fs::read_dir("data")
            .map(|dir| {
                dir.filter_map(|e| e.ok())
                    .map(|e| e.file_name().to_string_lossy().into_owned())
                    .filter(|name| {
                        name.ends_with(&format!(".{kind}.txt")) || Some(name.as_str()) == first
                    })
                    .collect()
            })
            .unwrap_or_default();
        // (The hand-written file first, then the generated ones in name order.)
        files.sort_by_key(|name| (Some(name.as_str()) != first, name.clone()));
        list.push_str(&format!(
            "/// The built-in {kind} files: (file name, text).\nconst {constant}: &[(&str, &str)] = &[\n"
        ));
        for name in &files {
            let source = Path::new("data").join(name);
            println!("cargo:rerun-if-changed={}", source.display());
            let text = std::fs::read(&source).unwrap_or_default();
            std::fs::write(out.join(name), text).expect("writable OUT_DIR");
            list.push_str(&format!(
                "    ({name:?}, include_str!(concat!(env!(\"OUT_DIR\"), \"/{name}\"))),\n"
            ));
        }
        list.push_str("];\n");
    }
    std::fs::write(out.join("builtin_actors.rs"), list).expect("writable OUT_DIR");
}
