# The Vault agent of the compose stack: logs in with the dev token and renders the server's
# secrets (database URL with its password, the TOTP secrets key) to a file the server reads at
# start (docker/server-entrypoint.sh). Production uses External Secrets instead (k8s/).
vault {
  address = "http://vault:8200"
}

auto_auth {
  method "token_file" {
    config = {
      token_file_path = "/vault/config/dev-token"
    }
  }
}

template {
  source      = "/vault/config/server.env.ctmpl"
  destination = "/vault/secrets/server.env"
  perms       = "0640"
}
