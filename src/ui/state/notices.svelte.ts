/** Short messages for the live region: saves, errors, undo offers. */
export interface Notice {
  id: number;
  kind: 'info' | 'error' | 'success';
  text: string;
  action?: { label: string; run: () => void };
}

let next = 1;

export class Notices {
  items = $state<Notice[]>([]);

  push(kind: Notice['kind'], text: string, action?: Notice['action'], ms = kind === 'error' ? 0 : 8000): number {
    const id = next++;
    this.items = [...this.items, { id, kind, text, action }];
    if (ms > 0) setTimeout(() => this.dismiss(id), ms);
    return id;
  }

  dismiss(id: number) {
    this.items = this.items.filter((n) => n.id !== id);
  }
}
