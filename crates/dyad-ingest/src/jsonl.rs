//! JSON-lines documents: one `{"id","text"|"html","date","title","url"}` object per line.
//!
//! Each field is read on its own, so that one field of the wrong type costs
//! that field (a warning), not the document: a `title` that is a number is
//! dropped, a numeric `id` is kept exactly as written (digits are not
//! rounded through a float), a lone UTF-16 surrogate escape (`"\ud800"`,
//! which is not a character) becomes U+FFFD with a warning. Only a line
//! that is not a JSON object, or has neither a usable `text` nor a usable
//! `html`, is an error — in words that name the line's problem, not ours.

use std::borrow::Cow;

use dyad_types::Date;
use serde::Deserialize;
use serde_json::value::RawValue;

/// One line as written: every field raw, to be read on its own.
#[derive(Debug, Deserialize)]
struct RawRecord<'a> {
    #[serde(borrow, default)]
    id: Option<&'a RawValue>,
    #[serde(borrow, default)]
    text: Option<&'a RawValue>,
    #[serde(borrow, default)]
    html: Option<&'a RawValue>,
    #[serde(borrow, default)]
    date: Option<&'a RawValue>,
    #[serde(borrow, default)]
    title: Option<&'a RawValue>,
    #[serde(borrow, default)]
    url: Option<&'a RawValue>,
}

/// A field that may be missing, usable, or unusable (with the reason).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(crate) enum Field {
    #[default]
    Missing,
    Value(String),
    Wrong(String),
}

impl Field {
    pub fn value(&self) -> Option<&str> {
        match self {
            Field::Value(v) => Some(v),
            _ => None,
        }
    }
}

/// One line, read field by field.
#[derive(Debug, Default)]
pub(crate) struct Record {
    /// The id as written: a string's contents, a number's digits.
    pub id: Option<String>,
    pub text: Field,
    pub html: Field,
    pub date: Option<Date>,
    pub title: Option<String>,
    pub url: Option<String>,
    /// Problems that cost a field, not the document, in the line's order.
    pub warnings: Vec<String>,
}

/// Parses one line; an error is a sentence for the user.
pub(crate) fn parse(line: &str) -> Result<Record, String> {
    let (line, lone) = replace_lone_surrogates(line);
    let first = line.trim_start().chars().next();
    if first != Some('{') {
        return Err(match serde_json::from_str::<serde::de::IgnoredAny>(&line) {
            Ok(_) => format!(
                "the line is {}, not a JSON object such as {{\"id\": \"…\", \"text\": \"…\"}}",
                kind_of(line.trim_start())
            ),
            Err(err) => format!("not JSON ({err})"),
        });
    }
    let raw: RawRecord = serde_json::from_str(&line).map_err(|err| {
        let text = err.to_string();
        match text.strip_prefix("duplicate field `") {
            Some(rest) => {
                let field = rest.split('`').next().unwrap_or("");
                format!("the field \"{field}\" is given twice")
            }
            None => format!("not valid JSON ({text})"),
        }
    })?;
    let mut record = Record::default();
    if lone > 0 {
        record.warnings.push(format!(
            "{lone} lone surrogate escape{} (\\ud800-\\udfff, not a character) replaced by U+FFFD",
            if lone == 1 { "" } else { "s" }
        ));
    }
    record.id = match raw.id {
        None => None,
        Some(raw) => match raw.get().trim_start().as_bytes().first() {
            Some(b'"') => string(raw).filter(|s| !s.is_empty()),
            Some(b'-' | b'0'..=b'9') => Some(raw.get().trim().to_string()),
            Some(b'n') => None,
            _ => {
                record.warnings.push(format!(
                    "\"id\" should be a string or a number but is {}; the line number stands in",
                    kind_of(raw.get())
                ));
                None
            }
        },
    };
    record.text = field("text", raw.text);
    record.html = field("html", raw.html);
    record.title = optional("title", raw.title, &mut record.warnings);
    record.url = optional("url", raw.url, &mut record.warnings);
    record.date = match raw
        .date
        .map(|d| (d, d.get().trim_start().as_bytes().first()))
    {
        None | Some((_, Some(b'n'))) => None,
        Some((raw, Some(b'"'))) => {
            let s = string(raw).unwrap_or_default();
            let day = s.trim().get(..10).unwrap_or(s.trim());
            if s.trim().is_empty() {
                None
            } else if let Ok(date) = day.parse::<Date>() {
                Some(date)
            } else {
                record
                    .warnings
                    .push(format!("date {s:?} is not YYYY-MM-DD; ignored"));
                None
            }
        }
        Some((raw, _)) => {
            record.warnings.push(format!(
                "date {} is not YYYY-MM-DD; ignored",
                short(raw.get())
            ));
            None
        }
    };
    Ok(record)
}

/// A string field: its value, nothing for `null`, or why it is unusable.
fn field(name: &str, raw: Option<&RawValue>) -> Field {
    let Some(raw) = raw else {
        return Field::Missing;
    };
    match raw.get().trim_start().as_bytes().first() {
        Some(b'n') => Field::Missing,
        Some(b'"') => match string(raw) {
            Some(s) => Field::Value(s),
            None => Field::Wrong(format!("\"{name}\" is not a valid JSON string")),
        },
        _ => Field::Wrong(format!(
            "\"{name}\" should be a string but is {} ({})",
            kind_of(raw.get()),
            short(raw.get())
        )),
    }
}

/// An optional string field: a wrong type is a warning and the field is dropped.
fn optional(name: &str, raw: Option<&RawValue>, warnings: &mut Vec<String>) -> Option<String> {
    match field(name, raw) {
        Field::Missing => None,
        Field::Value(v) => Some(v),
        Field::Wrong(why) => {
            warnings.push(format!("{why}; ignored"));
            None
        }
    }
}

fn string(raw: &RawValue) -> Option<String> {
    serde_json::from_str::<String>(raw.get()).ok()
}

/// "an array", "a number", … for a JSON value's text.
fn kind_of(json: &str) -> &'static str {
    match json.trim_start().as_bytes().first() {
        Some(b'{') => "an object",
        Some(b'[') => "an array",
        Some(b'"') => "a string",
        Some(b't' | b'f') => "a boolean",
        Some(b'n') => "null",
        Some(b'-' | b'0'..=b'9') => "a number",
        _ => "empty",
    }
}

/// A value's text, shortened for a message.
fn short(json: &str) -> String {
    let json = json.trim();
    match json.char_indices().nth(40) {
        Some((at, _)) => format!("{}…", &json[..at]),
        None => json.to_string(),
    }
}

/// Replaces `\uXXXX` escapes of UTF-16 surrogates that are not part of a
/// pair by `\ufffd`, which JSON parsers accept; returns how many there were.
fn replace_lone_surrogates(line: &str) -> (Cow<'_, str>, usize) {
    if !line.contains("\\u") {
        return (Cow::Borrowed(line), 0);
    }
    let bytes = line.as_bytes();
    let hex = |at: usize| -> Option<u32> {
        let digits = bytes.get(at..at + 4)?;
        let text = std::str::from_utf8(digits).ok()?;
        u32::from_str_radix(text, 16).ok()
    };
    let escape = |at: usize| -> Option<u32> {
        (bytes.get(at) == Some(&b'\\') && bytes.get(at + 1) == Some(&b'u'))
            .then(|| hex(at + 2))
            .flatten()
    };
    let mut out: Vec<u8> = Vec::with_capacity(bytes.len());
    let mut lone = 0;
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] != b'\\' {
            out.push(bytes[i]);
            i += 1;
            continue;
        }
        match escape(i) {
            Some(0xD800..=0xDBFF) => match escape(i + 6) {
                Some(0xDC00..=0xDFFF) => {
                    out.extend_from_slice(&bytes[i..i + 12]);
                    i += 12;
                }
                _ => {
                    out.extend_from_slice(b"\\ufffd");
                    lone += 1;
                    i += 6;
                }
            },
            Some(0xDC00..=0xDFFF) => {
                out.extend_from_slice(b"\\ufffd");
                lone += 1;
                i += 6;
            }
            _ => {
                // Any other escape (`\\`, `\"`, `\n`, `\u0041`): copied as
                // it is, so that an escaped backslash is not read as the
                // start of another escape.
                let end = (i + 2).min(bytes.len());
                out.extend_from_slice(&bytes[i..end]);
                i = end;
            }
        }
    }
    if lone == 0 {
        return (Cow::Borrowed(line), 0);
    }
    // Only ASCII was replaced by ASCII: the bytes are still UTF-8.
    let text = String::from_utf8(out)
        .unwrap_or_else(|err| String::from_utf8_lossy(err.as_bytes()).into_owned());
    (Cow::Owned(text), lone)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_every_field() {
        let record = parse(
            r#"{"id": 7, "text": "Talks.", "date": "2015-05-12T10:00:00Z", "title": "T", "url": "http://x", "extra": 1}"#,
        )
        .unwrap();
        assert_eq!(record.id.as_deref(), Some("7"));
        assert_eq!(record.text.value(), Some("Talks."));
        assert_eq!(record.date, Date::new(2015, 5, 12));
        assert_eq!(record.title.as_deref(), Some("T"));
        assert_eq!(record.url.as_deref(), Some("http://x"));
        assert!(record.warnings.is_empty());
    }

    #[test]
    fn bad_dates_and_lines_are_errors() {
        let record = parse(r#"{"text": "x", "date": "May 12"}"#).unwrap();
        assert_eq!(record.date, None);
        assert_eq!(record.warnings.len(), 1);
        assert_eq!(record.id, None);
        assert!(parse("not json").unwrap_err().starts_with("not JSON"));
        assert!(parse("[1, 2]").is_err());
        let record = parse(r#"{"text": 5}"#).unwrap();
        assert!(matches!(record.text, Field::Wrong(_)));
    }

    #[test]
    fn numeric_ids_are_kept_as_written() {
        for id in ["12345678901234567890123456789", "-3", "1e5", "0.10"] {
            let record = parse(&format!(r#"{{"id": {id}, "text": "x"}}"#)).unwrap();
            assert_eq!(record.id.as_deref(), Some(id));
        }
        let record = parse(r#"{"id": [1], "text": "x"}"#).unwrap();
        assert_eq!(record.id, None);
        assert!(
            record.warnings[0].contains("is an array"),
            "{:?}",
            record.warnings
        );
    }

    #[test]
    fn wrong_typed_optional_fields_are_dropped_with_a_warning() {
        let record = parse(
            r#"{"id": "a", "text": "Talks.", "title": 5, "url": {"x": 1}, "date": 20150512}"#,
        )
        .unwrap();
        assert_eq!(record.text.value(), Some("Talks."));
        assert_eq!((record.title, record.url, record.date), (None, None, None));
        assert_eq!(record.warnings.len(), 3, "{:?}", record.warnings);
        assert!(record.warnings[0].contains("\"title\" should be a string but is a number"));
        assert!(record.warnings[1].contains("\"url\" should be a string but is an object"));
        assert!(record.warnings[2].contains("date 20150512"));
    }

    #[test]
    fn lone_surrogates_become_replacement_characters() {
        let record = parse(r#"{"text": "a\ud800b \udc00 \ud83d\ude00 \\ud800"}"#).unwrap();
        assert_eq!(record.text.value(), Some("a\u{fffd}b \u{fffd} 😀 \\ud800"));
        assert_eq!(record.warnings.len(), 1);
        assert!(record.warnings[0].starts_with("2 lone surrogate escapes"));
    }

    #[test]
    fn messages_speak_of_the_line_not_of_our_types() {
        let err = parse("[1,2,3]").unwrap_err();
        assert_eq!(
            err,
            "the line is an array, not a JSON object such as {\"id\": \"…\", \"text\": \"…\"}"
        );
        assert!(!err.contains("struct"));
        assert!(parse("\"text\"").unwrap_err().contains("is a string"));
        assert!(parse("42").unwrap_err().contains("is a number"));
        let err = parse(r#"{"text": "a", "text": "b"}"#).unwrap_err();
        assert_eq!(err, "the field \"text\" is given twice");
        let err = parse(r#"{"text": "a""#).unwrap_err();
        assert!(err.starts_with("not valid JSON"), "{err}");
        assert!(!err.contains("RawRecord"), "{err}");
    }
}
