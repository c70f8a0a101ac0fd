/** What one round of the step bench answers: per batch, µs per step. */
export interface StepSamples {
  /** Proposal only (propose → verdict → checkpoint → audit). */
  proposals: number[];
  /** Proposal and result. */
  steps: number[];
}
