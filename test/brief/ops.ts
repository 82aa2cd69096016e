// Counting work without a clock: V8's precise coverage counts how many times each block of our
// own code ran. Summed over src/, that is an operation count that does not depend on the machine
// or its load, so a test can assert how work grows with input size (a timed test could not).
// Counting starts when this module loads, so it must be imported before the code it counts:
// code that ran (and was optimised) before precise coverage began is not counted reliably.
import { Session } from 'node:inspector/promises';

const session = new Session();
session.connect();
await session.post('Profiler.enable');
await session.post('Profiler.startPreciseCoverage', { callCount: true, detailed: true });

export async function operations(run: () => unknown, files: RegExp = /\/src\//): Promise<number> {
  await session.post('Profiler.takePreciseCoverage'); // resets the counters
  run();
  const { result } = await session.post('Profiler.takePreciseCoverage');
  let total = 0;
  for (const script of result) {
    if (!files.test(script.url)) continue;
    for (const fn of script.functions) for (const range of fn.ranges) total += range.count;
  }
  return total;
}
