/**
 * How the simulated tenant behaves in the scenarios unless a scenario says otherwise: like a real
 * one. Names are the simulator's (tests/powershell/sim/README.md).
 */
export const REALISTIC: Record<string, unknown> = {};
