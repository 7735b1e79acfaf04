import { defineConfig } from 'vitest/config';

// The PowerShell tier (issue 11): generated scripts and the simulated tenant, run in real pwsh.
// Normally started by `npm run test:powershell` (scripts/test-powershell.mjs), which picks pwsh.
export default defineConfig({
  test: {
    include: ['tests/powershell/**/*.test.ts'],
    environment: 'node',
    testTimeout: 600_000,
    hookTimeout: 600_000,
    fileParallelism: false,
    globalSetup: ['tests/powershell/support/global-setup.ts'],
  },
});
