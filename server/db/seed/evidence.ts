/**
 * The demo's evidence files: small but valid PDFs, a PNG chart and a CSV, generated here, on
 * VCT-201's milestones, readiness dimensions and next-gate criteria (one with two versions, one
 * restricted to the team, one file's bytes on two targets). Written straight into the libSQL blob table, as the default store
 * keeps them (server/evidence/blob-store.ts).
 */
import { createHash } from 'node:crypto';
import { deflateSync } from 'node:zlib';
import { and, asc, eq } from 'drizzle-orm';
import type { AuditEntry } from '../../audit/audit-chain.ts';
import type { Db } from '../client.ts';
import { evidenceBlobs, evidenceItems, evidenceVersions, gateCriteria } from '../schema/index.ts';
import type { Statement } from '../writer.ts';

/** A one-page PDF showing `lines`, with a correct cross-reference table. */
export function demoPdf(title: string, lines: string[]): Buffer {
  const pdfText = (s: string) => s.replace(/[\\()]/g, (c) => `\\${c}`).replace(/[^\x20-\x7e]/g, '?');
  const text = [title, '', ...lines]
    .map((line, i) => `BT /F1 ${i === 0 ? 16 : 11} Tf 56 ${780 - i * 18} Td (${pdfText(line)}) Tj ET`)
    .join('\n');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>',
    `<< /Length ${Buffer.byteLength(text, 'latin1')} >>\nstream\n${text}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(Buffer.byteLength(body, 'latin1'));
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = Buffer.byteLength(body, 'latin1');
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) body += `${String(offset).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typed = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typed));
  return Buffer.concat([length, typed, crc]);
}

/** A small bar chart as an RGB PNG: one bar per value (0–1), on white. */
export function demoPng(values: number[], width = 160, height = 90): Buffer {
  const rows: Buffer[] = [];
  const barWidth = Math.floor(width / values.length);
  for (let y = 0; y < height; y++) {
    const row = Buffer.alloc(1 + width * 3, 0xff);
    row[0] = 0; // no filter
    for (let x = 0; x < width; x++) {
      const value = values[Math.min(values.length - 1, Math.floor(x / barWidth))]!;
      const inBar = x % barWidth > 2 && height - y <= value * (height - 6);
      if (inBar) row.set([0x1f, 0x5f, 0xbf], 1 + x * 3);
    }
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', deflateSync(Buffer.concat(rows))),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

interface SeedFile {
  target: { kind: 'criterion' | 'readiness' | 'milestone'; id: string };
  teamOnly?: boolean;
  /** oldest first */
  versions: { name: string; mimeType: string; bytes: Buffer; by: string; daysAgo: number }[];
}

export interface EvidenceSeedRefs {
  projectId: string;
  frameworkId: string;
  stage: number;
  userId: (key: string) => string;
  milestoneId: (key: string) => string | undefined;
}

export async function evidenceSeed(
  db: Db,
  refs: EvidenceSeedRefs,
  now: Date,
): Promise<{ statements: Statement[]; audit: AuditEntry[] }> {
  const [criterion] = await db
    .select({ id: gateCriteria.id })
    .from(gateCriteria)
    .where(
      and(
        eq(gateCriteria.frameworkId, refs.frameworkId),
        eq(gateCriteria.stageIndex, refs.stage),
        eq(gateCriteria.kind, 'must'),
      ),
    )
    .orderBy(asc(gateCriteria.position))
    .limit(1);
  const pdf = 'application/pdf';
  const files: SeedFile[] = [
    {
      target: { kind: 'milestone', id: refs.milestoneId('glp-tox') ?? '' },
      versions: [
        {
          name: 'GLP toxicology VC-TOX-07 — draft summary.pdf',
          mimeType: pdf,
          by: 'researcher',
          daysAgo: 40,
          bytes: demoPdf('GLP toxicology study VC-TOX-07: draft summary', [
            'Test item: VCT-201 CAR-T cells (anti-claudin-18.2)',
            'Species: NSG mice bearing NUGC-4 gastric xenografts',
            'Draft: histopathology peer review pending.',
          ]),
        },
        {
          name: 'GLP toxicology VC-TOX-07 — final report summary.pdf',
          mimeType: pdf,
          by: 'lead',
          daysAgo: 12,
          bytes: demoPdf('GLP toxicology study VC-TOX-07: final report summary', [
            'Test item: VCT-201 CAR-T cells (anti-claudin-18.2)',
            'No on-target off-tumour toxicity in gastric mucosa at the highest dose.',
            'Histopathology peer review completed; QA statement signed.',
          ]),
        },
      ],
    },
    {
      target: { kind: 'milestone', id: refs.milestoneId('vector-gmp') ?? '' },
      versions: [
        {
          name: 'Vector lot VB-2026-03 — titre by run.png',
          mimeType: 'image/png',
          by: 'researcher',
          daysAgo: 6,
          bytes: demoPng([0.55, 0.62, 0.71, 0.68, 0.83, 0.9]),
        },
      ],
    },
    {
      target: { kind: 'readiness', id: 'ip' },
      versions: [
        {
          name: 'Freedom-to-operate opinion — claudin-18.2 binder.pdf',
          mimeType: pdf,
          by: 'lead',
          daysAgo: 30,
          bytes: demoPdf('Freedom-to-operate opinion: humanised claudin-18.2 binder', [
            'Scope: EP and US granted patents and published applications.',
            'Conclusion: no blocking claim identified for the VCT-201 binder.',
          ]),
        },
      ],
    },
    {
      target: { kind: 'readiness', id: 'clinical_need' },
      versions: [
        {
          name: 'CLDN18.2 expression screening — Gustave Roussy.csv',
          mimeType: 'text/csv',
          by: 'researcher',
          daysAgo: 20,
          bytes: Buffer.from(
            'quarter,tumours_screened,cldn18_2_positive,share_positive\n2026-Q1,64,23,0.36\n2026-Q2,71,28,0.39\n2026-Q3,77,30,0.39\n',
          ),
        },
      ],
    },
    {
      target: { kind: 'readiness', id: 'business' },
      teamOnly: true,
      versions: [
        {
          name: 'Co-development term sheet — summary of open points.pdf',
          mimeType: pdf,
          by: 'lead',
          daysAgo: 8,
          bytes: demoPdf('Co-development term sheet: open points', [
            'Team only: not for the industrial partner observers.',
            'Milestone payments and territory split still under negotiation.',
          ]),
        },
      ],
    },
  ];
  // The final GLP summary is also the evidence of the gate's first criterion: the same bytes,
  // stored once.
  const glpFinal = files[0]!.versions[1]!;
  if (criterion)
    files.push({
      target: { kind: 'criterion', id: criterion.id },
      versions: [{ ...glpFinal, daysAgo: 11 }],
    });

  const statements: Statement[] = [];
  const audit: AuditEntry[] = [];
  const blobs = new Set<string>();
  for (const file of files.filter((f) => f.target.id)) {
    const itemId = crypto.randomUUID();
    const first = file.versions[0]!;
    const at = (daysAgo: number) => new Date(now.getTime() - daysAgo * 86_400_000);
    statements.push(
      db.insert(evidenceItems).values({
        id: itemId,
        projectId: refs.projectId,
        targetKind: file.target.kind,
        targetId: file.target.id,
        teamOnly: file.teamOnly ?? false,
        createdBy: refs.userId(first.by),
        createdAt: at(first.daysAgo),
      }),
    );
    file.versions.forEach((v, i) => {
      const sha256 = createHash('sha256').update(v.bytes).digest('hex');
      if (!blobs.has(sha256))
        statements.push(
          db.insert(evidenceBlobs).values({
            sha256,
            size: v.bytes.length,
            mimeType: v.mimeType,
            bytes: v.bytes,
            createdAt: at(v.daysAgo),
          }),
        );
      blobs.add(sha256);
      const versionId = crypto.randomUUID();
      statements.push(
        db.insert(evidenceVersions).values({
          id: versionId,
          itemId,
          version: i + 1,
          sha256,
          fileName: v.name,
          size: v.bytes.length,
          mimeType: v.mimeType,
          uploadedBy: refs.userId(v.by),
          uploadedAt: at(v.daysAgo),
        }),
      );
      audit.push({
        at: now,
        actorId: null,
        actorOrganisationId: null,
        projectId: refs.projectId,
        entity: 'evidence_version',
        entityId: versionId,
        action: 'create',
        field: null,
        before: null,
        after: { itemId, fileName: v.name, size: v.bytes.length, mimeType: v.mimeType, sha256 },
        reason: 'demo cluster seed',
      });
    });
  }
  return { statements, audit };
}
