// Entry of the evaluation worker threads (piscina calls the default export with each task). Built
// to dist/workers/eval-worker.js; the pool loads that file even when the caller runs from src.
import { runWorkerTask } from './worker-tasks.js';

export default runWorkerTask;
