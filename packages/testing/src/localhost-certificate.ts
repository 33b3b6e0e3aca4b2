import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";

/**
 * A self-signed certificate for localhost and 127.0.0.1, made with the machine's openssl
 * into `dir`: for a test's own HTTPS server (a TLS proxy, a push service).
 *
 * @example
 * const certificate = makeLocalhostCertificate(await mkdtemp(join(tmpdir(), "cert-")));
 */
export function makeLocalhostCertificate(dir: string): { key: Buffer; cert: Buffer } {
  const key = join(dir, "key.pem");
  const cert = join(dir, "cert.pem");
  execFileSync(
    "openssl",
    [
      ...["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1"],
      ...["-nodes", "-days", "1", "-subj", "/CN=localhost", "-keyout", key, "-out", cert],
      ...["-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1"],
    ],
    { stdio: "ignore" },
  );
  return { key: readFileSync(key), cert: readFileSync(cert) };
}
