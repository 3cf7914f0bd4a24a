// The Files API (`/v1/files`): uploads for fine-tuning kept under <data>/files as the bytes
// (<id>.jsonl) and OpenAI's file object (<id>.json). Only `purpose: "fine-tune"` is taken: the
// files exist to train on. The size cap is checked while the body is read, so an oversized upload
// is a 413 after at most the cap's worth of bytes.
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { errorResponse, failInvalid, jsonResponse } from '../openai-errors.js';
import { cursorPage } from './pagination.js';
import { listDir, nowSeconds, randomId, readJson, writeJsonAtomic } from './store.js';

export interface FileObject {
  id: string;
  object: 'file';
  bytes: number;
  created_at: number;
  filename: string;
  purpose: 'fine-tune';
  status: 'processed';
}

export class FileStore {
  private readonly files = new Map<string, FileObject>();

  constructor(private readonly dir: string) {}

  async load(): Promise<void> {
    for (const name of await listDir(this.dir)) {
      if (!name.endsWith('.json')) continue;
      const file = await readJson<FileObject>(path.join(this.dir, name));
      if (file?.object === 'file') this.files.set(file.id, file);
    }
  }

  get(id: string): FileObject | undefined {
    return this.files.get(id);
  }

  /** The stored bytes' path (jobs copy it, so deleting the file never breaks a job). */
  pathOf(id: string): string {
    return path.join(this.dir, `${id}.jsonl`);
  }

  async add(filename: string, bytes: Uint8Array): Promise<FileObject> {
    const file: FileObject = {
      id: randomId('file-'),
      object: 'file',
      bytes: bytes.byteLength,
      created_at: nowSeconds(),
      filename,
      purpose: 'fine-tune',
      status: 'processed',
    };
    await writeFile(this.pathOf(file.id), bytes);
    await writeJsonAtomic(path.join(this.dir, `${file.id}.json`), file);
    this.files.set(file.id, file);
    return file;
  }

  async remove(id: string): Promise<boolean> {
    if (!this.files.delete(id)) return false;
    await rm(path.join(this.dir, `${id}.json`), { force: true });
    await rm(this.pathOf(id), { force: true });
    return true;
  }

  /** Newest first; ties (the same second) in reverse upload order. */
  list(): FileObject[] {
    return [...this.files.values()].reverse().sort((a, b) => b.created_at - a.created_at);
  }
}

/** The body, or undefined once it passes `limit` bytes (reading stops there). */
async function readCapped(
  request: Request,
  limit: number,
): Promise<Uint8Array<ArrayBuffer> | undefined> {
  const declared = Number(request.headers.get('content-length') ?? NaN);
  if (declared > limit) return undefined;
  const chunks: Uint8Array[] = [];
  let total = 0;
  if (request.body)
    for await (const chunk of request.body as unknown as AsyncIterable<Uint8Array>) {
      total += chunk.byteLength;
      if (total > limit) return undefined;
      chunks.push(chunk);
    }
  return new Uint8Array(Buffer.concat(chunks));
}

async function upload(store: FileStore, request: Request, maxBytes: number): Promise<Response> {
  const type = request.headers.get('content-type') ?? '';
  if (!type.startsWith('multipart/form-data'))
    failInvalid('Upload the file as multipart/form-data with the fields file and purpose.', 'file');
  const body = await readCapped(request, maxBytes);
  if (!body)
    return errorResponse(413, `The upload is larger than the limit of ${maxBytes} bytes.`, {
      param: 'file',
      code: 'file_too_large',
    });
  let form: FormData;
  try {
    form = await new Response(body, { headers: { 'content-type': type } }).formData();
  } catch {
    failInvalid('The multipart/form-data body cannot be read.', 'file');
  }
  const purpose = form.get('purpose');
  if (purpose !== 'fine-tune')
    failInvalid(`'purpose' must be "fine-tune" (the only purpose local-llm takes).`, 'purpose');
  const file = form.get('file');
  if (file === null || typeof file === 'string')
    failInvalid(`'file' must be a file part of the form.`, 'file');
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (bytes.byteLength === 0) failInvalid('The file is empty.', 'file');
  return jsonResponse(await store.add(file.name || 'upload.jsonl', bytes));
}

const notFound = (id: string) =>
  errorResponse(404, `No such File object: ${id}`, { param: 'id', code: 'file_not_found' });

/** `/v1/files` and `/v1/files/{id}[/content]`. */
export async function handleFiles(
  store: FileStore,
  request: Request,
  parts: string[],
  maxBytes: number,
): Promise<Response> {
  const [id, sub, ...rest] = parts;
  const method = request.method;
  if (id === undefined) {
    if (method === 'POST') return upload(store, request, maxBytes);
    if (method !== 'GET') return errorResponse(405, 'Use GET or POST on /v1/files.');
    const query = new URL(request.url).searchParams;
    const purpose = query.get('purpose');
    const order = query.get('order') ?? 'desc';
    if (order !== 'asc' && order !== 'desc') failInvalid(`'order' must be asc or desc.`, 'order');
    let files = store.list().filter((f) => purpose === null || f.purpose === purpose);
    if (order === 'asc') files = files.reverse();
    return jsonResponse(cursorPage(files, query, { fallback: 10_000, max: 10_000 }));
  }
  const file = store.get(id);
  if (rest.length > 0 || (sub !== undefined && sub !== 'content'))
    return errorResponse(404, `Unknown route: ${method} ${new URL(request.url).pathname}`);
  if (sub === 'content') {
    if (method !== 'GET') return errorResponse(405, 'Use GET on a file’s content.');
    if (!file) return notFound(id);
    return new Response(await readFile(store.pathOf(id)), {
      headers: { 'content-type': 'application/octet-stream' },
    });
  }
  if (method === 'GET') return file ? jsonResponse(file) : notFound(id);
  if (method === 'DELETE')
    return (await store.remove(id))
      ? jsonResponse({ id, object: 'file', deleted: true })
      : notFound(id);
  return errorResponse(405, 'Use GET or DELETE on a file.');
}
