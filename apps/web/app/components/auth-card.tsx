import type { ReactNode } from "react";

/** The narrow centred panel the sign-in pages share. */
export function AuthCard({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="mx-auto w-full max-w-sm rounded-lg border border-border bg-surface-raised p-6">
      <h1 className="mb-4 text-xl font-semibold">{title}</h1>
      {children}
    </section>
  );
}
