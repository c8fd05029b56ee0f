#!/usr/bin/env bash
# First start of the compose PostgreSQL: one role and one database per service, each owned by its
# service (Flyway creates the tables). Passwords come from the container's environment.
set -euo pipefail
psql -v ON_ERROR_STOP=1 --username postgres \
  -v registry_password="$KEYRAIL_REGISTRY_DB_PASSWORD" -v rotation_password="$KEYRAIL_ROTATION_DB_PASSWORD" <<'SQL'
CREATE ROLE terminal_registry LOGIN PASSWORD :'registry_password';
CREATE DATABASE terminal_registry OWNER terminal_registry;
CREATE ROLE key_rotation LOGIN PASSWORD :'rotation_password';
CREATE DATABASE key_rotation OWNER key_rotation;
SQL
