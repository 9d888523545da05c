// What a host can pass that JSON cannot say, and instants at the ends of the range: the
// regressions of the audit of 2026-11-29. Each answer must be the door's error object or a
// result, and the Engine must keep working (a trap would lose its unsaved workspace).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { escalon } from './load.mjs';

const NOW = '2025-01-22T10:00:00Z';
const ticket = (customer = {}) => ({
  issue: { severity: 'high', impact: 'multiple_customers' },
  customer: { segment: 'enterprise', ...customer },
});

test('NaN and Infinity are wrong_type at their field, not "not given"', () => {
  const engine = escalon.Engine.create();
  for (const [customer, path, shown] of [
    [{ health_score: NaN }, 'parameters.customer.health_score', 'NaN'],
    [{ contract_value: Infinity }, 'parameters.customer.contract_value', 'Infinity'],
  ]) {
    const r = engine.determineEscalation(ticket(customer), NOW);
    assert.equal(r.ok, false, JSON.stringify(r));
    assert.equal(r.error.code, 'wrong_type');
    assert.equal(r.error.path, path);
    assert.match(r.error.message, new RegExp(shown));
  }
  const inList = escalon.run({ action: 'determine-escalation', now: NOW,
    parameters: { issue: { severity: 'low', impact: 'single_user', tags: [1, -Infinity] }, customer: {} } });
  assert.equal(inList.error.path, 'parameters.issue.tags[1]');
  assert.equal(engine.determineEscalation(ticket({ health_score: 40 }), NOW).ok, true);
  // A null the host wrote itself is still "not given".
  assert.equal(engine.determineEscalation(ticket({ health_score: null }), NOW).ok, true);
});

test('in a batch only the ticket with NaN is refused, and the order is kept', () => {
  const engine = escalon.Engine.create();
  const list = [ticket({ health_score: 90 }), ticket({ health_score: NaN }), ticket({ health_score: 10 })];
  const out = engine.determineEscalations(list, { now: NOW });
  assert.equal(out.length, 3);
  assert.equal(out[0].ok, true);
  assert.equal(out[1].ok, false);
  assert.equal(out[1].error.path, 'parameters.customer.health_score');
  assert.equal(out[2].ok, true);
  assert.ok(out[2].result.urgency_score > out[0].result.urgency_score, 'the low health score is ticket 3');
});

test('a batch is decided and recorded at options.now, which the door checks', () => {
  const engine = escalon.Engine.create();
  const rec = { ...ticket(), issue: { id: 'B-1', severity: 'high', impact: 'single_user' }, record: true };
  const out = engine.determineEscalations([rec], { now: '2025-02-03T04:05:06Z', detail: null });
  assert.equal(out[0].ok, true, JSON.stringify(out[0]));
  assert.ok(out[0].result.stakeholders, 'detail null is "not set": full answers');
  assert.equal(engine.exportWorkspace().escalations[0].events[0].at, '2025-02-03T04:05:06Z');
  const bad = engine.determineEscalations([ticket()], { now: 'yesterday' });
  assert.equal(bad[0].error.path, 'now');
  const throwing = { get detail() { throw new Error('no'); } };
  assert.equal(engine.determineEscalations([ticket()], throwing).ok, false);
});

test('module-level run and slaStatus answer at the host clock when now is left out', () => {
  const clock = { start: '2025-01-01T00:00:00Z', target_minutes: 60 };
  assert.equal(escalon.run({ action: 'sla-status', parameters: { clock } }).ok, true);
  assert.equal(escalon.slaStatus(clock, null).ok, true);
  assert.equal(escalon.slaStatus(clock).ok, true);
});

test('the escalation chain at the last supported hour answers and the engine keeps working', () => {
  const engine = escalon.Engine.demo();
  const r = engine.escalationChain({ escalation_id: 'ESC-2025-001' }, '9999-12-30T21:00:00Z');
  assert.equal(r.ok, true, JSON.stringify(r));
  assert.equal(engine.stalledReport({}, '9999-12-30T21:00:00Z').ok, true);
  assert.equal(engine.exportWorkspace().escalations.length, 200);
});

test('update-config refuses a chain repeated a million times, and the engine keeps working', () => {
  const engine = escalon.Engine.demo();
  const notify = engine.exportWorkspace().config.notify;
  const r = engine.updateConfig({ section: 'notify', value: { ...notify, chain: { ...notify.chain, repeat: 1e6 } } }, {}, NOW);
  assert.equal(r.ok, false);
  assert.equal(r.error.code, 'out_of_range');
  assert.equal(r.error.path, 'parameters.value.chain.repeat');
  assert.equal(engine.escalationChain({ escalation_id: 'ESC-2025-001' }, NOW).ok, true);
});

test('should the module ever trap, calls answer engine_failed instead of throwing', () => {
  // A stand-in for a trapped module: the wrapper's own handling is what is tested here.
  let calls = 0;
  const trapped = {
    run() { calls += 1; throw new WebAssembly.RuntimeError('unreachable'); },
    changed() { return true; },
    exportWorkspace() { throw new Error('recursive use of an object detected'); },
  };
  const engine = new escalon.Engine(trapped);
  const first = engine.determineEscalation(ticket(), NOW);
  assert.equal(first.ok, false);
  assert.equal(first.error.code, 'engine_failed');
  assert.match(first.error.message, /new Engine/);
  assert.equal(engine.run({ action: 'stalled-report', now: NOW }).error.code, 'engine_failed');
  assert.equal(calls, 1, 'a failed engine is not called again');
  assert.equal(engine.changed, false);
  assert.throws(() => engine.exportWorkspace(), (e) => e.error.code === 'engine_failed');
});
