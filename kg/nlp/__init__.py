"""The spaCy side: loading the configured pipeline once, kg's tokenizer and sentence rules, the
length-preserving text preparation, gazetteers and the ``kg_coref`` resolver component."""
