/**
 * The bulk run's restart under `node --single-threaded` (src/cli/reexec.ts):
 * when it happens, and that node accepts its flags (a V8 flag dropped by a
 * node upgrade would make every bulk run fail at start with "bad option").
 */
import { spawnSync } from 'node:child_process';
import { reexecFlags, shouldReexec } from '../../src/cli/reexec.js';

describe('the --single-threaded restart', () => {
  it('happens when the jobs fill every core of a multi-core machine', () => {
    expect(shouldReexec(2, 2)).toBe(true);
    expect(shouldReexec(4, 2)).toBe(true);
    expect(shouldReexec(1, 2)).toBe(false);
    expect(shouldReexec(1, 1)).toBe(false);
  });

  it('raises the interrupt budget, lowers inlining, lets the heap grow further, and V8 flags given to node itself still win', () => {
    const flags = reexecFlags(['--interrupt-budget=1000', '--max-old-space-size=2048']);
    expect(flags).toContain('--single-threaded');
    const budgets = flags.filter((f) => f.startsWith('--interrupt-budget='));
    expect(budgets).toHaveLength(2);
    expect(budgets[budgets.length - 1]).toBe('--interrupt-budget=1000');
    expect(flags).toContain('--max-old-space-size=2048');
    expect(flags).toEqual(expect.arrayContaining(['--max-inlined-bytecode-size=230', '--max-inlined-bytecode-size-cumulative=300', '--heap-growing-percent=75']));
  });

  it('gives node flags it accepts', () => {
    const r = spawnSync(process.execPath, [...reexecFlags([]), '-e', 'console.log(JSON.stringify(process.execArgv))'], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(expect.arrayContaining(reexecFlags([])));
  });
});
