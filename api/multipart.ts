/**
 * Multipart uploads with one file: whatever goes wrong while reading the form (no boundary, a
 * malformed part, a cut-off body, a second file, a file under another field name, a limit) is the
 * client's doing, so it is a 400 (or 413 for sizes) problem naming it, never the 500 of an
 * unexpected error.
 */
import type { RequestHandler } from 'express';
import multer from 'multer';
import { HttpProblem } from './problems';

export const DOCUMENT_MAX_BYTES = 10 * 1024 * 1024;

const upload = multer({
  storage: multer.memoryStorage(),
  // Beyond the document's own fields there is nothing to send: small caps keep a form cheap to read.
  limits: { fileSize: DOCUMENT_MAX_BYTES, files: 1, fields: 20, fieldSize: 64 * 1024, parts: 25 },
});

const LIMIT_PROBLEMS: Record<string, [number, string, string]> = {
  LIMIT_FILE_SIZE: [413, 'document_too_large', 'documents are limited to 10 MB'],
  LIMIT_FIELD_VALUE: [413, 'field_too_large', 'a form field is longer than 64 KiB'],
  LIMIT_FILE_COUNT: [400, 'too_many_files', 'send exactly one file, in the field "file"'],
  LIMIT_UNEXPECTED_FILE: [400, 'unexpected_file_field', 'send the document in the multipart field "file"'],
  LIMIT_PART_COUNT: [400, 'too_many_parts', 'the form has more parts than a document upload needs'],
  LIMIT_FIELD_COUNT: [400, 'too_many_parts', 'the form has more fields than a document upload needs'],
  LIMIT_FIELD_KEY: [400, 'malformed_multipart', 'a form field name is too long'],
  MISSING_FIELD_NAME: [400, 'malformed_multipart', 'a form part has no field name'],
};

/** The problem for an error met while reading a multipart form. */
export function multipartProblem(err: unknown): HttpProblem {
  if (err instanceof HttpProblem) return err;
  const e = err as { name?: string; code?: string; message?: string };
  const known = e.name === 'MulterError' && e.code ? LIMIT_PROBLEMS[e.code] : undefined;
  if (known) return new HttpProblem(...known);
  // busboy's own errors ('Multipart: Boundary not found', 'Malformed part header', 'Unexpected end
  // of form', ...) describe the form, never a secret: shown as they are.
  return new HttpProblem(
    400,
    'malformed_multipart',
    `the multipart form cannot be read: ${e.message ?? 'malformed'}`,
  );
}

/** Reads a multipart form with at most one file, in `field`; refuses any other body type with a 415. */
export function singleFileUpload(field: string): RequestHandler {
  const read = upload.single(field);
  return (req, res, next) => {
    if (!req.is('multipart/form-data'))
      return next(
        new HttpProblem(
          415,
          'unsupported_media_type',
          `send the document as multipart/form-data with the file in the field "${field}"`,
        ),
      );
    read(req, res, (err?: unknown) => next(err === undefined ? undefined : multipartProblem(err)));
  };
}
