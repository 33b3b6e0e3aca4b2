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
function describeActor(entry: AuditEntry): string {
  if (entry.actor) return entry.actor.username;
  const operator = entry.details.actor;
  return typeof operator === "string" ? `operator (${operator})` : "system";
}

/** Audit entries, newest first: when, what, who acted, on whom, from where. */
export function AuditTable({ entries }: { entries: AuditEntry[] }) {
  if (entries.length === 0) return <p className="text-sm text-muted">No entries match.</p>;
  const time = useTimeFormat();
  return (
    <DataTable
      caption="Audit log entries"
      density="comfortable"
      className="min-w-[44rem]"
      columns={[
        { name: "Time" },
        { name: "Action" },
        { name: "Actor" },
        { name: "Account" },
        { name: "IP address" },
        { name: "Details" },
      ]}
    >
      {entries.map((entry) => (
        <tr key={entry.id} className="align-top">
          <td className="whitespace-nowrap py-2 pr-3 tabular">{time.moment(entry.createdAt)}</td>
          <td className="py-2 pr-3 font-mono">{entry.action}</td>
          <td className="py-2 pr-3">{describeActor(entry)}</td>
          <td className="py-2 pr-3">{entry.user?.username ?? "—"}</td>
          <td className="py-2 pr-3 tabular">{entry.ip ?? "—"}</td>
          <td className="break-all py-2 text-muted">{describeDetails(entry.details)}</td>
        </tr>
      ))}
    </DataTable>
  );
}
