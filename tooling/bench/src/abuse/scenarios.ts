/**
 * The abuse bench's measurements against one running server: a well-behaved client's
 * `market.ticker` latency with nothing else going on, then while one socket floods (deep books
 * and subscriptions; calls keyed `"\u006dethod"`; a signed-in `auth.me` flood), then while
 * bursts of health checks (the floor), logins, `GET /login` and posted login forms arrive.
 * Each abuser runs in a process of its own (flood.ts).
 */
import { spawn } from "node:child_process";
import { readdir, readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";

export const LOGINS = 300;

/** How long each phase runs and how many bursts each burst row sends. */
export interface AbusePlan {
  /** Unmeasured calls before the quiet phase, for connections and JIT to settle. */
  warmupSeconds: number;
  /** Each of the quiet phase and the socket floods. */
  phaseSeconds: number;
  /**
   * The burst of logins is over in a second or two: one gives 50 to 200 samples, whose p99
   * is their worst one or two. Several bursts, measured only while one runs, give p99 some
   * footing.
   */
  bursts: number;
}

/** The full run, and the short one CI runs (`BENCH_SHORT=1`): the same rows, fewer samples. */
export const FULL_PLAN: AbusePlan = { warmupSeconds: 3, phaseSeconds: 8, bursts: 3 };
export const SHORT_PLAN: AbusePlan = { warmupSeconds: 2, phaseSeconds: 4, bursts: 2 };

/** A well-behaved client polls at this pace, from an address of its own (through the proxy). */
export const CALLS_PER_SECOND = 100;
const WELL_BEHAVED_ADDRESS = "198.51.100.7";
const floodScript = fileURLToPath(new URL("./flood.ts", import.meta.url));

/**
 * Fewer samples than this in a row and its p99 means nothing: the bench fails rather than
 * print it (a victim stalled for seconds at a time gets this few in a phase).
 */
const MIN_SAMPLES = 10;

export interface AbuseSamples {
  quiet: number[];
  socket: number[];
  /** One socket flooding calls whose "method" keys are escaped (`"\u006dethod"`). */
  escaped: number[];
  /** One signed-in socket flooding auth.me, reconnecting whenever it is cut off. */
  signedIn: number[];
  logins: number[];
  /** Bursts of GET /login and of the login form posted, each from one address. */
  getLogin: number[];
  postLogin: number[];
  /** The same bursts, of health checks: what any 300 requests at once cost this machine. */
  healthChecks: number[];
  socketAnswers: unknown;
  escapedAnswers: unknown;
  signedInAnswers: unknown;
  /** One per burst. */
  loginAnswers: unknown[];
  getLoginAnswers: unknown[];
  postLoginAnswers: unknown[];
  /** Threads of the server process at nice 19 after the logins (its password hashers). */
  nicedThreads: number | undefined;
}

/** Runs the phases of `plan` against the server at `url` (process `pid`), reporting progress. */
export async function measureAbuse(
  url: string,
  pid: number,
  plan: AbusePlan,
  progress: (line: string) => void,
): Promise<AbuseSamples> {
  progress("warming up");
  await measureTicker(url, forSeconds(plan.warmupSeconds));

  progress(`quiet: ${plan.phaseSeconds} s of market.ticker, nothing else`);
  const quiet = await measureTicker(url, forSeconds(plan.phaseSeconds));

  const socketPhase = async (mode: string, what: string) => {
    progress(`${what} for ${plan.phaseSeconds} s`);
    const flood = await startFlood([mode, url, String(plan.phaseSeconds)]);
    flood.go();
    const samples = await measureTicker(url, flood.finished);
    return { samples, answers: await flood.result };
  };
  const socket = await socketPhase("socket", "one socket flooding subscriptions and deep books");
  const escaped = await socketPhase("escaped", 'one socket flooding calls keyed "\\u006dethod"');
  const signedIn = await socketPhase("me", "one signed-in socket flooding auth.me");

  const bursts = async (mode: "logins" | "health" | "get-login" | "post-login") => {
    const samples: number[] = [];
    const answers: unknown[] = [];
    for (let burst = 0; burst < plan.bursts; burst++) {
      progress(`${LOGINS} ${mode} requests at once (burst ${burst + 1})`);
      const flood = await startFlood([mode, url, String(LOGINS), String(burst)]);
      flood.go();
      samples.push(...(await measureTicker(url, flood.finished)));
      answers.push(await flood.result);
    }
    return { samples, answers };
  };
  const healthChecks = await bursts("health");
  const logins = await bursts("logins");
  // A page flood answered 404 (no web build) would measure nothing the row names.
  const page = await fetch(`${url}/login`, {
    headers: { "x-forwarded-for": WELL_BEHAVED_ADDRESS },
  });
  await page.arrayBuffer();
  if (page.status !== 200) throw new Error(`GET /login answered ${page.status}, not a page`);
  const getLogin = await bursts("get-login");
  const postLogin = await bursts("post-login");

  const measured = {
    quiet,
    socket: socket.samples,
    escaped: escaped.samples,
    signedIn: signedIn.samples,
    logins: logins.samples,
    getLogin: getLogin.samples,
    postLogin: postLogin.samples,
    healthChecks: healthChecks.samples,
  };
  for (const [name, samples] of Object.entries(measured)) {
    if (samples.length < MIN_SAMPLES) {
      throw new Error(`${name}: ${samples.length} samples, fewer than the ${MIN_SAMPLES} needed`);
    }
  }
  return {
    ...measured,
    socketAnswers: socket.answers,
    escapedAnswers: escaped.answers,
    signedInAnswers: signedIn.answers,
    loginAnswers: logins.answers,
    getLoginAnswers: getLogin.answers,
    postLoginAnswers: postLogin.answers,
    nicedThreads: await countNiced(pid),
  };
}

/** Calls `market.ticker` at a steady pace until `done()` and returns each latency (ms). */
async function measureTicker(url: string, done: () => boolean): Promise<number[]> {
  const input = encodeURIComponent(JSON.stringify({ json: { symbol: "BTC-USDT" } }));
  const headers = { "x-forwarded-for": WELL_BEHAVED_ADDRESS };
  const samples: number[] = [];
  while (!done()) {
    const started = performance.now();
    const response = await fetch(`${url}/trpc/market.ticker?input=${input}`, { headers });
    await response.arrayBuffer();
    if (!response.ok) throw new Error(`market.ticker answered ${response.status}`);
    samples.push(performance.now() - started);
    const pause = started + 1_000 / CALLS_PER_SECOND - performance.now();
    if (pause > 0) await new Promise((resolve) => setTimeout(resolve, pause));
  }
  return samples;
}

const forSeconds = (seconds: number) => {
  const until = performance.now() + seconds * 1_000;
  return () => performance.now() >= until;
};

interface Flood {
  /** Tells the loaded abuser to start. */
  go(): void;
  finished(): boolean;
  /** The JSON line it printed at its end. */
  result: Promise<unknown>;
}

/** Starts an abuser process and resolves once it is loaded and waiting for `go()`. */
async function startFlood(args: string[]): Promise<Flood> {
  // At nice 19: an attacker's CPU is not the server's. Here both share two cores, and an
  // abuser opening 300 connections at full priority would measure this machine, not the server.
  const child = spawn(
    "nice",
    ["-n", "19", process.execPath, "--import", "tsx", floodScript, ...args],
    {
      stdio: ["pipe", "pipe", "inherit"],
    },
  );
  let output = "";
  let exited = false;
  let loaded: () => void = () => {};
  const ready = new Promise<void>((resolve) => {
    loaded = resolve;
  });
  child.stdout.on("data", (chunk: Buffer) => {
    output += chunk.toString();
    if (output.startsWith("ready\n")) loaded();
  });
  // A bench that dies must not leave an abuser hammering a port.
  const orphanGuard = () => child.kill("SIGKILL");
  process.once("exit", orphanGuard);
  const result = new Promise<unknown>((resolve, reject) => {
    child.once("exit", (code) => {
      exited = true;
      process.off("exit", orphanGuard);
      if (code === 0) resolve(JSON.parse(output.slice("ready\n".length)));
      else reject(new Error(`abuser ${args[0]} exited with ${code}`));
    });
  });
  await Promise.race([ready, result]);
  return { go: () => child.stdin.end(), finished: () => exited, result };
}

/** How many of process `pid`'s threads run at nice 19; undefined where /proc is missing. */
async function countNiced(pid: number): Promise<number | undefined> {
  if (process.platform !== "linux") return undefined;
  let count = 0;
  for (const tid of await readdir(`/proc/${pid}/task`)) {
    const stat = await readFile(`/proc/${pid}/task/${tid}/stat`, "utf8").catch(
      (error: NodeJS.ErrnoException) => {
        // A thread that ended since the listing is simply not counted.
        if (error.code === "ENOENT") return "";
        throw error;
      },
    );
    // Field 19 (the nice value), counted from field 3 after the command name.
    if (stat.slice(stat.lastIndexOf(")") + 2).split(" ")[16] === "19") count += 1;
  }
  return count;
}
