#!/bin/sh
# Starts the server with the secrets a Vault agent rendered (SECRETS_ENV_FILE: KEY=value lines),
# so nothing secret sits in the compose file or the image. Without the variable it starts as is.
set -eu
if [ -n "${SECRETS_ENV_FILE:-}" ]; then
  waited=0
  until [ -s "$SECRETS_ENV_FILE" ]; do
    if [ "$waited" -ge 60 ]; then
      echo "no secrets at $SECRETS_ENV_FILE after 60 s" >&2
      exit 1
    fi
    sleep 1
    waited=$((waited + 1))
  done
  set -a
  # shellcheck disable=SC1090
  . "$SECRETS_ENV_FILE"
  set +a
fi
exec "$@"
