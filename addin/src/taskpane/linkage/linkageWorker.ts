/**
 * Entry of the linkage Web Worker (bundled as linkageWorker.js next to taskpane.html): the
 * analysis runs off the pane's thread, so the pane stays responsive and can cancel it.
 */
import { LinkageWorkerSession, type FromWorker, type ToWorker } from "./workerProtocol";

interface WorkerScope {
  onmessage: ((event: MessageEvent<ToWorker>) => void) | null;
  postMessage(message: FromWorker): void;
}

const scope = self as unknown as WorkerScope;
const session = new LinkageWorkerSession((message) => scope.postMessage(message));
scope.onmessage = (event) => void session.handle(event.data);
