"""The RDF side: the kg vocabulary, deterministic IRIs, the mapping of fact records to triples
(with reified statements and PROV-O evidence), and the store the graph is written through."""
