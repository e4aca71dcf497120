//! Ingestion: reads text, JSON lines, HTML pages and WARC archives into documents.
