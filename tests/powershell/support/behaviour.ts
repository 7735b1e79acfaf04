/**
 * How the simulated tenant behaves in the scenarios unless a scenario says otherwise: like a real
 * one. Names are the simulator's (tests/powershell/sim/README.md, DefaultBehaviour in SimTenant.psm1).
 */
export const REALISTIC = {
  // A new resource account is unknown to the Teams cmdlets for a few calls (eventual consistency).
  eventualConsistency: { resourceAccountHiddenCalls: 3 },
  // Batches move NotStarted -> InProgress -> Completed over a few polls.
  batch: { pollsUntilInProgress: 1, pollsUntilComplete: 3, completeWord: 'Completed' },
};
