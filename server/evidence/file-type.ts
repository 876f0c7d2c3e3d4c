/**
 * What an uploaded file is, read from its bytes: never from its name or the Content-Type the
 * browser sent, both of which the uploader chooses. A small signature table for the types
 * evidence may take; everything else is refused by the caller. No package in the dependencies
 * does this (`file-type` is not installed), and the allowed set is small enough to read here.
 */

export interface DetectedType {
  mimeType: string;
  /** the extension a download is named with */
  extension: string;
}

export const PDF: DetectedType = { mimeType: 'application/pdf', extension: 'pdf' };
export const PNG: DetectedType = { mimeType: 'image/png', extension: 'png' };
export const JPEG: DetectedType = { mimeType: 'image/jpeg', extension: 'jpg' };
export const CSV: DetectedType = { mimeType: 'text/csv', extension: 'csv' };
const DOCX: DetectedType = {
  mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  extension: 'docx',
};
const XLSX: DetectedType = {
  mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  extension: 'xlsx',
};
const PPTX: DetectedType = {
  mimeType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  extension: 'pptx',
};
const ODT: DetectedType = { mimeType: 'application/vnd.oasis.opendocument.text', extension: 'odt' };
const ODS: DetectedType = { mimeType: 'application/vnd.oasis.opendocument.spreadsheet', extension: 'ods' };

/** The types evidence accepts, as the refusal names them. */
export const ACCEPTED_TYPES =
  'PDF, Word (.docx), Excel (.xlsx), PowerPoint (.pptx), OpenDocument text or spreadsheet (.odt, .ods), PNG, JPEG or CSV';

const startsWith = (bytes: Uint8Array, signature: readonly number[], at = 0) =>
  bytes.length >= at + signature.length && signature.every((b, i) => bytes[at + i] === b);

const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));

function contains(bytes: Uint8Array, text: string): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(text, 0, 'latin1');
}

/**
 * A ZIP container is an office document when it holds the parts that define one: OpenDocument
 * stores its type uncompressed as the first entry (`mimetype`), Office Open XML names its main
 * part in the central directory. Any other ZIP is refused.
 */
function officeType(bytes: Uint8Array): DetectedType | null {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 200)).toString(
    'latin1',
  );
  if (head.slice(30, 38) === 'mimetype') {
    const declared = head.slice(38);
    // `.text-template` and the like are other types: the name must end where ours do
    if (/^application\/vnd\.oasis\.opendocument\.text(?![-\w.])/.test(declared)) return ODT;
    if (/^application\/vnd\.oasis\.opendocument\.spreadsheet(?![-\w.])/.test(declared)) return ODS;
    return null;
  }
  if (!contains(bytes, '[Content_Types].xml')) return null;
  if (contains(bytes, 'word/document.xml')) return DOCX;
  if (contains(bytes, 'xl/workbook.xml')) return XLSX;
  if (contains(bytes, 'ppt/presentation.xml')) return PPTX;
  return null;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** A C0 control character other than tab, line feed and carriage return, or DEL: a binary file. */
const isBinaryControl = (b: number) => (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d) || b === 0x7f;

/** CSV has no signature: it is UTF-8 text, with no NUL or other binary control characters. */
function isCsv(bytes: Uint8Array): boolean {
  if (bytes.length === 0 || bytes.some(isBinaryControl)) return false;
  try {
    strictUtf8.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** The type of the bytes, or null when evidence does not take it. */
export function detectFileType(bytes: Uint8Array): DetectedType | null {
  if (startsWith(bytes, ascii('%PDF-'))) return PDF;
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return PNG;
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return JPEG;
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return officeType(bytes);
  return isCsv(bytes) ? CSV : null;
}
