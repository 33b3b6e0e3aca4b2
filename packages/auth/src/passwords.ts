import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from "@cryptotrade/contract/limits";
import { passwordHashing } from "./hashing-gate";
import { Argon2Error, PasswordWorkers } from "./password-workers";

/**
 * OWASP's argon2id baseline: 19 MiB, 2 passes, 1 lane. argon2id is the library's default
 * algorithm (its enum is a const enum, which isolatedModules cannot import).
 */
const ARGON2_OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1, outputLen: 32 };

/**
 * The process's hashing threads, as many as the gate lets run at once. They run at the lowest
 * CPU priority: under a login flood, hashing gets what trading and market data leave over.
 */
const passwordWorkers = new PasswordWorkers(passwordHashing.maxConcurrent);

/**
 * Stops the hashing threads (busy ones after their current hash); the next hash starts them
 * again. They never hold the process open while idle, so this is tidiness, not a must.
 *
 * @example
 * await closePasswordWorkers();
 */
export function closePasswordWorkers(): Promise<void> {
  return passwordWorkers.close();
}

/**
 * The Linux thread ids of the running hashing threads, for `ps -L -o tid,ni,comm` and tests.
 *
 * @example
 * getPasswordThreadIds(); // [48213]
 */
export function getPasswordThreadIds(): number[] {
  return passwordWorkers.threadIds();
}

/**
 * How many hashes and verifications have gone to the hashing threads, for tests.
 *
 * @example
 * countPasswordJobs(); // 12
 */
export function countPasswordJobs(): number {
  return passwordWorkers.jobsSubmitted();
}

/**
 * Hashes a password as an argon2id PHC string.
 *
 * @example
 * const stored = await hashPassword("correct horse battery staple"); // "$argon2id$v=19$m=19456,t=2,p=1$..."
 */
export function hashPassword(password: string): Promise<string> {
  return passwordHashing.run(() => passwordWorkers.hash(password, ARGON2_OPTIONS));
}

let dummyHash: Promise<string> | undefined;

/**
 * Checks a password against a stored hash. With no hash (unknown user, system account) it
 * still runs one full argon2 verification against a throwaway hash, so the answer takes as
 * long as a wrong password and an attacker cannot tell which emails exist.
 *
 * @example
 * const ok = await verifyPassword(user?.passwordHash ?? null, input.password);
 */
export async function verifyPassword(
  storedHash: string | null,
  password: string,
): Promise<boolean> {
  dummyHash ??= hashPassword(crypto.randomUUID());
  const target = storedHash ?? (await dummyHash);
  return passwordHashing.run(async () => {
    try {
      const matches = await passwordWorkers.verify(target, password);
      return storedHash !== null && matches;
    } catch (error) {
      // A malformed stored hash is a failed login, not a crash; a dead worker is an error.
      if (error instanceof Argon2Error) return false;
      throw error;
    }
  });
}

const COMMON_PASSWORDS = new Set([
  "password123",
  "password1234",
  "1234567890",
  "12345678910",
  "qwertyuiop",
  "qwerty12345",
  "1q2w3e4r5t",
  "iloveyou123",
  "letmein1234",
  "passw0rd123",
  "administrator",
  "welcome12345",
  "cryptotrade",
  "bitcoin1234",
]);

/**
 * Why a new password is too weak, or null when it is acceptable. The floor: 10 characters,
 * at least 5 different ones, not a well-known password, and not built from the username
 * or the email's local part.
 *
 * @example
 * getPasswordWeakness("aaaaaaaaaaaa", { username: "alice", email: "a@x.io" }); // "uses too few different characters"
 */
export function getPasswordWeakness(
  password: string,
  owner: { username: string; email: string },
): string | null {
  const characters = [...password];
  if (characters.length < MIN_PASSWORD_LENGTH) {
    return `must be at least ${MIN_PASSWORD_LENGTH} characters`;
  }
  if (characters.length > MAX_PASSWORD_LENGTH) {
    return `must be at most ${MAX_PASSWORD_LENGTH} characters`;
  }
  if (new Set(characters).size < 5) return "uses too few different characters";
  const lowered = password.toLowerCase();
  if (COMMON_PASSWORDS.has(lowered)) return "is too common";
  const localPart = owner.email.split("@")[0] ?? "";
  for (const personal of [owner.username, localPart]) {
    if (personal.length >= 3 && lowered.includes(personal.toLowerCase())) {
      return "must not contain your username or email";
    }
  }
  return null;
}
