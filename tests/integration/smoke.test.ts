import { bootApp, type TestApp } from '../harness/app';

let app: TestApp;
beforeAll(async () => {
  app = await bootApp();
});
afterAll(async () => {
  await app?.close();
});

it('boots', async () => {
  const res = await app.http().get('/api/participation/municipalities');
  expect(res.status).toBe(200);
});
