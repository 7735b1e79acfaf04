/**
 * Deleting an object: when something refers to it, ask first and say what breaks (referencesTo);
 * otherwise delete at once. Either way the edit goes through the workspace, so it can be undone.
 */
import { deleteObject, KIND_NOUN, objectName, referencesTo, type ObjectKind } from '../../../lib/index.js';
import type { Id } from '../../../lib/index.js';
import type { Notices } from '../../state/notices.svelte.js';
import type { Workspace } from '../../state/workspace.svelte.js';

export interface PendingDelete {
  kind: ObjectKind;
  id: Id;
  name: string;
  refs: string[];
}

export class DeleteFlow {
  pending = $state.raw<PendingDelete | null>(null);
  #ws: () => Workspace;
  #notices: Notices;

  constructor(ws: () => Workspace, notices: Notices) {
    this.#ws = ws;
    this.#notices = notices;
  }

  request(kind: ObjectKind, id: Id): void {
    const plan = this.#ws().plan;
    const name = objectName(plan, kind, id);
    const refs = referencesTo(plan, kind, id);
    if (refs.length > 0) this.pending = { kind, id, name, refs };
    else this.#run(kind, id, name);
  }

  confirm(): void {
    const p = this.pending;
    this.pending = null;
    if (p) this.#run(p.kind, p.id, p.name);
  }

  cancel(): void {
    this.pending = null;
  }

  #run(kind: ObjectKind, id: Id, name: string) {
    const label = `Delete ${KIND_NOUN[kind]} ${name}`;
    this.#ws().update(label, (plan) => deleteObject(plan, kind, id));
    this.#notices.push('info', `Deleted ${KIND_NOUN[kind]} ${name}. Undo brings it back.`);
    // The Delete button went with its row: put focus on the area heading, after the dialog's own
    // focus restore has run, so keyboard users are not left on <body>.
    setTimeout(() => document.querySelector<HTMLElement>('main h1')?.focus(), 0);
  }
}
