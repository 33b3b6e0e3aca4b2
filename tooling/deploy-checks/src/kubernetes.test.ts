import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { parseAllDocuments } from "yaml";
import { hasCommand, REPO_ROOT } from "./repo";

interface K8sObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string };
  spec?: Record<string, unknown>;
  data?: Record<string, string>;
}

interface Container {
  name: string;
  env?: { name: string; value?: string }[];
  resources?: { requests?: Record<string, string>; limits?: Record<string, string> };
  securityContext?: Record<string, unknown>;
  readinessProbe?: { httpGet?: { path: string } };
  livenessProbe?: { httpGet?: { path: string } };
}

interface PodSpec {
  securityContext?: Record<string, unknown>;
  containers: Container[];
  automountServiceAccountToken?: boolean;
}

const OVERLAYS = ["dev", "production"];

function render(overlay: string): K8sObject[] {
  const yaml = execFileSync("kubectl", ["kustomize", `${REPO_ROOT}k8s/overlays/${overlay}`], {
    encoding: "utf8",
  });
  return parseAllDocuments(yaml).map((document) => document.toJS() as K8sObject);
}

/** The kubernetes-models class for an object: core, apps, ... and the two operators' CRDs. */
async function modelFor(object: K8sObject): Promise<new (data: unknown) => { validate(): void }> {
  const [group, version] = object.apiVersion.includes("/")
    ? object.apiVersion.split("/")
    : [undefined, object.apiVersion];
  const base =
    group === "monitoring.coreos.com"
      ? "@kubernetes-models/prometheus-operator"
      : group === "external-secrets.io"
        ? "@kubernetes-models/external-secrets"
        : "kubernetes-models";
  const module = await import(`${base}/${group ? `${group}/` : ""}${version}/${object.kind}`);
  return module[object.kind];
}

function podSpecOf(object: K8sObject): PodSpec | undefined {
  const template = (object.spec?.template as { spec?: PodSpec } | undefined)?.spec;
  return object.kind === "Deployment" || object.kind === "Job" ? template : undefined;
}

function roleOf(container: Container): string | undefined {
  return container.env?.find((variable) => variable.name === "EXCHANGE_ROLE")?.value;
}

describe.skipIf(!hasCommand("kubectl"))("the Kubernetes manifests", () => {
  for (const overlay of OVERLAYS) {
    describe(`overlay ${overlay}`, () => {
      const objects = render(overlay);

      it("renders, and every object validates against its Kubernetes schema", async () => {
        expect(objects.length).toBeGreaterThan(10);
        for (const object of objects) {
          const Model = await modelFor(object);
          expect(
            () => new Model(object).validate(),
            `${object.kind}/${object.metadata.name}`,
          ).not.toThrow();
        }
      });

      it("runs every workload unprivileged, read-only, with resources and (servers) probes", () => {
        const workloads = objects.filter((object) => podSpecOf(object));
        expect(workloads.map((w) => w.kind).sort()).toEqual(["Deployment", "Deployment", "Job"]);
        for (const workload of workloads) {
          const pod = podSpecOf(workload) as PodSpec;
          const name = `${workload.kind}/${workload.metadata.name}`;
          expect(pod.securityContext?.runAsNonRoot, name).toBe(true);
          expect(pod.automountServiceAccountToken, name).toBe(false);
          for (const container of pod.containers) {
            expect(container.securityContext?.allowPrivilegeEscalation, name).toBe(false);
            expect(container.securityContext?.readOnlyRootFilesystem, name).toBe(true);
            expect(container.securityContext?.capabilities, name).toEqual({ drop: ["ALL"] });
            expect(container.resources?.requests?.cpu, name).toBeDefined();
            expect(container.resources?.requests?.memory, name).toBeDefined();
            expect(container.resources?.limits?.memory, name).toBeDefined();
            if (workload.kind !== "Deployment") continue;
            expect(container.readinessProbe?.httpGet?.path, name).toBe("/readyz");
            expect(container.livenessProbe?.httpGet?.path, name).toBe("/healthz");
          }
        }
      });

      it("lets only the candidates write: every other server is an API replica", () => {
        const servers = objects
          .filter((object) => object.kind === "Deployment")
          .map((object) => ({ object, containers: (podSpecOf(object) as PodSpec).containers }));
        const writers = servers.filter(({ containers }) =>
          containers.some((c) => roleOf(c) === "candidate"),
        );
        expect(writers.map(({ object }) => object.metadata.name)).toEqual([
          "cryptotrade-candidate",
        ]);
        for (const { object, containers } of servers) {
          if (object.metadata.name === "cryptotrade-candidate") continue;
          for (const container of containers) expect(roleOf(container)).toBe("replica");
        }
        // Candidates are fenced by the leadership lease (ADR 017); a rollout still never adds
        // a surge candidate, so at most `replicas` contend.
        const strategy = writers[0]?.object.spec?.strategy as {
          rollingUpdate?: { maxSurge?: number };
        };
        expect(strategy.rollingUpdate?.maxSurge).toBe(0);
      });

      it("denies traffic by default and lets only the ingress reach the API, only the API reach the data stores", () => {
        const policies = objects.filter((object) => object.kind === "NetworkPolicy");
        const byName = new Map(policies.map((policy) => [policy.metadata.name, policy.spec ?? {}]));
        expect(byName.get("default-deny")).toMatchObject({
          podSelector: {},
          policyTypes: ["Ingress", "Egress"],
        });
        const ingress = byName.get("cryptotrade-ingress") as {
          ingress: { from: unknown[]; ports: { port: number }[] }[];
        };
        const sources = ingress.ingress.map((rule) => JSON.stringify(rule.from));
        expect(sources).toEqual([
          JSON.stringify([
            {
              namespaceSelector: {
                matchLabels: { "kubernetes.io/metadata.name": "ingress-nginx" },
              },
            },
          ]),
          JSON.stringify([
            { namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": "monitoring" } } },
          ]),
        ]);
        expect(ingress.ingress[0]?.ports).toEqual([{ port: 8080 }]);
        for (const store of ["postgresql-from-cryptotrade", "redis-from-cryptotrade"]) {
          const spec = byName.get(store) as { ingress: { from: { podSelector: unknown }[] }[] };
          expect(JSON.stringify(spec.ingress[0]?.from[0]?.podSelector), store).toContain(
            "cryptotrade",
          );
        }
      });

      it("takes secrets from Vault through External Secrets and is scraped by Prometheus", () => {
        const kinds = new Set(objects.map((object) => object.kind));
        for (const kind of [
          "ExternalSecret",
          "SecretStore",
          "ServiceMonitor",
          "PrometheusRule",
          "HorizontalPodAutoscaler",
          "PodDisruptionBudget",
          "Ingress",
          "Job",
        ]) {
          expect(kinds.has(kind), kind).toBe(true);
        }
        const configMap = objects.find((object) => object.kind === "ConfigMap");
        for (const secret of ["DATABASE_URL", "REDIS_URL", "SECRETS_KEYS"]) {
          expect(Object.keys(configMap?.data ?? {})).not.toContain(secret);
        }
      });
    });
  }
});
