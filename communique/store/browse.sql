-- browse tables (store/browse_tables.py): one row per merged event with its folded search keys, kept up to
-- date by every corpus refresh and queried by store/browse.py. Portable SQL (DuckDB and PostgreSQL).
CREATE TABLE IF NOT EXISTS browse_events (
    id VARCHAR PRIMARY KEY, type VARCHAR, types VARCHAR, status VARCHAR, date VARCHAR, date_key VARCHAR,
    country VARCHAR, langs VARCHAR, confidence DOUBLE PRECISION, reports INTEGER, actor_key VARCHAR,
    text_key VARCHAR, record VARCHAR, resolved VARCHAR, signature VARCHAR
);
-- every actor an event involves: `shown` the parties its record lists, else a party or a party's
-- affiliation in one of its reports
CREATE TABLE IF NOT EXISTS browse_event_actors (
    event_id VARCHAR, actor_id VARCHAR, name VARCHAR, kind VARCHAR, status VARCHAR, shown BOOLEAN
);
CREATE INDEX IF NOT EXISTS browse_event_actors_event ON browse_event_actors (event_id);
CREATE INDEX IF NOT EXISTS browse_event_actors_actor ON browse_event_actors (actor_id);
CREATE TABLE IF NOT EXISTS browse_actors (
    id VARCHAR PRIMARY KEY, kind VARCHAR, name VARCHAR, forms_key VARCHAR, events INTEGER, forms VARCHAR
);
-- what the store held at the last refresh of these tables (store/browse_tables.store_generation)
CREATE TABLE IF NOT EXISTS browse_state (
    generation VARCHAR
);
