import { engineRunner } from "./engine-adapter";
import { collect } from "./measure";
import { deepBookStream, steadyMixStream } from "./streams";

const which = process.argv[2] ?? "b";
const s =
  which === "a" ? steadyMixStream(20_240_601, 500_000) : deepBookStream(20_240_602, 200_000);
const runner = engineRunner(s.prefill, s.ops);
for (let pass = 0; pass < 3; pass++) {
  const { step } = runner.start();
  for (let i = 0; i < s.ops.length; i++) step(i);
}
const run = runner.start();
collect();
console.log("TIMED START");
let slow = 0;
for (let i = 0; i < s.ops.length; i++) {
  const t0 = process.hrtime.bigint();
  run.step(i);
  const d = Number(process.hrtime.bigint() - t0);
  if (d > 1e6) {
    slow++;
    console.log("SLOW", i, (d / 1e6).toFixed(2), "ms", s.ops.kind[i]);
  }
}
console.log("TIMED END", slow);
