/**
 * A gate made ready to request: every must-meet criterion of the project's current stage
 * checked with evidence, by its lead through the project document, as the browser does.
 * Returns the criteria it checked.
 */

import { vi } from 'vitest';
import { docName, setCriterionCheck } from '../../shared/doc/index.ts';
import type { ApiClient } from './client.ts';
import { peer } from './socket.ts';

export interface GateProject {
  id: string;
  stage: number;
  track: string;
}

export async function meetMustCriteria(
  serverUrl: string,
  lead: ApiClient,
  project: GateProject,
): Promise<{ id: string; key: string }[]> {
  const framework = (await lead.get('/api/frameworks')).body.frameworks.find(
    (f: { id: string }) => f.id === project.track,
  );
  const must = framework.stages[project.stage].criteria.filter((c: { kind: string }) => c.kind === 'must');
  const editor = await peer(serverUrl, 'lead@demo.jalon', docName(project.id));
  for (const c of must)
    setCriterionCheck(
      editor.doc,
      c.id,
      { checked: true, evidence: `https://evidence.example/${c.key}` },
      'lead',
    );
  await editor.provider.whenSaved();
  editor.close();
  // The ack means the log holds the checks; their projection (rows and audit events) follows in
  // its own window. Wait for it, so a test counting audit events later does not see it land.
  await vi.waitFor(
    async () => {
      const events: { entityId: string }[] = (
        await lead.get(`/api/projects/${project.id}/activity?limit=200`)
      ).body.events;
      const seen = new Set(events.map((e) => e.entityId));
      if (!must.every((c: { id: string }) => seen.has(c.id)))
        throw new Error('criterion checks not yet projected');
    },
    { timeout: 10_000, interval: 50 },
  );
  return must;
}
