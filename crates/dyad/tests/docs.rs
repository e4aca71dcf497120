//! The README's figures are the documentation's: every number of the
//! "How well it does" table must appear in a page of `docs/`, where each
//! figure stands with the command that measured it. A figure changed in
//! one place and not the other fails here.

use std::fs;
use std::path::Path;

/// The numbers of a table cell: runs of digits, with the `.`, `,` and `%`
/// inside or around them ("F1 .967", "1,417", "57.1%"); digits that end a
/// word ("F1", "UD2") are not numbers.
fn numbers(cell: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut current = String::new();
    let mut in_word = false;
    for c in cell.chars().chain([' ']) {
        if c.is_ascii_digit() || matches!(c, '.' | ',' | '%') {
            if !in_word {
                current.push(c);
            }
        } else {
            let number = current.trim_end_matches([',', '.']).to_string();
            if number.chars().any(|c| c.is_ascii_digit()) {
                found.push(number);
            }
            current.clear();
            in_word = c.is_alphabetic();
        }
    }
    found
}

#[test]
fn every_figure_of_the_readme_is_in_the_docs() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let readme = fs::read_to_string(root.join("README.md")).expect("README.md");
    let mut docs = String::new();
    for entry in fs::read_dir(root.join("docs")).expect("docs/") {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "md") {
            docs.push_str(&fs::read_to_string(&path).unwrap());
        }
    }
    let table = readme
        .split("## How well it does")
        .nth(1)
        .expect("the README's figures section")
        .split("\n## ")
        .next()
        .unwrap();
    let mut checked = 0;
    for row in table
        .lines()
        .filter(|l| l.starts_with("| ") && !l.starts_with("| stage"))
    {
        let figure = row.split('|').nth(2).unwrap_or("");
        for number in numbers(figure) {
            assert!(
                docs.contains(&number),
                "README figure {number} is in no page of docs/: {row}"
            );
            checked += 1;
        }
    }
    assert!(
        checked > 20,
        "only {checked} figures found in the README table"
    );
}

#[test]
fn numbers_are_read_with_their_points_and_percent_signs() {
    assert_eq!(
        numbers("F1 .967, 847 pages/s; 57.1% of 1,417."),
        [".967", "847", "57.1%", "1,417"]
    );
}
