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
-- how linking last saw each person actor (communique.corpus.relinking): the nodes it compared (one row per
-- block a node is compared in; node: the node as JSON) and each cluster's component, the base and family of
-- its learned id, its first sighting and its Arabic name. An incremental refresh relinks only the components
-- that new sightings' nodes score a link with.
CREATE TABLE IF NOT EXISTS person_nodes (
    block VARCHAR, actor_id VARCHAR, node VARCHAR
);
CREATE TABLE IF NOT EXISTS person_clusters (
    actor_id VARCHAR PRIMARY KEY, component VARCHAR, family VARCHAR, base VARCHAR, first_doc VARCHAR,
    first_entity VARCHAR, arabic VARCHAR, spells BOOLEAN, named_from_arabic BOOLEAN
);
