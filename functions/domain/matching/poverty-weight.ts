// The weight of one poor-household placement: large enough that no gain in fit can pay for one poor
// labourer fewer, so the optimum places the most poor labourers possible and, among those plans, has
// the largest total fit (a lexicographic objective written as one sum).
//
// Why V·FIT_MAX + 1 suffices (V = vacancy nodes of the flow network): if another plan placed more poor
// labourers, the difference between the two plans splits into simple cycles of the residual network,
// one of which adds a poor placement. A simple cycle visits each vacancy node at most once, so it
// takes back at most V arcs, losing at most V·FIT_MAX fit, and gains one weight: a net gain, which an
// optimum cannot have. A fixed constant would either fail this bound on large counties or inflate the
// numbers the solver scales.
import { FIT_MAX } from './fit-score.js';

export function povertyWeight(vacancyNodes: number): number {
  return Math.max(1, vacancyNodes) * FIT_MAX + 1;
}
