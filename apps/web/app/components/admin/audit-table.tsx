import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { DataTable } from "~/components/data-table";
import { useTimeFormat } from "~/lib/use-viewer";

/** An audit entry as `admin.auditLog` lists it. */
export interface AuditEntry {
  id: string;
  action: string;
  createdAt: Date;
  ip: string | null;
  details: Record<string, unknown>;
  actor: { id: string; username: string } | null;
  user: { id: string; username: string } | null;
}

/** The details object as short `key: value` text, for scanning a long log. */
function describeDetails(details: Record<string, unknown>): string {
  return Object.entries(details)
    .map(([key, value]) => `${key}: ${typeof value === "string" ? value : JSON.stringify(value)}`)
    .join(" · ");
}

/** The admin or user who acted, else the operator's command (`details.actor`) or the system. */
function describeActor(entry: AuditEntry, t: TFunction<"admin">): string {
  if (entry.actor) return entry.actor.username;
  const operator = entry.details.actor;
  return typeof operator === "string" ? t("audit.operator", { name: operator }) : t("audit.system");
}

/** Audit entries, newest first: when, what, who acted, on whom, from where. */
export function AuditTable({ entries }: { entries: AuditEntry[] }) {
  const { t } = useTranslation("admin");
  const time = useTimeFormat();
  if (entries.length === 0) return <p className="text-sm text-muted">{t("audit.none")}</p>;
  return (
    <DataTable
      caption={t("audit.caption")}
      density="comfortable"
      className="min-w-[44rem]"
      columns={[
        { name: t("audit.time") },
        { name: t("action") },
        { name: t("audit.actor") },
        { name: t("audit.account") },
        { name: t("audit.ip") },
        { name: t("audit.details") },
      ]}
    >
      {entries.map((entry) => (
        <tr key={entry.id} className="align-top">
          <td className="whitespace-nowrap py-2 pr-3 tabular">{time.moment(entry.createdAt)}</td>
          <td className="py-2 pr-3 font-mono">{entry.action}</td>
          <td className="py-2 pr-3">{describeActor(entry, t)}</td>
          <td className="py-2 pr-3">{entry.user?.username ?? "—"}</td>
          <td className="py-2 pr-3 tabular">{entry.ip ?? "—"}</td>
          <td className="break-all py-2 text-muted">{describeDetails(entry.details)}</td>
        </tr>
      ))}
    </DataTable>
  );
}
