// `npm run reset:data`: deletes the app's data folder (storage refuses while the app runs).
import { runResetData } from '@repo/storage';
import { DATA_FOLDER } from './data-folder.js';

await runResetData(DATA_FOLDER);
