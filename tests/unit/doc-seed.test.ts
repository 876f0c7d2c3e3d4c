/** seedProjectDoc: every demo project seeds a valid document; bad or repeated seeding is refused. */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { projects as demoProjects } from '../../server/db/seed/cluster.data.ts';
import { readProjectDoc, seedProjectDoc, validateDoc } from '../../shared/doc/index.ts';

const snapshot = (doc: Y.Doc) => Y.encodeStateAsUpdate(doc);

describe('seedProjectDoc', () => {
  it('seeds every demo project into a valid document, keeping order and dependencies', () => {
    for (const p of demoProjects) {
      const doc = new Y.Doc();
      const ids = seedProjectDoc(doc, {
        milestones: p.milestones.map((m) => ({
          key: m.key,
          title: m.title,
          description: m.description,
          owner: `user-${m.owner}`,
          due: '2026-06-30',
          status: m.status,
          stage: m.stage,
          dimension: m.dimension,
          dependsOnKeys: m.dependsOn,
          createdBy: 'user-lead',
        })),
        readiness: Object.fromEntries(
          Object.entries(p.readiness).map(([dim, r]) => [
            dim,
            { level: r.level, evidence: r.evidence, updatedBy: 'u' },
          ]),
        ),
      });
      expect(validateDoc(doc)).toEqual([]);
      const data = readProjectDoc(doc);
      expect(data.milestones.map((m) => m.title)).toEqual(p.milestones.map((m) => m.title));
      for (const m of p.milestones) {
        const read = data.milestones.find((x) => x.id === ids.get(m.key))!;
        expect(read.dependsOn).toEqual(m.dependsOn.map((k) => ids.get(k)));
        expect(read.description).toBe(m.description);
      }
      expect(Object.keys(data.readiness).sort()).toEqual(Object.keys(p.readiness).sort());
    }
  });

  it('resolves dependencies by index, seeds criteria, and refuses bad or repeated seeding', () => {
    const doc = new Y.Doc();
    const ids = seedProjectDoc(doc, {
      milestones: [
        { title: 'first', createdBy: 'u' },
        { title: 'second', createdBy: 'u', dependsOnIndexes: [0] },
      ],
      criteria: { 'device:d-g0-need': { checked: true, evidence: 'ref', checkedBy: 'u' } },
    });
    expect(readProjectDoc(doc).milestones[1]!.dependsOn).toEqual([ids.get('0')]);
    expect(readProjectDoc(doc).criteria['device:d-g0-need']).toMatchObject({ checked: true, checkedBy: 'u' });
    expect(() => seedProjectDoc(doc, { milestones: [] })).toThrow(/already has content/);
    const empty = new Y.Doc();
    expect(() =>
      seedProjectDoc(empty, { milestones: [{ title: 'x', createdBy: 'u', dependsOnKeys: ['nope'] }] }),
    ).toThrow(/unknown key "nope"/);
    expect(() =>
      seedProjectDoc(empty, { milestones: [{ title: 'x', createdBy: 'u', dependsOnIndexes: [0] }] }),
    ).toThrow(/depends on itself/);
    expect(() => seedProjectDoc(empty, { readiness: { team: { level: 10, updatedBy: 'u' } } })).toThrow(
      /readiness/,
    );
    expect(snapshot(empty)).toEqual(snapshot(new Y.Doc()));
  });
});
