import { describe, expect, it } from 'vitest';
import { cleanFileName, downloadName } from '../../server/evidence/evidence.rules.ts';
import { detectFileType } from '../../server/evidence/file-type.ts';

/** A ZIP local file header naming `name`, followed by `content` stored as is. */
function zipEntry(name: string, content = ''): Buffer {
  const header = Buffer.alloc(30);
  header.write('PK\x03\x04', 0, 'latin1');
  header.writeUInt16LE(name.length, 26);
  return Buffer.concat([header, Buffer.from(name, 'latin1'), Buffer.from(content, 'latin1')]);
}
const zip = (...entries: [string, string?][]) => Buffer.concat(entries.map(([n, c]) => zipEntry(n, c)));

const typeOf = (bytes: Uint8Array) => detectFileType(bytes)?.mimeType ?? null;

describe('the type of an evidence file, from its bytes', () => {
  it('knows the signatures of PDF, PNG and JPEG', () => {
    expect(typeOf(Buffer.from('%PDF-1.7\n'))).toBe('application/pdf');
    expect(typeOf(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))).toBe('image/png');
    expect(typeOf(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]))).toBe('image/jpeg');
  });

  it('tells the office documents apart by what their ZIP holds, and refuses any other ZIP', () => {
    expect(typeOf(zip(['[Content_Types].xml'], ['word/document.xml']))).toMatch(/wordprocessingml/);
    expect(typeOf(zip(['[Content_Types].xml'], ['xl/workbook.xml']))).toMatch(/spreadsheetml/);
    expect(typeOf(zip(['[Content_Types].xml'], ['ppt/presentation.xml']))).toMatch(/presentationml/);
    expect(typeOf(zip(['mimetype', 'application/vnd.oasis.opendocument.text']))).toBe(
      'application/vnd.oasis.opendocument.text',
    );
    expect(typeOf(zip(['mimetype', 'application/vnd.oasis.opendocument.spreadsheet']))).toBe(
      'application/vnd.oasis.opendocument.spreadsheet',
    );
    expect(typeOf(zip(['mimetype', 'application/vnd.oasis.opendocument.text-template']))).toBeNull();
    expect(typeOf(zip(['payload.exe', 'MZ']))).toBeNull();
  });

  it('takes UTF-8 text as CSV, and refuses binary, NULs and invalid UTF-8', () => {
    expect(typeOf(Buffer.from('hôpital,patients\r\nInstitut Curie,40\n'))).toBe('text/csv');
    expect(typeOf(Buffer.from('a,b\u0000c'))).toBeNull();
    expect(typeOf(Buffer.from([0x61, 0xc3, 0x28]))).toBeNull();
    expect(typeOf(Buffer.from([0x4d, 0x5a, 0x90, 0x00]))).toBeNull();
    expect(typeOf(Buffer.alloc(0))).toBeNull();
  });
});

describe('evidence file names', () => {
  it('keeps the last path segment, without control characters', () => {
    expect(cleanFileName('C:\\Users\\claire\\GLP report.pdf')).toBe('GLP report.pdf');
    expect(cleanFileName('../../etc/passwd\u0007')).toBe('passwd');
    expect(() => cleanFileName('   ')).toThrow(/name/);
    expect(() => cleanFileName('x'.repeat(201))).toThrow(/200/);
  });

  it('downloads under the detected type’s extension, whatever the name said', () => {
    expect(downloadName('scan.pdf', 'png')).toBe('scan.png');
    expect(downloadName('minutes', 'pdf')).toBe('minutes.pdf');
  });
});
