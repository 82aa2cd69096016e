// Confidence for compare/'s items (discrepancies, framing cues): the shipped logistic model's score
// of the features that describe how the item was found, and whether it falls under the threshold
// calibrated on the development gold (then the brief marks it uncertain and collapses it).
import { loadModel, score, type Features } from '../util/logistic.js';

export type CompareModel = 'discrepancies' | 'framing';

export function rate(model: CompareModel, x: Features): { confidence: number; uncertain: boolean } {
  const m = loadModel(model);
  const confidence = Math.round(score(m, x) * 1000) / 1000;
  return { confidence, uncertain: confidence < m.threshold };
}
