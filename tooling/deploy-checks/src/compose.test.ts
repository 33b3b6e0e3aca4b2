import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { REPO_ROOT, repoPath } from "./repo";

interface Service {
  image?: string;
  build?: unknown;
  healthcheck?: unknown;
  volumes?: string[];
  environment?: Record<string, string>;
}

const composePath = `${REPO_ROOT}docker-compose.yml`;
const compose = parse(readFileSync(composePath, "utf8"), { merge: true }) as {
  services: Record<string, Service>;
};

describe("docker-compose.yml", () => {
  it("passes dclint, which validates it against the compose specification", () => {
    // dclint's exports name no bin: find it beside its main file.
    const main = createRequire(import.meta.url).resolve("dclint");
    const bin = join(dirname(main), "..", "bin", "dclint.cjs");
    expect(() =>
      execFileSync(process.execPath, [bin, composePath], { encoding: "utf8" }),
    ).not.toThrow();
  });

  it("runs every service of the seed's stack", () => {
    const names = Object.keys(compose.services);
    for (const seed of [
      "nginx",
      "server",
      "postgres",
      "redis",
      "prometheus",
      "grafana",
      "loki",
      "alloy",
      "jaeger",
      "vault",
    ]) {
      expect(
        names.some((name) => name === seed || name.startsWith(`${seed}-`)),
        seed,
      ).toBe(true);
    }
    // Two candidates for the leadership, so failover can be tried locally.
    expect(names.filter((name) => name.startsWith("server-"))).toHaveLength(2);
  });

  it("pins every image and mounts only files that exist", () => {
    for (const [name, service] of Object.entries(compose.services)) {
      if (service.image && !service.build) expect(service.image, name).toMatch(/:[^:]*\d[^:]*$/);
      for (const volume of service.volumes ?? []) {
        const source = volume.split(":")[0] ?? "";
        if (source.startsWith("./"))
          expect(() => repoPath(source), `${name}: ${source}`).not.toThrow();
      }
    }
  });

  it("keeps secrets out: the servers read them from the file the Vault agent renders", () => {
    for (const name of ["server-1", "server-2"]) {
      const environment = compose.services[name]?.environment ?? {};
      expect(environment.SECRETS_ENV_FILE, name).toBe("/vault/secrets/server.env");
      expect(Object.keys(environment), name).not.toContain("DATABASE_URL");
      expect(Object.keys(environment), name).not.toContain("SECRETS_KEYS");
    }
    const template = readFileSync(repoPath("docker/vault/server.env.ctmpl"), "utf8");
    expect(template).toContain("DATABASE_URL=");
    expect(template).toContain("SECRETS_KEYS=");
  });
});

describe("the files the compose services load", () => {
  /** host:port pairs a config file points at, e.g. http://loki:3100 → loki. */
  function hostsIn(path: string): string[] {
    const text = readFileSync(repoPath(path), "utf8");
    return [...text.matchAll(/https?:\/\/([a-z][a-z0-9-]*):\d+/g)].map((match) => match[1] ?? "");
  }

  it("point Alloy, Grafana, Prometheus and the Vault agent at services that exist", () => {
    const services = new Set(Object.keys(compose.services));
    for (const path of [
      "docker/alloy/config.alloy",
      "docker/grafana/provisioning/datasources/datasources.yml",
      "docker/vault/agent.hcl",
    ]) {
      const hosts = hostsIn(path);
      expect(hosts.length, path).toBeGreaterThan(0);
      for (const host of hosts) expect(services.has(host), `${path}: ${host}`).toBe(true);
    }
    const scraped = parse(readFileSync(repoPath("docker/prometheus/prometheus.yml"), "utf8")) as {
      scrape_configs: { static_configs: { targets: string[] }[] }[];
    };
    const targets = scraped.scrape_configs.flatMap((job) =>
      job.static_configs.flatMap((c) => c.targets),
    );
    for (const target of targets) {
      const host = target.split(":")[0] ?? "";
      expect(host === "localhost" || services.has(host), target).toBe(true);
    }
  });

  it("gives the Vault agent every file its config names, and the template every secret the server needs", () => {
    const agent = readFileSync(repoPath("docker/vault/agent.hcl"), "utf8");
    const mounted = (compose.services["vault-agent"]?.volumes ?? []).map(
      (volume) => volume.split(":")[1],
    );
    for (const [, path] of agent.matchAll(/"(\/vault\/config\/[^"]+)"/g)) {
      expect(mounted, path).toContain(path);
    }
    expect(agent).toContain('destination = "/vault/secrets/server.env"');
  });
});
