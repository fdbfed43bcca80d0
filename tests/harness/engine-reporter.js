'use strict';
const fs = require('fs');
const path = require('path');

/**
 * Writes .tmp/test-engines.json: tests passed, failed and skipped per project (unit, sqlite, postgres),
 * so CI can prove the PostgreSQL suites really ran, and the slowest suite files, where CI's time goes.
 */
class EngineReporter {
  constructor(globalConfig) {
    this.rootDir = globalConfig.rootDir;
  }

  // `results.success` is not settled yet when reporters run, so success is derived from the counts.
  onRunComplete(_contexts, results) {
    const byProject = {};
    for (const suite of results.testResults) {
      const project = suite.displayName?.name ?? 'default';
      const counts = (byProject[project] ??= { suites: 0, passed: 0, failed: 0, skipped: 0 });
      counts.suites += 1;
      counts.passed += suite.numPassingTests;
      counts.failed += suite.numFailingTests + (suite.testExecError ? 1 : 0);
      counts.skipped += suite.numPendingTests + suite.numTodoTests;
    }
    const slowest = results.testResults
      .map((suite) => ({
        file: `${suite.displayName?.name ?? 'default'} ${path.relative(this.rootDir, suite.testFilePath)}`,
        seconds: Math.round((suite.perfStats.end - suite.perfStats.start) / 100) / 10,
      }))
      .sort((a, b) => b.seconds - a.seconds)
      .slice(0, 30);
    const file = path.join(this.rootDir, '.tmp', 'test-engines.json');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, JSON.stringify({ success: results.numFailedTestSuites === 0 && results.numRuntimeErrorTestSuites === 0, projects: byProject, slowest }, null, 2));
  }
}

module.exports = EngineReporter;
