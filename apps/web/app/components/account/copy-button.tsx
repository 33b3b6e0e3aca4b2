import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "~/components/ui/button";

/** Copies `text` to the clipboard and says so (announced) for two seconds. */
export function CopyButton({ text, label }: { text: string; label: string }) {
  const { t } = useTranslation("account");
  const [copied, setCopied] = useState<"yes" | "failed" | null>(null);
  async function copy() {
    try {
      await navigator.clipboard.writeText(text);
      setCopied("yes");
    } catch {
      // Clipboard access can be refused (permissions, insecure origin): say so, the text stays selectable.
      setCopied("failed");
    }
    setTimeout(() => setCopied(null), 2000);
  }
  return (
    <span className="inline-flex items-center gap-2">
      <Button variant="outline" size="sm" onClick={copy}>
        {label}
      </Button>
      <span role="status" className="text-xs text-muted">
        {copied === "yes" ? t("copy.copied") : copied === "failed" ? t("copy.failed") : ""}
      </span>
    </span>
  );
}
