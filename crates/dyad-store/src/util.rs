//! Small helpers: stable hashing, dates as numbers, the clock.

use std::time::{SystemTime, UNIX_EPOCH};

use dyad_types::Date;

/// FNV-1a over bytes, finished with a 64-bit mixer: stable across Rust
/// versions and machines (the database keeps these values).
pub fn hash64(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    mix64(h)
}

/// SplitMix64's finalizer: spreads every input bit over the output.
pub fn mix64(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// A date as the number `YYYYMMDD` (GDELT's SQLDATE; what the tables keep).
pub fn date_num(date: Date) -> i64 {
    i64::from(date.year()) * 10_000 + i64::from(date.month()) * 100 + i64::from(date.day())
}

/// The date of a `YYYYMMDD` number.
pub fn num_date(n: i64) -> Option<Date> {
    Date::new(
        i32::try_from(n / 10_000).ok()?,
        ((n / 100) % 100) as u8,
        (n % 100) as u8,
    )
}

/// Now, in UTC, as `YYYYMMDDHHMMSS` (GDELT's DATEADDED).
pub fn now_stamp() -> i64 {
    let secs = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64);
    let date = Date::from_days(secs.div_euclid(86_400));
    let s = secs.rem_euclid(86_400);
    date_num(date) * 1_000_000 + (s / 3600) * 10_000 + (s / 60 % 60) * 100 + s % 60
}

/// The source name of a document: its URL's host without `www.`, else the
/// site name it carries, else empty (unknown).
pub fn source_name(url: Option<&str>, site: Option<&str>) -> String {
    if let Some(url) = url {
        let rest = url.split_once("://").map_or(url, |(_, rest)| rest);
        let host = rest.split(['/', '?', '#']).next().unwrap_or("");
        let host = host.rsplit('@').next().unwrap_or(host);
        let host = host.split(':').next().unwrap_or(host).to_ascii_lowercase();
        let host = host.strip_prefix("www.").unwrap_or(&host).to_string();
        if !host.is_empty() {
            return host;
        }
    }
    site.map(|s| s.trim().to_string()).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_round_trip_as_numbers() {
        let d: Date = "2015-02-28".parse().unwrap();
        assert_eq!(date_num(d), 20150228);
        assert_eq!(num_date(20150228), Some(d));
        assert_eq!(num_date(20150230), None);
    }

    #[test]
    fn sources_are_hosts() {
        assert_eq!(
            source_name(Some("https://www.Example.com/a/b?c"), None),
            "example.com"
        );
        assert_eq!(
            source_name(Some("http://news.site.org:8080/x"), Some("Site")),
            "news.site.org"
        );
        assert_eq!(source_name(None, Some(" The Paper ")), "The Paper");
        assert_eq!(source_name(None, None), "");
    }

    #[test]
    fn stamps_have_fourteen_digits() {
        assert_eq!(now_stamp().to_string().len(), 14);
    }
}
