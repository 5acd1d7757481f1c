-- corpus actors (communique.corpus.actors): applied by ensure_actor_tables(), beside schema.sql.
-- Learned tables are rebuilt from the stored entities by a refresh; the user tables
-- (actor_pins, actor_user_aliases) hold `communique actors merge|alias` decisions and survive it.
CREATE TABLE IF NOT EXISTS actor_links (
    doc_id VARCHAR, entity_id VARCHAR, actor_id VARCHAR,
    PRIMARY KEY (doc_id, entity_id)
);
CREATE TABLE IF NOT EXISTS corpus_actors (
    id VARCHAR PRIMARY KEY, kind VARCHAR, name VARCHAR, origin VARCHAR, documents INTEGER
);
CREATE TABLE IF NOT EXISTS actor_forms (
    actor_id VARCHAR, form VARCHAR, script VARCHAR, origin VARCHAR, first_seen VARCHAR, last_seen VARCHAR,
    documents INTEGER, PRIMARY KEY (actor_id, form)
);
CREATE TABLE IF NOT EXISTS actor_titles (
    actor_id VARCHAR, title VARCHAR, first_seen VARCHAR, last_seen VARCHAR, documents INTEGER,
    PRIMARY KEY (actor_id, title)
);
CREATE TABLE IF NOT EXISTS actor_affiliations (
    actor_id VARCHAR, affiliation VARCHAR, first_seen VARCHAR, last_seen VARCHAR, documents INTEGER,
    PRIMARY KEY (actor_id, affiliation)
);
CREATE TABLE IF NOT EXISTS actor_pins (
    doc_id VARCHAR, entity_id VARCHAR, actor_id VARCHAR, pinned_at TIMESTAMP,
    PRIMARY KEY (doc_id, entity_id)
);
CREATE TABLE IF NOT EXISTS actor_user_aliases (
    actor_id VARCHAR, form VARCHAR, added_at TIMESTAMP,
    PRIMARY KEY (actor_id, form)
);
-- how linking last saw each person actor (communique.corpus.relinking): an incremental refresh relinks only
-- the clusters whose blocks new sightings reach, numbers learned ids within a family of bases, and learns
-- the corpus's spellings of Arabic names from the stored (Arabic, Latin) pairs of the others
CREATE TABLE IF NOT EXISTS person_blocks (
    block VARCHAR, actor_id VARCHAR
);
CREATE TABLE IF NOT EXISTS person_clusters (
    actor_id VARCHAR PRIMARY KEY, family VARCHAR, base VARCHAR, first_doc VARCHAR, first_entity VARCHAR,
    arabic VARCHAR, spells BOOLEAN, named_from_arabic BOOLEAN
);
