import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';

export interface StoredFile {
  /** Opaque, URL-safe key: the content hash plus extension, so a URL never changes meaning. */
  key: string;
  size: number;
  contentType: string;
}

/**
 * Where uploaded images live. Local disk today; S3/COS implement the same three
 * methods. Keys are content-addressed, so the files can be cached forever.
 */
export interface FileStorage {
  put(data: Buffer, contentType: string): Promise<StoredFile>;
  /** Null when there is no such file. */
  get(key: string): Promise<{ data: Buffer; contentType: string } | null>;
  /** Whether a file is stored under this key (without reading it). */
  exists(key: string): Promise<boolean>;
  delete(key: string): Promise<void>;
}

export const FILE_STORAGE = Symbol('FILE_STORAGE');

export const IMAGE_TYPES: Record<string, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
  'image/gif': 'gif',
};
const TYPE_BY_EXT = Object.fromEntries(Object.entries(IMAGE_TYPES).map(([t, e]) => [e, t]));
export const FILE_KEY = /^[0-9a-f]{64}\.(jpg|png|webp|gif)$/;

/** The magic bytes of the image types we accept: the declared type must match the content. */
export function sniffImageType(data: Buffer): string | null {
  if (data.length >= 3 && data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff) return 'image/jpeg';
  if (
    data.length >= 8 &&
    data.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
  )
    return 'image/png';
  if (
    data.length >= 12 &&
    data.toString('ascii', 0, 4) === 'RIFF' &&
    data.toString('ascii', 8, 12) === 'WEBP'
  )
    return 'image/webp';
  if (data.length >= 6 && /^GIF8[79]a$/.test(data.toString('ascii', 0, 6))) return 'image/gif';
  return null;
}

/** Files under `<dataDir>/uploads/<first two hex chars>/<key>`. */
export class LocalFileStorage implements FileStorage {
  constructor(private readonly root: string) {}

  private pathOf(key: string): string {
    if (!FILE_KEY.test(key)) throw new Error(`invalid file key ${key}`);
    return path.join(this.root, key.slice(0, 2), key);
  }

  async put(data: Buffer, contentType: string): Promise<StoredFile> {
    const ext = IMAGE_TYPES[contentType];
    if (!ext) throw new Error(`unsupported content type ${contentType}`);
    const key = `${createHash('sha256').update(data).digest('hex')}.${ext}`;
    const file = this.pathOf(key);
    await fs.promises.mkdir(path.dirname(file), { recursive: true });
    // Write then rename: a reader never sees half a file, and the same content twice is harmless.
    const tmp = `${file}.${process.pid}.${Date.now()}.tmp`;
    await fs.promises.writeFile(tmp, data);
    await fs.promises.rename(tmp, file);
    return { key, size: data.length, contentType };
  }

  async get(key: string): Promise<{ data: Buffer; contentType: string } | null> {
    if (!FILE_KEY.test(key)) return null;
    try {
      const data = await fs.promises.readFile(this.pathOf(key));
      return { data, contentType: TYPE_BY_EXT[key.split('.')[1]] };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw err;
    }
  }

  async exists(key: string): Promise<boolean> {
    if (!FILE_KEY.test(key)) return false;
    try {
      return (await fs.promises.stat(this.pathOf(key))).isFile();
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return false;
      throw err;
    }
  }

  async delete(key: string): Promise<void> {
    if (!FILE_KEY.test(key)) return;
    await fs.promises.rm(this.pathOf(key), { force: true });
  }
}
