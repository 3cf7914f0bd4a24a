// readFile and listFiles: the seed's FileReaderTools.readFileAndPrint, confined to one root folder
// (confine-path.ts, read-confined-file.ts: the same confinement as rag-demo's ingest), with a size
// limit and a refusal of binary or non-UTF-8 content. Each refusal is a FileAccessError whose
// message the model reads as the tool result.
import { lstat, readdir } from 'node:fs/promises';
import { z } from 'zod';
import { createPathConfinement } from './confine-path.js';
import type { ConfinementOptions } from './confine-path.js';
import { defineTool } from './define-tool.js';
import type { ZodTool } from './define-tool.js';
import { FileAccessError } from './tools-errors.js';
import type { FileAccessReason } from './tools-errors.js';

export const DEFAULT_MAX_FILE_BYTES = 256 * 1024;
export const DEFAULT_MAX_LIST_ENTRIES = 200;

export interface FileToolsOptions extends ConfinementOptions {
  /** Largest file `readFile` returns, in bytes; default 256 KiB. */
  maxBytes?: number;
  /** Most entries `listFiles` returns; default 200. */
  maxEntries?: number;
}

export const readFileParameters = z.object({
  path: z.string().describe('File path relative to the shared folder, e.g. "notes/todo.md"'),
});

export const listFilesParameters = z.object({
  path: z.string().optional().describe('Folder relative to the shared folder; default its top'),
});

export interface FileContent {
  path: string;
  bytes: number;
  content: string;
}

export interface FileEntry {
  name: string;
  type: 'file' | 'directory' | 'symlink' | 'other';
}

export interface FileListing {
  path: string;
  entries: FileEntry[];
  /** True when the folder holds more than `maxEntries` visible entries. */
  truncated: boolean;
}

export function createReadFileTool(
  options: FileToolsOptions,
): ZodTool<typeof readFileParameters, FileContent> {
  const confinement = createPathConfinement(options);
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_FILE_BYTES;
  return defineTool({
    name: 'readFile',
    description: 'Read a UTF-8 text file from the shared folder, by its path inside that folder.',
    parameters: readFileParameters,
    async execute({ path: requested }) {
      const { relative, bytes } = await confinement
        .readFile(requested, { maxBytes })
        .catch((error: unknown) => {
          throw withHint(error, 'directory', 'list it with listFiles');
        });
      return { path: relative, bytes: bytes.length, content: decodeText(requested, bytes) };
    },
  });
}

export function createListFilesTool(
  options: FileToolsOptions,
): ZodTool<typeof listFilesParameters, FileListing> {
  const confinement = createPathConfinement(options);
  const maxEntries = options.maxEntries ?? DEFAULT_MAX_LIST_ENTRIES;
  return defineTool({
    name: 'listFiles',
    description: 'List the files and folders in the shared folder or one of its subfolders.',
    parameters: listFilesParameters,
    async execute({ path: requested = '.' }) {
      const { relative, real } = await confinement.resolve(requested === '' ? '.' : requested);
      const entries = await hideFsErrors(requested, () => listEntries(requested, real, options));
      return {
        path: relative,
        entries: entries.slice(0, maxEntries),
        truncated: entries.length > maxEntries,
      };
    },
  });
}

async function listEntries(
  requested: string,
  real: string,
  options: FileToolsOptions,
): Promise<FileEntry[]> {
  if (!(await lstat(real)).isDirectory())
    throw new FileAccessError(
      requested,
      'not_a_directory',
      `"${requested}" is a file, not a folder; read it with readFile`,
    );
  const visible = (await readdir(real, { withFileTypes: true }))
    .filter((entry) => options.allowHidden === true || !entry.name.startsWith('.'))
    .sort((a, b) => a.name.localeCompare(b.name));
  return visible.map((entry) => ({
    name: entry.name,
    type: entry.isFile()
      ? ('file' as const)
      : entry.isDirectory()
        ? ('directory' as const)
        : entry.isSymbolicLink()
          ? ('symlink' as const)
          : ('other' as const),
  }));
}

/** Node's fs messages carry the absolute path; the model gets the path it asked for instead. */
async function hideFsErrors<T>(requested: string, read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if (error instanceof FileAccessError) throw error;
    const code = (error as NodeJS.ErrnoException).code ?? 'unknown error';
    throw new FileAccessError(requested, 'unreadable', `"${requested}" cannot be read (${code})`, {
      cause: error,
    });
  }
}

/** The shared refusal, with what the model can do instead. */
function withHint(error: unknown, reason: FileAccessReason, hint: string): unknown {
  if (!(error instanceof FileAccessError) || error.reason !== reason) return error;
  return new FileAccessError(error.path, reason, `${error.message}; ${hint}`, { cause: error });
}

/** UTF-8 text or a refusal: a NUL byte or an invalid UTF-8 sequence means binary. */
function decodeText(requested: string, bytes: Uint8Array): string {
  const refuse = () =>
    new FileAccessError(
      requested,
      'binary',
      `"${requested}" is not UTF-8 text (binary or another encoding); only text files can be read`,
    );
  if (bytes.includes(0)) throw refuse();
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw refuse();
  }
}
