//! English language layer: part-of-speech tagger, lemmatizer and dependency parser trained on UD English EWT.
