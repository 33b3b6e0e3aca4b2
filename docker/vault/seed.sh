#!/bin/sh
# Seeds the dev-mode Vault once: the database password (the compose default) and a freshly
# generated TOTP secrets key, unless a key is already stored.
set -eu
export VAULT_ADDR=http://vault:8200
until vault status >/dev/null 2>&1; do sleep 1; done
if vault kv get -field=secrets_keys secret/cryptotrade >/dev/null 2>&1; then
  echo "vault already seeded"
  exit 0
fi
key="k1:$(head -c 32 /dev/urandom | base64)"
vault kv put secret/cryptotrade database_password="${POSTGRES_PASSWORD}" secrets_keys="${key}"
echo "vault seeded"
