// `npm run reset:data`: deletes the app's PGlite folder (storage refuses while the app runs).
import { resetDataFolder } from '@repo/storage';
import { DATA_FOLDER } from './data-folder.js';

try {
  const removed = await resetDataFolder(DATA_FOLDER);
  console.log(
    removed ? `Removed ${DATA_FOLDER}` : `Nothing to remove: ${DATA_FOLDER} does not exist`,
  );
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
}
