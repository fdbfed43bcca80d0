import { z } from 'zod';
import { declareRoute, type RequestInput } from './declare-route';
import { decisionRoutes } from './decisions';
import { pathParameters } from './validation/path-parameters';

const spec = { method: 'GET', action: 'round.findOne', summary: 'A route of this test', response: z.null() } as const;

/** True only when both types are the same, not merely assignable to each other. */
type Same<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;

describe('a route declaration', () => {
  it('takes its path parameters from the path, in order, with the schemas of path-parameters.ts', () => {
    const route = declareRoute({ ...spec, path: '/municipalities/:municipalityCode/rounds/:roundId/ballots.pb' });
    expect(Object.keys(route.params.shape)).toEqual(['municipalityCode', 'roundId']);
    expect(route.params.shape.roundId).toBe(pathParameters.roundId);
    expect(declareRoute({ ...spec, path: '/rounds' }).params.shape).toEqual({});
  });

  it("gives controllers each parameter's parsed type", () => {
    const exact: Same<RequestInput<typeof decisionRoutes.findOne>['params'], { municipalityCode: string; sequence: number }> = true;
    expect(exact).toBe(true);
    expect(decisionRoutes.findOne.params.parse({ municipalityCode: 'tirana', sequence: '3' })).toEqual({ municipalityCode: 'tirana', sequence: 3 });
  });

  it('refuses a parameter with no schema, when type-checking and when loading', () => {
    // @ts-expect-error the declaration misses `no schema in path-parameters.ts for :nope`
    expect(() => declareRoute({ ...spec, path: '/rounds/:roundId/notes/:nope' })).toThrow(
      '/rounds/:roundId/notes/:nope names path parameters with no schema in validation/path-parameters.ts: nope'
    );
  });

  it('takes no parameter schema beside the path', () => {
    // @ts-expect-error the path is the one place parameters are named
    expect(declareRoute({ ...spec, path: '/rounds/:roundId', params: z.object({ roundId: z.string() }) }).params.shape.roundId).toBe(pathParameters.roundId);
  });
});
