import type { Reporter, TestCase, TestResult } from '@playwright/test/reporter';

/** Ends a Playwright run with the same closing line as Vitest's: `e2e: N passed, N failed, N skipped`. */
export default class SummaryLineReporter implements Reporter {
  #passed = 0;
  #failed = 0;
  #skipped = 0;

  onTestEnd(test: TestCase, result: TestResult): void {
    if (result.retry < test.retries && result.status !== 'passed' && result.status !== 'skipped') return;
    if (result.status === 'passed') this.#passed += 1;
    else if (result.status === 'skipped') this.#skipped += 1;
    else this.#failed += 1;
  }

  onEnd(): void {
    process.stdout.write(`\ne2e: ${this.#passed} passed, ${this.#failed} failed, ${this.#skipped} skipped\n`);
  }

  printsToStdio(): boolean {
    return true;
  }
}
