/**
 * The import worker: reads user lists and writes plan workbooks with SheetJS, off the main thread
 * (architecture.md, "Heavy work off the main thread"). Thin on purpose: it only calls the core.
 * SheetJS is bundled here, never in the page's entry chunk.
 *
 * The served build can also load this same file on the page, as a plain module, when the browser
 * refuses to start workers (import-client.ts). It then registers the two core functions under
 * CORE_KEY instead of listening for messages. (A lazy import() of the spreadsheet module from the
 * page would not keep SheetJS out of the entry chunk: the facade re-exports that module, so the
 * bundler places the code it shares with the entry, SheetJS included, in a chunk the entry loads.)
 */
import { parseUserList, previewWorkbookUpdate, writePlanWorkbook } from '../lib/index.js';
import { CORE_KEY, type FallbackCore, type WorkerRequest, type WorkerResponse } from './import-protocol.js';

// `self` is typed as Window in this project (DOM lib first); only postMessage is used here.
const scope = self as unknown as { postMessage(msg: WorkerResponse, options?: StructuredSerializeOptions): void };
const post = (msg: WorkerResponse, transfer: Transferable[] = []) => scope.postMessage(msg, { transfer });

/** Progress at most every 1 %: a message per row would flood the page. */
function progressReporter(id: number): (fraction: number) => void {
  let last = -1;
  return (fraction) => {
    if (fraction < 1 && fraction - last < 0.01) return;
    last = fraction;
    post({ type: 'progress', id, fraction });
  };
}

const inWorker = typeof (globalThis as { WorkerGlobalScope?: unknown }).WorkerGlobalScope !== 'undefined';

if (inWorker)
  self.onmessage = async (event: MessageEvent<WorkerRequest>) => {
    const req = event.data;
    try {
      if (req.type === 'parse') {
        const options = {
          onProgress: progressReporter(req.id),
          ...(req.sheet === undefined ? {} : { sheet: req.sheet }),
          ...(req.mapping ? { mapping: req.mapping } : {}),
        };
        const result = parseUserList(new Uint8Array(req.data), req.fileName, options);
        post({ type: 'result', id: req.id, result });
      } else if (req.type === 'readWorkbook') {
        post({ type: 'workbookRead', id: req.id, preview: previewWorkbookUpdate(new Uint8Array(req.data), req.base) });
      } else {
        const bytes = await writePlanWorkbook(req.plan, { findings: req.findings });
        // writePlanWorkbook returns bytes over a plain ArrayBuffer (never shared memory).
        post({ type: 'workbook', id: req.id, bytes }, [bytes.buffer as ArrayBuffer]);
      }
    } catch (err) {
      // parseUserList never throws on bad input; this is a bug or memory exhaustion: report, do not hang.
      post({ type: 'error', id: req.id, message: err instanceof Error ? err.message : String(err) });
    }
  };
else (globalThis as Record<symbol, unknown>)[CORE_KEY] = { parseUserList, writePlanWorkbook, previewWorkbookUpdate } satisfies FallbackCore;
