//! The event coder: finds source, CAMEO event and target in parsed sentences.
