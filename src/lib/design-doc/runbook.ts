/**
 * The rollout runbook for the design document: the stages, in the order and with the file names
 * the script generator uses (STAGES), and for each who runs it and what to wait for before the
 * next step, with the waits shared-calling.md documents.
 */
import { STAGES } from '../powershell/index.js';

export interface RunbookStep {
  number: string;
  file: string;
  name: string;
  who: string;
  what: string;
  wait: string;
}

/** Every stage runs in PowerShell with the MicrosoftTeams module 5.5.0 or later (R1); the document says so once. */
const ADMIN = 'Teams administrator';

/** Words per stage name; a stage the generator adds later still shows with its file. */
const BY_NAME: Record<string, Omit<RunbookStep, 'number' | 'file' | 'name'>> = {
  prerequisites: {
    who: `${ADMIN}; licence steps sign in to Microsoft Graph as a user or licence administrator`,
    what: 'Checks the module and the connection, sets usage locations and Teams Phone licences of the users (U1, U3).',
    wait: '',
  },
  'resource-accounts': {
    who: `${ADMIN}, with a licence administrator for the resource account licences`,
    what: 'Creates the resource accounts, licenses them before their number is assigned (RA2), assigns the numbers and their emergency locations (RA1, RA8).',
    wait: '',
  },
  'auto-attendants': {
    who: ADMIN,
    what: 'Creates the auto attendants that answer the shared numbers, with dial by name or extension and the dial scope (AA1–AA4).',
    wait: 'Directory search finds new users only after the address book catches up: up to 24 hours, up to 36 hours for a new user in an auto attendant (AA8).',
  },
  'voice-routing': {
    who: ADMIN,
    what: 'Creates the voice routing policies: none with PSTN usages for users (VR1), one with usages for Direct Routing resource accounts (RA11).',
    wait: '',
  },
  emergency: {
    who: ADMIN,
    what: 'Creates the emergency call routing policies and their emergency numbers (E1–E9).',
    wait: '',
  },
  'shared-calling-policies': {
    who: ADMIN,
    what: 'Creates the Shared Calling policies with their resource account and ordered emergency callback numbers (EN1–EN9).',
    wait: '',
  },
  users: {
    who: ADMIN,
    what: 'Enables Enterprise Voice and grants each user the Shared Calling, emergency and voice routing policies (V1, VR1).',
    wait: 'Policy assignments take effect in the background; assignments to groups can take 24 hours or more for large groups.',
  },
  verify: {
    who: `${ADMIN}; read-only`,
    what: 'Reads the tenant back and writes the verification report the planner loads to show the deployment status.',
    wait: 'Run it after the policy assignments have propagated; test directory search of the auto attendants only after up to 36 hours (AA8).',
  },
  rollback: {
    who: `${ADMIN}; only when the rollout is to be undone`,
    what: 'Removes what the scripts created, in reverse order; never what they did not create. Not part of the normal run.',
    wait: '',
  },
};

export function runbookSteps(): RunbookStep[] {
  return STAGES.map((s) => {
    const words = BY_NAME[s.name] ?? { who: ADMIN, what: `See the help at the top of ${s.file}.`, wait: '' };
    return { number: s.number, file: s.file, name: s.name, ...words };
  });
}
