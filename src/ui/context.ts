import { getContext, setContext } from 'svelte';
import type { AppState } from './state/app.svelte.js';
import type { Workspace } from './state/workspace.svelte.js';

const APP = Symbol('app');
const WORKSPACE = Symbol('workspace');

export const provideApp = (app: AppState) => setContext(APP, app);
export const useApp = () => getContext<AppState>(APP);
/** The workspace is provided as a getter so that views always see the open plan. */
export const provideWorkspace = (get: () => Workspace) => setContext(WORKSPACE, get);
export const useWorkspace = () => getContext<() => Workspace>(WORKSPACE);
