//! JSON-lines documents: one `{"id","text"|"html","date","title","url"}` object per line.

use dyad_types::Date;
use serde::Deserialize;

/// One line as written; every field may be missing.
#[derive(Debug, Deserialize)]
pub(crate) struct Record {
    #[serde(default)]
    pub id: Option<serde_json::Value>,
    #[serde(default)]
    pub text: Option<String>,
    #[serde(default)]
    pub html: Option<String>,
    #[serde(default)]
    pub date: Option<serde_json::Value>,
    #[serde(default)]
    pub title: Option<String>,
    #[serde(default)]
    pub url: Option<String>,
}

impl Record {
    /// The id as text: strings as they are, numbers written out.
    pub fn id(&self) -> Option<String> {
        match &self.id {
            Some(serde_json::Value::String(s)) if !s.is_empty() => Some(s.clone()),
            Some(serde_json::Value::Number(n)) => Some(n.to_string()),
            _ => None,
        }
    }

    /// The date: `null`, `"YYYY-MM-DD"`, or a timestamp that starts with one
    /// (`"2015-05-12T09:30:00Z"`). Anything else is an error message.
    pub fn date(&self) -> Result<Option<Date>, String> {
        match &self.date {
            None | Some(serde_json::Value::Null) => Ok(None),
            Some(serde_json::Value::String(s)) if s.trim().is_empty() => Ok(None),
            Some(serde_json::Value::String(s)) => {
                let day = s.trim().get(..10).unwrap_or(s.trim());
                day.parse::<Date>()
                    .map(Some)
                    .map_err(|_| format!("date {s:?} is not YYYY-MM-DD; ignored"))
            }
            Some(other) => Err(format!("date {other} is not YYYY-MM-DD; ignored")),
        }
    }
}

/// Parses one line.
pub(crate) fn parse(line: &str) -> Result<Record, String> {
    serde_json::from_str::<Record>(line).map_err(|err| {
        if line.trim_start().starts_with('{') {
            format!("not a valid JSON document object ({err})")
        } else {
            format!("not JSON ({err})")
        }
    })
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
        assert_eq!(record.id().as_deref(), Some("7"));
        assert_eq!(record.text.as_deref(), Some("Talks."));
        assert_eq!(record.date().unwrap(), Date::new(2015, 5, 12));
        assert_eq!(record.title.as_deref(), Some("T"));
        assert_eq!(record.url.as_deref(), Some("http://x"));
    }

    #[test]
    fn bad_dates_and_lines_are_errors() {
        let record = parse(r#"{"text": "x", "date": "May 12"}"#).unwrap();
        assert!(record.date().is_err());
        assert_eq!(record.id(), None);
        assert!(parse("not json").unwrap_err().starts_with("not JSON"));
        assert!(parse("[1, 2]").is_err());
        assert!(parse(r#"{"text": 5}"#).is_err());
    }
}
