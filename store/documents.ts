/**
 * The bytes of an order's documents, in chunks keyed `<documentId>:<n>` (docs/store.md: FerretDB
 * serves only `_id` equality from an index). GridFS, which stored them before, reads a file's chunks
 * by `files_id` with a sort: a scan of every chunk ever stored, on each download. Here a download
 * reads each chunk by its `_id`, in order; the document's size (on the order) says how many there are. Documents stored in GridFS before this module existed are still read from there.
 */
import { GridFSBucket } from 'mongodb';
import { Schema, type Connection, type Model } from 'mongoose';
import { Readable } from 'node:stream';
import type { Store } from './connection';

/** Like GridFS's default: small enough for any document size limit, few reads for a 10 MB file. */
export const DOCUMENT_CHUNK_BYTES = 255 * 1024;
/** The GridFS bucket documents were stored in before `document_chunks`. */
const LEGACY_BUCKET = 'documents';

interface DocumentChunk {
  _id: string; // `${documentId}:${n}`
  documentId: string;
  orderId: string;
  n: number;
  data: Buffer;
}

const chunkSchema = new Schema<DocumentChunk>(
  {
    _id: { type: String, required: true },
    documentId: { type: String, required: true },
    orderId: { type: String, required: true },
    n: { type: Number, required: true },
    data: { type: Buffer, required: true },
  },
  { versionKey: false },
);

function chunkModel(connection: Connection): Model<DocumentChunk> {
  return (
    (connection.models.DocumentChunk as Model<DocumentChunk> | undefined) ??
    connection.model<DocumentChunk>('DocumentChunk', chunkSchema, 'document_chunks')
  );
}

const chunkId = (documentId: string, n: number) => `${documentId}:${n}`;

/** How many chunks hold a document of `size` bytes (an empty one still has its one chunk). */
const chunkCount = (size: number) => Math.max(1, Math.ceil(size / DOCUMENT_CHUNK_BYTES));

/** Stores a document's bytes (its record on the order keeps the size, which gives the chunk count). */
export async function saveDocumentContent(
  store: Store,
  documentId: string,
  orderId: string,
  bytes: Buffer,
): Promise<void> {
  const chunks = chunkCount(bytes.length);
  await chunkModel(store.connection).insertMany(
    Array.from({ length: chunks }, (_, n) => ({
      _id: chunkId(documentId, n),
      documentId,
      orderId,
      n,
      data: bytes.subarray(n * DOCUMENT_CHUNK_BYTES, (n + 1) * DOCUMENT_CHUNK_BYTES),
    })),
  );
}

/** Removes a document's bytes (an upload refused after they were stored). */
export async function deleteDocumentContent(store: Store, documentId: string, size: number): Promise<void> {
  const Chunk = chunkModel(store.connection);
  await Promise.all(
    Array.from({ length: chunkCount(size) }, (_, n) => Chunk.deleteOne({ _id: chunkId(documentId, n) })),
  );
}

/** The upload time GridFS recorded, for documents stored there (read by `_id`). */
export async function legacyUploadTime(store: Store, documentId: string): Promise<Date | undefined> {
  const file = await store.connection
    .db!.collection<{ _id: string; uploadDate?: Date }>(`${LEGACY_BUCKET}.files`)
    .findOne({ _id: documentId });
  return file?.uploadDate;
}

/**
 * A document's bytes as a stream, or undefined when they are not stored (a record without content).
 * Chunks are read one at a time as the response drains, so a 10 MB file is never held whole.
 */
export async function openDocumentContent(
  store: Store,
  documentId: string,
  size: number,
): Promise<Readable | undefined> {
  const Chunk = chunkModel(store.connection);
  // Hydrated, not lean: mongoose turns the stored BSON binary back into a Buffer.
  const first = await Chunk.findById(chunkId(documentId, 0));
  if (!first) {
    // Stored before document_chunks existed: GridFS (reads its chunks by files_id, a scan).
    if (!(await legacyUploadTime(store, documentId))) return undefined;
    const bucket = new GridFSBucket(store.connection.db!, { bucketName: LEGACY_BUCKET });
    return bucket.openDownloadStream(documentId as never);
  }
  const total = chunkCount(size);
  async function* chunks() {
    yield Buffer.from(first!.data);
    for (let n = 1; n < total; n++) {
      const chunk = await Chunk.findById(chunkId(documentId, n));
      if (!chunk) throw new Error(`document ${documentId}: chunk ${n} of ${total} is missing`);
      yield Buffer.from(chunk.data);
    }
  }
  return Readable.from(chunks());
}
