-- communique store schema: portable SQL, run as is by DuckDB (store/duckdb.py) and PostgreSQL (store/postgres.py).
CREATE TABLE IF NOT EXISTS documents (
    id VARCHAR PRIMARY KEY, source VARCHAR, lang VARCHAR, title VARCHAR, published VARCHAR,
    dateline_place VARCHAR, dateline_date VARCHAR, text VARCHAR, stored_at TIMESTAMP
);
CREATE TABLE IF NOT EXISTS rejects (
    source VARCHAR, doc_id VARCHAR, stage VARCHAR, reason VARCHAR, rejected_at TIMESTAMP,
    PRIMARY KEY (source, stage)
);
CREATE TABLE IF NOT EXISTS actors (
    id VARCHAR PRIMARY KEY, kind VARCHAR, name VARCHAR, acronym VARCHAR, wikidata VARCHAR, country VARCHAR
);
CREATE TABLE IF NOT EXISTS aliases (
    actor_id VARCHAR, form VARCHAR, norm VARCHAR, lang VARCHAR, script VARCHAR,
    PRIMARY KEY (actor_id, form)
);
CREATE TABLE IF NOT EXISTS entities (
    doc_id VARCHAR, entity_id VARCHAR, kind VARCHAR, name VARCHAR, acronym VARCHAR, affiliation VARCHAR,
    wikidata VARCHAR, titles VARCHAR, forms VARCHAR,
    PRIMARY KEY (doc_id, entity_id)
);
CREATE TABLE IF NOT EXISTS mentions (
    doc_id VARCHAR, entity_id VARCHAR, start_char INTEGER, end_char INTEGER, form VARCHAR, kind VARCHAR,
    title VARCHAR
);
CREATE TABLE IF NOT EXISTS events (
    id VARCHAR PRIMARY KEY, doc_id VARCHAR, type VARCHAR, status VARCHAR, date VARCHAR, date_precision VARCHAR,
    location_name VARCHAR, country VARCHAR, lat DOUBLE PRECISION, lon DOUBLE PRECISION, topics VARCHAR,
    confidence DOUBLE PRECISION, trigger VARCHAR, corpus_event VARCHAR
);
CREATE TABLE IF NOT EXISTS event_parties (
    event_id VARCHAR, entity_id VARCHAR, role VARCHAR, affiliation VARCHAR, side VARCHAR
);
CREATE TABLE IF NOT EXISTS evidence (
    event_id VARCHAR, start_char INTEGER, end_char INTEGER, text VARCHAR
);
CREATE TABLE IF NOT EXISTS duplicates (
    doc_id VARCHAR PRIMARY KEY, duplicate_of VARCHAR
);
-- near-duplicate detection (communique.corpus.copies): a MinHash per document; `representative` is NULL until a
-- refresh has checked the document, then TRUE (its band hashes are in fingerprint_bands) or FALSE (a copy,
-- or a text without words)
CREATE TABLE IF NOT EXISTS fingerprints (
    doc_id VARCHAR PRIMARY KEY, signature BYTEA, representative BOOLEAN
);
CREATE TABLE IF NOT EXISTS fingerprint_bands (
    band INTEGER, hash BIGINT, doc_id VARCHAR
);
-- the corpus layer's bookkeeping (communique.corpus.refresh): the documents a refresh has seen, the merge
-- blocks of every occurred report (an incremental refresh recomputes the groups of the blocks new reports reach)
CREATE TABLE IF NOT EXISTS refreshed_documents (
    doc_id VARCHAR PRIMARY KEY
);
CREATE TABLE IF NOT EXISTS merge_blocks (
    block VARCHAR, event_id VARCHAR
);
-- a digest of every occurred report's merge key: a report of a relinked document whose key is unchanged is
-- not merged again
CREATE TABLE IF NOT EXISTS merge_keys (
    event_id VARCHAR PRIMARY KEY, digest VARCHAR
);
