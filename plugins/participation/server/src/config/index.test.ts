import config from './index';

describe('plugin config validator', () => {
  it('accepts the defaults', () => {
    expect(() => config.validator(config.default)).not.toThrow();
  });

  it('names the bad setting in a readable error', () => {
    expect(() => config.validator({ budgetLineImport: { maxRows: -1, maxBytes: 10 } })).toThrow(
      /Invalid config for plugin "participation":[\s\S]*budgetLineImport\.maxRows/
    );
    expect(() => config.validator({ ...config.default, colour: 'red' })).toThrow(/colour/);
    const forum = { ...config.default.forum, countedReporters: { minAccountAgeDays: -1, minVisiblePosts: 3 } };
    expect(() => config.validator({ ...config.default, forum })).toThrow(/forum\.countedReporters\.minAccountAgeDays/);
  });
});
