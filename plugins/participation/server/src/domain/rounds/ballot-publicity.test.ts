import { ballotSetIsPublic, resultIsPublic } from './ballot-publicity';
import { PHASE_ACTIONS, ROUND_PHASES } from './phases';

describe('when the ballot set is public', () => {
  it('is kept back until voting closes and public in every phase after', () => {
    expect(ROUND_PHASES.filter(ballotSetIsPublic)).toEqual(['counting', 'results', 'implementation', 'closed']);
  });

  it('becomes public exactly by closing the vote', () => {
    const publishing = Object.entries(PHASE_ACTIONS).filter(([, move]) => !ballotSetIsPublic(move.from) && ballotSetIsPublic(move.to));
    expect(publishing.map(([action]) => action)).toEqual(['close-voting']);
  });

  it('comes before the result, which is public from the results phase on', () => {
    expect(ROUND_PHASES.filter(resultIsPublic)).toEqual(['results', 'implementation', 'closed']);
    expect(ROUND_PHASES.filter((phase) => resultIsPublic(phase) && !ballotSetIsPublic(phase))).toEqual([]);
  });
});
