import { runChecks } from '../../src/checks/evaluate.js';
import { loadTemplates } from '../../src/template/load.js';

const rules = loadTemplates().checks;
const row = (a: number, total: number) => ({ naturalPerson: a, commercial: 0, research: 0, publicInterest: 0, legalService: 0, otherOrg: 0, total });

describe('runChecks', () => {
  it('lists one instance per rule and binding, passing when the printed numbers add up', () => {
    const report = { reviewLitigation: { heading: 'x', review: { upheld: 1, corrected: 1, other: 0, pending: 0, total: 2 } } };
    expect(runChecks(rules, report)).toEqual([{ rule: 'reviewLitigation.review.total', passed: true, expected: 2, actual: 2 }]);
  });
  it('reports a printed total that does not add up as failed, without changing it', () => {
    const report = { reviewLitigation: { heading: 'x', review: { upheld: 3, corrected: 1, other: 0, pending: 1, total: 6 } } };
    expect(runChecks(rules, report)).toEqual([{ rule: 'reviewLitigation.review.total', passed: false, expected: 5, actual: 6 }]);
    expect(report.reviewLitigation.review.total).toBe(6);
  });
  it('leaves out instances with a null input', () => {
    const report = { reviewLitigation: { heading: 'x', review: { upheld: null, corrected: 1, other: 0, pending: 0, total: 1 } } };
    expect(runChecks(rules, report)).toEqual([]);
  });
  it('sums every outcome row present, whichever form （六） takes', () => {
    const zero = row(0, 0);
    const applications = {
      heading: 'x',
      newReceived: row(3, 3), carriedOver: zero, granted: row(1, 1), partiallyGranted: zero,
      denied: { stateSecret: zero }, unableToProvide: { notHeld: row(1, 1) }, notProcessed: { complaint: zero },
      otherHandling: { total: row(1, 2) }, totalProcessed: row(3, 3), carriedForward: zero,
    };
    const results = runChecks(rules, { applications });
    const byRule = new Map(results.map((r) => [r.rule, r]));
    expect(byRule.get('applications.balance.naturalPerson')).toMatchObject({ passed: true, expected: 3, actual: 3 });
    expect(byRule.get('applications.totalProcessed.naturalPerson')).toMatchObject({ passed: true, expected: 3 });
    expect(byRule.get('applications.totalProcessed.total')).toMatchObject({ passed: false, expected: 4, actual: 3 });
    expect(byRule.get('applications.rowTotal.otherHandling.total')).toMatchObject({ passed: false, expected: 1, actual: 2 });
    expect(byRule.has('applications.rowTotal.denied.stateSecret')).toBe(true);
  });
  it('adds decimals without floating-point dust', () => {
    const report = { reviewLitigation: { heading: 'x', review: { upheld: 0.1, corrected: 0.2, other: 0, pending: 0, total: 0.3 } } };
    expect(runChecks(rules, report)[0]!.passed).toBe(true);
  });
});
