import type { TestApp } from '../harness/app';
import { bootApp } from '../harness/app';
import { createMunicipality, createPerson } from '../harness/people';
import { portalClient, signedInPortalClient } from '../harness/portal-client';

let app: TestApp;

beforeAll(async () => {
  app = await bootApp();
  await createMunicipality(app.strapi, 'WSA', 'Workspace A');
  await createMunicipality(app.strapi, 'WSB', 'Workspace B');
});
afterAll(async () => {
  await app?.close();
});

const toolLinks = (body: string, code: string) => [...body.matchAll(new RegExp(`href="/en/workspace/${code}(/[a-z-]+)"`, 'g'))].map((match) => match[1]);

describe('the workspace front door', () => {
  it('offers each role exactly the tools the access table allows it, in its own municipalities only', async () => {
    const staff = await signedInPortalClient(app, await createPerson(app.strapi, 'municipal-staff', ['WSA']));
    const home = await staff.get('/en/workspace');
    expect(home.status).toBe(200);
    expect(home.headers.get('cache-control')).toContain('no-store');
    expect(home.body).toContain('Workspace A');
    expect(home.body).not.toContain('Workspace B');
    expect(toolLinks(home.body, 'WSA')).toEqual(['/rounds', '/review', '/decisions', '/implementation', '/budget-lines', '/participants', '/consultations', '/dialogue-groups']);
    expect((await staff.get('/en/workspace/WSA')).status).toBe(200);
    expect((await staff.get('/en/workspace/WSB')).status).toBe(403);
    expect((await staff.get('/en/workspace/NOPE')).status).toBe(403);

    const moderator = await signedInPortalClient(app, await createPerson(app.strapi, 'moderator', ['WSB']));
    expect(toolLinks((await moderator.get('/en/workspace/WSB')).body, 'WSB')).toEqual(['/moderation']);
    expect((await moderator.get('/en/workspace/WSA')).status).toBe(403);

    const facilitator = await signedInPortalClient(app, await createPerson(app.strapi, 'cso-facilitator', ['WSA', 'WSB']));
    const both = await facilitator.get('/en/workspace');
    expect(toolLinks(both.body, 'WSA')).toEqual(['/participants', '/ballot-desk', '/consultations', '/dialogue-groups']);
    expect(toolLinks(both.body, 'WSB')).toEqual(['/participants', '/ballot-desk', '/consultations', '/dialogue-groups']);
    // The header offers the workspace to those who have one.
    expect(both.body).toContain('href="/en/workspace">Workspace</a>');
  });

  it('has nothing for a citizen and sends a signed-out visitor to sign in', async () => {
    const citizen = await signedInPortalClient(app, await createPerson(app.strapi, 'citizen'));
    const home = await citizen.get('/en/workspace');
    expect(home.status).toBe(200);
    expect(home.body).toContain('You are not assigned to any municipality yet');
    expect(home.body).not.toContain('href="/en/workspace">Workspace</a>');
    expect((await citizen.get('/en/workspace/WSA')).status).toBe(403);

    const visitor = portalClient(app);
    const refused = await visitor.get('/en/workspace/WSA');
    expect(refused.status).toBe(303);
    expect(refused.location).toBe('/en/sign-in?returnTo=%2Fworkspace%2FWSA');
  });
});
