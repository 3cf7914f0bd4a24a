// Whether a path lies inside a folder (or is the folder), by path arithmetic only: both sides must
// already be resolved the same way (both lexical, or both real).
import path from 'node:path';

export function isInside(root: string, candidate: string): boolean {
  const relative = path.relative(root, candidate);
  return (
    relative === '' ||
    (relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative))
  );
}
