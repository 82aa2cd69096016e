// How a stage keeps one failure from costing more than its part, without hiding it. A stage that
// works in parts (articles, sentences, detectors) runs each through an Isolate. The pipeline's
// Isolate records the failure as a problem naming the article, the stage and the error, and lets
// the stage go on with the fallback; the default one lets the error through, so a stage called
// on its own (tests, benchmarks, library users) fails loudly.

/**
 * Run `run` as one part of a stage. `part` names what a failure loses ("positions", "sentence 12");
 * `article` is the id of the article the part belongs to, or null for work across articles.
 */
export type Isolate = <T>(part: string, run: () => T, fallback: T, article: string | null) => T;

/** No isolation: a failing part throws to the caller. */
export const bare: Isolate = (_part, run) => run();
