import type { TestApp } from './app';
import type { TestPerson } from './people';

export type Method = 'get' | 'post' | 'put' | 'delete';

/**
 * `send(person, method, path, body?)` against the content API of the app `getApp` returns (a getter:
 * the app boots in a `beforeAll`, after the helper is made). `null` sends anonymously; a path that
 * starts with `/api/` is taken as it is, any other is under `/api/participation`.
 */
export const sender =
  (getApp: () => TestApp) =>
  (person: TestPerson | null, method: Method, path: string, body?: object) => {
    let request = getApp().http()[method](path.startsWith('/api/') ? path : `/api/participation${path}`);
    if (person) request = request.set(person.auth);
    return body ? request.send(body) : request;
  };

/** `as(person).post(path, body)`: requests under `/api/participation`, read as the person acting. */
export const actor = (getApp: () => TestApp) => (person: TestPerson) => {
  const url = (path: string) => `/api/participation${path}`;
  return {
    get: (path: string) => getApp().http().get(url(path)).set(person.auth),
    post: (path: string, body?: object) => getApp().http().post(url(path)).set(person.auth).send(body),
    put: (path: string, body?: object) => getApp().http().put(url(path)).set(person.auth).send(body),
    delete: (path: string) => getApp().http().delete(url(path)).set(person.auth),
  };
};
