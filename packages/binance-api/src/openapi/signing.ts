/**
 * How a signed request is made, in Binance's words (its "SIGNED Endpoint security" section),
 * for the document's security scheme. What the server checks is ADR 034 and `verifySignedRequest`.
 */
export const SIGNING = `Public endpoints need no key. **USER_DATA** and **TRADE** endpoints are signed: send the
key's id in the \`X-MBX-APIKEY\` header, and with the parameters a \`timestamp\` (milliseconds
since the epoch, by \`GET /api/v3/time\`'s clock), optionally \`recvWindow\` (milliseconds the
request stays valid, 5000 by default, at most 60000) and, last, \`signature\`.

The signed payload is the query string followed by the request body, exactly as sent, without
the \`signature\` pair (Binance's \`totalParams\`).

- **HMAC-SHA256 key** (secret shown once when the key is made): \`signature\` is the hex of
  HMAC-SHA256(secret, payload).
- **Ed25519 key** (you keep the private key; the exchange stores the public key):
  \`signature\` is the base64 of the Ed25519 signature of the payload, URL-encoded in the request.

A request whose \`timestamp\` is 1000 ms or more ahead of the server, or older than
\`recvWindow\`, is refused with -1021; a bad signature, or one already used, with -1022. A key the
endpoint's scope does not allow (a read-only key trading) is -2015.

\`\`\`sh
query="omitZeroBalances=true&timestamp=$(date +%s000)"
signature=$(printf '%s' "$query" | openssl dgst -sha256 -hmac "$SECRET" | cut -d' ' -f2)
curl -H "X-MBX-APIKEY: $KEY_ID" "https://exchange.example/api/v3/account?$query&signature=$signature"
\`\`\``;
