import {
  mergePreferences,
  type Preferences,
  type UpdatePreferencesInput,
} from "@cryptotrade/contract/preferences";
import type { Database } from "@cryptotrade/db/client";
import { userPreferences } from "@cryptotrade/db/schema";
import { eq } from "drizzle-orm";

/** A user's preferences, defaults where they never chose. */
export async function readPreferences(db: Database, userId: number): Promise<Preferences> {
  const [row] = await db
    .select({ preferences: userPreferences.preferences })
    .from(userPreferences)
    .where(eq(userPreferences.userId, userId));
  return mergePreferences(row?.preferences ?? {});
}

/**
 * Lays `update` over what is kept, under the row's lock: two tabs changing different
 * sections at once both keep their change.
 */
export async function updatePreferences(
  db: Database,
  userId: number,
  update: UpdatePreferencesInput,
): Promise<Preferences> {
  return db.transaction(async (tx) => {
    // The row exists before it is locked, so a first save races nobody.
    await tx.insert(userPreferences).values({ userId, preferences: {} }).onConflictDoNothing();
    const [row] = await tx
      .select({ preferences: userPreferences.preferences })
      .from(userPreferences)
      .where(eq(userPreferences.userId, userId))
      .for("update");
    const preferences = mergePreferences(row?.preferences ?? {}, update);
    await tx
      .update(userPreferences)
      .set({ preferences, updatedAt: new Date() })
      .where(eq(userPreferences.userId, userId));
    return preferences;
  });
}
