/**
 * Automatic removal (SCIM), in the browser: a cluster manager turns it on for the researcher's
 * organisation and copies the token shown once; the organisation's identity provider (the test,
 * speaking SCIM over HTTP) deactivates the researcher, whose open project page is signed out
 * within a second and who cannot sign in again.
 */
import { describe, expect, test } from 'vitest';
import { identityProvider } from '../support/scim.ts';
import { fillSignIn, signIn, useBrowserAndServer } from './helpers.ts';

const { freshPage } = useBrowserAndServer();

describe('automatic removal (SCIM)', () => {
  test('the identity provider deactivates the researcher: their open page is signed out within a second', async () => {
    const researcher = await freshPage();
    await signIn(researcher, 'researcher@demo.jalon');
    await researcher.getByRole('heading', { level: 1, name: 'Portfolio' }).waitFor();
    const projects = (await (await researcher.request.get('/api/projects')).json()).projects as {
      id: string;
    }[];
    await researcher.goto(`/projects/${projects[0]!.id}`);
    await researcher.getByRole('tab').first().waitFor();

    const manager = await freshPage();
    await signIn(manager, 'manager@demo.jalon');
    await manager.getByRole('heading', { level: 1, name: 'Portfolio' }).waitFor();
    const found = await (await manager.request.get('/api/people?q=researcher%40demo.jalon')).json();
    const organisation = found.people[0].organisations[0] as { id: string; name: string };
    await manager.goto(`/admin/organisations/${organisation.id}`);
    const panel = manager.getByRole('region', { name: 'Automatic removal (SCIM)' });
    await panel.getByText(/^Off: nobody is removed automatically/).waitFor();
    await panel.getByRole('button', { name: 'Turn on and issue a token' }).click();
    await panel.getByText(/it is shown this once/).waitFor();
    const token = await panel.getByRole('textbox', { name: 'Token (secret)' }).inputValue();
    const baseUrl = await panel.getByRole('textbox', { name: 'SCIM base URL (tenant URL)' }).inputValue();
    expect(baseUrl).toBe(new URL('/api/auth/scim/v2', manager.url()).toString());
    await panel.getByRole('button', { name: 'Done, I have copied it' }).click();
    await panel.getByText('On: the provider holds a working token.').waitFor();
    await expect(panel.getByRole('textbox', { name: 'Token (secret)' }).count()).resolves.toBe(0);

    const idp = identityProvider(baseUrl, token);
    const linked = await idp.createUser('researcher@demo.jalon', {
      givenName: 'Camille',
      familyName: 'Researcher',
    });
    expect(linked.status).toBe(201);
    expect(researcher.url()).toMatch(/\/projects\//);

    const signedOut = researcher
      .getByText('You were signed out: your account has been deactivated.')
      .waitFor({ timeout: 1000 });
    const [off] = await Promise.all([idp.deactivate(linked.body.id), signedOut]);
    expect(off.status).toBe(200);
    expect(researcher.url()).toMatch(/\/sign-in/);

    await fillSignIn(researcher, 'researcher@demo.jalon');
    await researcher
      .getByText('This account has been deactivated. Ask the programme office to reactivate it.')
      .waitFor();

    // The manager sees that the provider has used its token.
    await manager.reload();
    await panel.getByText('People provisioned').waitFor();
    await expect(panel.getByText('Not yet').count()).resolves.toBe(0);
  });
});
