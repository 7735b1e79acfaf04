/** Printed in every script header; bump when the generated code changes. */
export const GENERATOR_VERSION = 'shared-calling-planner/powershell 1.0.0';
