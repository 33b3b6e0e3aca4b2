import { recoveryCodes } from "@cryptotrade/db/schema";
import { and, eq, isNull } from "drizzle-orm";
import { type RequestMeta, recordAudit } from "./audit";
import type { AuthDeps } from "./deps";
import { AuthError } from "./errors";
import { generateRandomId, hashSecret } from "./tokens";

const RECOVERY_CODE_COUNT = 10;
/** 10 random bytes = 80 bits, so the stored SHA-256 cannot be brute-forced offline. */
const RECOVERY_CODE_BYTES = 10;

/**
 * Replaces the user's recovery codes with ten new ones and returns them; they are shown
 * this once and stored hashed.
 *
 * @example
 * const codes = await replaceRecoveryCodes(deps, user.id); // ["k3jd-9xqa-...", ...]
 */
export async function replaceRecoveryCodes(deps: AuthDeps, userId: number): Promise<string[]> {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, () =>
    formatCode(generateRandomId(RECOVERY_CODE_BYTES)),
  );
  await deps.db.transaction(async (tx) => {
    await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
    await tx
      .insert(recoveryCodes)
      .values(codes.map((code) => ({ userId, codeHash: hashSecret(normalizeCode(code)) })));
  });
  return codes;
}

/** Removes every recovery code of the user (when 2FA is turned off). */
export async function deleteRecoveryCodes(deps: AuthDeps, userId: number): Promise<void> {
  await deps.db.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
}

/**
 * Spends one recovery code, or throws RATE_LIMITED (3 tries an hour) or INVALID_CODE (wrong
 * or already spent). Spending is one conditional UPDATE, so a code works exactly once even
 * when two requests race with it.
 *
 * @example
 * await spendRecoveryCode(deps, user.id, "k3jd-9xqa-7mzp-2c4t", meta);
 */
export async function spendRecoveryCode(
  deps: AuthDeps,
  userId: number,
  code: string,
  meta: RequestMeta,
): Promise<void> {
  await deps.limits.beginRecoveryCodeAttempt(userId);
  const spent = await deps.db
    .update(recoveryCodes)
    .set({ usedAt: new Date(deps.now()) })
    .where(
      and(
        eq(recoveryCodes.userId, userId),
        eq(recoveryCodes.codeHash, hashSecret(normalizeCode(code))),
        isNull(recoveryCodes.usedAt),
      ),
    )
    .returning({ id: recoveryCodes.id });
  if (spent.length === 0) {
    await recordAudit(deps.db, { action: "recovery_code.failed", userId, ...meta });
    throw new AuthError("INVALID_CODE", "That recovery code is not valid or was already used", {
      field: "code",
    });
  }
  await deps.limits.refundRecoveryCodeAttempt(userId);
  await recordAudit(deps.db, { action: "recovery_code.used", userId, ...meta });
}

function formatCode(raw: string): string {
  return raw.match(/.{1,4}/g)?.join("-") ?? raw;
}

/** People retype codes with other case, spaces or dashes; only the letters and digits count. */
function normalizeCode(code: string): string {
  return code.toLowerCase().replace(/[\s-]/g, "");
}
