//! Dictionaries: actors, agents, verb patterns and discards, in the PETRARCH2 formats, and the built-in lexicon.
