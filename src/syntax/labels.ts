// The dependency relations the parser predicts. UD sub-types that later stages use are kept
// (passive subjects, possessives, relative clauses, passive agents, particles, passive
// auxiliaries); the rest fold into their main relation, so the classifier spends no weight on
// distinctions no stage reads (nmod:unmarked vs nmod, obl:unmarked vs obl, …).
const KEPT_SUBTYPES = new Set(['nsubj:pass', 'csubj:pass', 'nmod:poss', 'acl:relcl', 'obl:agent', 'compound:prt', 'aux:pass']);

/** Map a UD relation (GUM's, with its sub-types) to the parser's label set. */
export function normaliseLabel(deprel: string): string {
  if (KEPT_SUBTYPES.has(deprel)) return deprel;
  const colon = deprel.indexOf(':');
  return colon < 0 ? deprel : deprel.slice(0, colon);
}
