//! File names for document ids (`dyad extract --to-dir`): any id becomes a
//! safe, portable file name, and [`UniqueNames`] keeps names unique in a run.
//!
//! The mapping ([`file_stem`]) percent-encodes (`%XX`, the UTF-8 bytes in
//! upper-case hex) what a file name cannot hold or would misread:
//! - control characters (NUL, line ends, C1 controls) and
//!   `/ \ : * ? " < > |` (path separators and what Windows forbids);
//! - `%` and `~` themselves, so that the mapping can be undone and the
//!   names it makes never meet the `~N` suffixes of [`UniqueNames`];
//! - a leading `.` (no hidden files; `.` and `..` are not paths);
//! - the first character of a name Windows reserves (`CON`, `PRN`, `AUX`,
//!   `NUL`, `COM0`–`COM9`, `LPT0`–`LPT9`, in any case, alone or before a
//!   dot: `con.txt` is reserved too), so `CON` becomes `%43ON`.
//!
//! An empty id becomes `_` (as the id `_` does). A name longer than [`MAX_STEM_BYTES`] bytes once
//! encoded keeps its first part and ends in `~` and 16 hex digits of a hash
//! of the whole id (FNV-1a, 64 bits), so 300-character ids that share a
//! beginning stay apart. Other characters (letters of any script, spaces,
//! digits, `-`, `_`, `.`) stay as they are.

use std::collections::HashSet;

/// The longest file stem made, in bytes: room is left for a `~N` suffix,
/// an extension and the temporary name a file is written under, within
/// the 255 bytes most file systems allow.
pub const MAX_STEM_BYTES: usize = 200;

/// The safe file stem of a document id (see the module docs).
pub fn file_stem(id: &str) -> String {
    if id.is_empty() {
        return "_".to_string();
    }
    let reserved = is_windows_reserved(id);
    let mut stem = String::with_capacity(id.len());
    for (i, c) in id.chars().enumerate() {
        let encode = c.is_control()
            || matches!(
                c,
                '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|' | '%' | '~'
            )
            || (i == 0 && (c == '.' || reserved));
        if encode {
            let mut buf = [0u8; 4];
            for b in c.encode_utf8(&mut buf).bytes() {
                stem.push_str(&format!("%{b:02X}"));
            }
        } else {
            stem.push(c);
        }
    }
    if stem.len() <= MAX_STEM_BYTES {
        return stem;
    }
    let hash = format!("~{:016x}", fnv1a(id.as_bytes()));
    let mut cut = MAX_STEM_BYTES - hash.len();
    while !stem.is_char_boundary(cut) {
        cut -= 1;
    }
    // Do not split a `%XX` escape (`%` is ASCII: a byte search is safe).
    let from = cut.saturating_sub(2);
    if let Some(percent) = stem.as_bytes()[from..cut].iter().position(|&b| b == b'%') {
        cut = from + percent;
    }
    format!("{}{hash}", &stem[..cut])
}

/// Undoes [`file_stem`] for names that were not shortened (a shortened
/// name ends in `~` and a hash; `None` then, and for names it cannot make).
/// `_` gives `_` (the empty id maps there too).
pub fn id_of_stem(stem: &str) -> Option<String> {
    if stem.contains('~') {
        return None;
    }
    let bytes = stem.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = std::str::from_utf8(bytes.get(i + 1..i + 3)?).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// Whether the part of a name before its first dot is a device name that
/// Windows reserves.
fn is_windows_reserved(id: &str) -> bool {
    let base = id.split('.').next().unwrap_or("").trim_end_matches(' ');
    let upper = base.to_ascii_uppercase();
    match upper.as_str() {
        "CON" | "PRN" | "AUX" | "NUL" => true,
        _ => {
            let bytes = upper.as_bytes();
            bytes.len() == 4
                && (upper.starts_with("COM") || upper.starts_with("LPT"))
                && bytes[3].is_ascii_digit()
        }
    }
}

/// FNV-1a, 64 bits: small, stable across versions and platforms.
fn fnv1a(bytes: &[u8]) -> u64 {
    let mut hash = 0xcbf2_9ce4_8422_2325_u64;
    for &b in bytes {
        hash ^= u64::from(b);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    hash
}

/// The names given so far in one output directory. Two documents whose
/// names would be the same — the same id twice, or ids that differ only
/// in case (one file on Windows and macOS) — get `~2`, `~3`, … after the
/// stem, in the order they come.
#[derive(Debug, Default)]
pub struct UniqueNames {
    used: HashSet<String>,
}

/// A name given to a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Named {
    /// The file name: the stem, a suffix when needed, and the extension.
    pub file_name: String,
    /// The name it would have had, when it had to be changed to stay unique.
    pub collided_with: Option<String>,
}

impl UniqueNames {
    pub fn new() -> UniqueNames {
        UniqueNames::default()
    }

    /// A unique file name for `id` with `extension` (without its dot).
    pub fn name(&mut self, id: &str, extension: &str) -> Named {
        let stem = file_stem(id);
        let plain = format!("{stem}.{extension}");
        if self.used.insert(plain.to_lowercase()) {
            return Named {
                file_name: plain,
                collided_with: None,
            };
        }
        let mut n = 2u64;
        loop {
            let candidate = format!("{stem}~{n}.{extension}");
            if self.used.insert(candidate.to_lowercase()) {
                return Named {
                    file_name: candidate,
                    collided_with: Some(plain),
                };
            }
            n += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_ids_stay_as_they_are() {
        for id in [
            "p1",
            "story-2019_05",
            "Émeutes à Paris",
            "北京",
            "v1.2",
            "a b",
        ] {
            assert_eq!(file_stem(id), id);
        }
    }

    #[test]
    fn unsafe_characters_are_percent_encoded() {
        assert_eq!(file_stem("2019/story.html"), "2019%2Fstory.html");
        assert_eq!(file_stem("a\0b"), "a%00b");
        assert_eq!(file_stem("urn:uuid:1234"), "urn%3Auuid%3A1234");
        assert_eq!(
            file_stem(r#"a\b*c?d"e<f>g|h"#),
            "a%5Cb%2Ac%3Fd%22e%3Cf%3Eg%7Ch"
        );
        assert_eq!(file_stem("50%~x"), "50%25%7Ex");
        assert_eq!(file_stem("line\nend\u{85}"), "line%0Aend%C2%85");
    }

    #[test]
    fn dots_and_reserved_names_cannot_mislead() {
        assert_eq!(file_stem(".."), "%2E.");
        assert_eq!(file_stem("."), "%2E");
        assert_eq!(file_stem(".hidden"), "%2Ehidden");
        assert_eq!(file_stem("../../etc/passwd"), "%2E.%2F..%2Fetc%2Fpasswd");
        assert_eq!(file_stem("CON"), "%43ON");
        assert_eq!(file_stem("nul.tar"), "%6Eul.tar");
        assert_eq!(file_stem("com7"), "%63om7");
        assert_eq!(file_stem("console"), "console");
        assert_eq!(file_stem(""), "_");
    }

    #[test]
    fn the_mapping_can_be_undone() {
        for id in [
            "2019/story.html",
            "a\0b",
            "..",
            "CON",
            "50%~x",
            "北京:1",
            "x",
        ] {
            assert_eq!(id_of_stem(&file_stem(id)).as_deref(), Some(id), "{id}");
        }
    }

    #[test]
    fn long_ids_are_cut_with_a_hash_and_stay_apart() {
        let a = format!("{}a", "x".repeat(300));
        let b = format!("{}b", "x".repeat(300));
        let (sa, sb) = (file_stem(&a), file_stem(&b));
        assert!(sa.len() <= MAX_STEM_BYTES, "{}", sa.len());
        assert_ne!(sa, sb);
        assert_eq!(id_of_stem(&sa), None);
        // Multi-byte characters and escapes are not split.
        let wide = "é/".repeat(200);
        let stem = file_stem(&wide);
        assert!(stem.len() <= MAX_STEM_BYTES);
        let cut = stem.rsplit_once('~').unwrap().0.as_bytes();
        assert!(!cut[cut.len() - 2..].contains(&b'%'), "{stem}");
    }

    #[test]
    fn collisions_get_numbered_suffixes() {
        let mut names = UniqueNames::new();
        assert_eq!(names.name("x", "txt").file_name, "x.txt");
        let second = names.name("x", "txt");
        assert_eq!(second.file_name, "x~2.txt");
        assert_eq!(second.collided_with.as_deref(), Some("x.txt"));
        assert_eq!(names.name("x", "txt").file_name, "x~3.txt");
        assert_eq!(names.name("X", "txt").file_name, "X~4.txt", "case folds");
        // An id that looks like a suffixed name cannot take one's place.
        assert_eq!(names.name("x~2", "txt").file_name, "x%7E2.txt");
    }
}
