/**
 * The script worker: generates the PowerShell runbook (with the plan hash the core returns) and
 * builds the scripts zip off the main thread (architecture.md, "Heavy work off the main thread").
 * Thin on purpose: it only calls the core.
 */
import { buildScriptZip, generateScriptBundle } from '../lib/index.js';
import type { ScriptWorkerRequest, ScriptWorkerResponse } from './script-bundle-protocol.js';

// `self` is typed as Window in this project (DOM lib first); only postMessage is used here.
const scope = self as unknown as { postMessage(msg: ScriptWorkerResponse, options?: StructuredSerializeOptions): void };

self.onmessage = (event: MessageEvent<ScriptWorkerRequest>) => {
  const req = event.data;
  try {
    if (req.type === 'scripts') {
      const bundle = generateScriptBundle(req.plan);
      // Plain copies of name and bytes (a ScriptFile's text is a getter; the page decodes bytes when it previews).
      const files = bundle.files.map((f) => ({ name: f.name, bytes: f.bytes }));
      scope.postMessage({ type: 'scripts', id: req.id, files, planSha256: bundle.planSha256, totalBytes: bundle.totalBytes });
    } else {
      const bytes = buildScriptZip(req.plan, req);
      scope.postMessage({ type: 'zip', id: req.id, bytes }, { transfer: [bytes.buffer as ArrayBuffer] });
    }
  } catch (err) {
    scope.postMessage({ type: 'error', id: req.id, message: err instanceof Error ? err.message : String(err) });
  }
};
