// The escalon package in Node 20: loads from bytes, answers through the door, survives garbage.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { escalon, pkg } from './load.mjs';

const seedDir = new URL('../fixtures/seed/', import.meta.url);
const seeds = readdirSync(seedDir).filter((f) => f.endsWith('.yaml'));
// A fixed instant inside the demo data's months, so history and clocks are meaningful.
const NOW = '2025-01-22T10:00:00Z';

test('version matches the crate and the package manifest', () => {
  const cargo = readFileSync(new URL('../../Cargo.toml', import.meta.url), 'utf8');
  const crateVersion = cargo.match(/^version = "([^"]+)"/m)[1];
  assert.equal(escalon.version(), crateVersion);
  const manifest = JSON.parse(readFileSync(join(pkg, 'package.json'), 'utf8'));
  assert.equal(manifest.name, 'escalon');
  assert.equal(manifest.version, crateVersion);
});

test('every seed request runs through the package against the demo workspace', () => {
  assert.equal(seeds.length, 5);
  for (const file of seeds) {
    const request = parseYaml(readFileSync(new URL(file, seedDir), 'utf8'));
    const engine = escalon.Engine.demo();
    const response = engine.run({ ...request, now: NOW });
    assert.equal(response.action, request.action, file);
    if (response.ok) {
      assert.equal(typeof response.result, 'object', file);
    } else {
      // Actions whose issue has not landed yet say so plainly; nothing else may fail.
      assert.equal(response.error.code, 'not_implemented', `${file}: ${JSON.stringify(response.error)}`);
    }
  }
});

test('the seed decision lands on tier 3 or 4 with reasons that add up', () => {
  const request = parseYaml(readFileSync(new URL('determine-escalation.yaml', seedDir), 'utf8'));
  const r = escalon.Engine.demo().determineEscalation(request.parameters, NOW);
  assert.equal(r.ok, true);
  assert.ok([3, 4].includes(r.result.tier), `tier ${r.result.tier}`);
  assert.equal(r.result.reasons.reduce((s, x) => s + x.points, 0), r.result.urgency_score);
});

test('bad input from JS comes back as the door error and the engine stays usable', () => {
  const engine = escalon.Engine.demo();
  const circular = {};
  circular.self = circular;
  const garbage = [undefined, null, 42, 'not json', '{"action": 7}', circular, { action: 'determine-escalation', parameters: { issue: 'x' } }, 10n];
  for (const g of garbage) {
    const r = engine.run(g);
    assert.equal(r.ok, false, `input ${String(g)}`);
    assert.equal(typeof r.error.code, 'string');
  }
  const typed = engine.determineEscalation({ issue: { severity: 'apocalyptic', impact: 'single_user' }, customer: { segment: 'smb' } });
  assert.equal(typed.error.path, 'parameters.issue.severity');
  const ok = engine.determineEscalation({ issue: { severity: 'low', impact: 'single_user' }, customer: { segment: 'smb' } });
  assert.equal(ok.ok, true);
});

test('recording changes the workspace and the export carries it', () => {
  const engine = escalon.Engine.create();
  const r = engine.determineEscalation({
    issue: { id: 'T-1', severity: 'high', impact: 'single_customer' },
    customer: { segment: 'enterprise', name: 'Acme' },
    record: true,
  }, NOW);
  assert.equal(r.ok, true, JSON.stringify(r));
  assert.equal(engine.changed, true);
  const ws = engine.exportWorkspace();
  assert.equal(ws.escalations.length, 1);
  assert.equal(ws.escalations[0].id, r.result.escalation_id);
  const again = escalon.Engine.fromWorkspace(ws);
  assert.equal(again.exportWorkspace().escalations.length, 1);
});

test('a workspace from the future is refused with a typed error', () => {
  assert.throws(() => escalon.Engine.fromWorkspace({ schema_version: 999, config: {}, escalations: [] }),
    (e) => e.name === 'EscalonError' && typeof e.error.code === 'string');
});

test('bulk triage answers one decision per ticket, in order', () => {
  const engine = escalon.Engine.create();
  const list = ['low', 'medium', 'high', 'critical'].map((severity) => ({
    issue: { severity, impact: 'multiple_customers' },
    customer: { segment: 'enterprise' },
  }));
  const out = engine.determineEscalations(list);
  assert.equal(out.length, 4);
  const scores = out.map((r) => r.result.urgency_score);
  assert.deepEqual([...scores].sort((a, b) => a - b), scores, 'scores rise with severity');
});

test('bulk triage with detail triage answers the same tiers and reasons, without the briefing', () => {
  const engine = escalon.Engine.create();
  const list = ['low', 'high', 'critical'].map((severity) => ({
    issue: { severity, impact: 'multiple_customers' },
    customer: { segment: 'enterprise', health_score: 40 },
  }));
  const full = engine.determineEscalations(list);
  const lean = engine.determineEscalations(list, { detail: 'triage' });
  lean.forEach((r, k) => {
    assert.equal(r.ok, true, JSON.stringify(r));
    assert.equal(r.result.stakeholders, undefined);
    assert.equal(r.result.recommended_actions, undefined);
    assert.deepEqual(r.result.reasons, full[k].result.reasons);
    assert.equal(r.result.tier, full[k].result.tier);
  });
  assert.ok(JSON.stringify(lean).length < JSON.stringify(full).length * 0.8, 'a triage answer is smaller');
  const bad = engine.determineEscalations(list, { detail: 'brief' });
  assert.equal(bad[0].error.path, 'parameters.detail');
});

test('bulk triage with detail scores: the same tiers and scores, reasons as points that add up', () => {
  const engine = escalon.Engine.create();
  const list = [
    { issue: { severity: 'low', impact: 'single_user' }, customer: { segment: 'smb' } },
    { issue: { id: 'T-2', severity: 'high', impact: 'multiple_customers', category: 'security' },
      customer: { segment: 'enterprise', health_score: 40 }, context: { previous_escalations: 3 } },
    // Every factor at its most serious: the sum passes 100 and the cap shows in the points.
    { issue: { severity: 'critical', impact: 'all_customers', duration_hours: 48, affected_users: 5000 },
      customer: { segment: 'strategic', health_score: 0, contract_value: 2e6 },
      context: { previous_escalations: 6, customer_sentiment: 'angry' } },
  ];
  const full = engine.determineEscalations(list);
  const scores = engine.determineEscalations(list, { detail: 'scores' });
  scores.forEach((r, k) => {
    assert.equal(r.ok, true, JSON.stringify(r));
    const f = full[k].result;
    assert.equal(r.result.tier, f.tier);
    assert.equal(r.result.urgency_score, f.urgency_score);
    assert.equal(r.result.priority, f.priority);
    assert.deepEqual(r.result.matched_rules, f.matched_rules);
    const given = Object.fromEntries(f.reasons.filter((x) => x.points !== 0).map((x) => [x.factor, x.points]));
    assert.deepEqual(r.result.points, given, 'the same points as the worded reasons');
    assert.equal(r.result.reasons, undefined, 'no sentences');
  });
  assert.equal(scores[1].result.ticket, 'T-2');
  assert.ok(scores[1].result.points['rule:repeat_escalations'] > 0);
  assert.ok(scores[2].result.points.cap < 0, JSON.stringify(scores[2].result.points));
  assert.equal(scores[2].result.urgency_score, 100);
});

test('bulk triage takes the list as JSON text too, with the same answers', () => {
  const engine = escalon.Engine.create();
  const list = [
    { issue: { id: 'T-1', severity: 'high', impact: 'multiple_customers' }, customer: { segment: 'enterprise' } },
    { issue: { severity: 'urgent', impact: 'single_user' }, customer: { segment: 'smb' } },
  ];
  for (const detail of ['full', 'scores']) {
    assert.deepEqual(engine.determineEscalations(JSON.stringify(list), { detail }),
      engine.determineEscalations(list, { detail }), detail);
  }
  const notAList = engine.determineEscalations('{"issue": {}}');
  assert.equal(notAList.ok, false);
  assert.equal(notAList.error.code, 'wrong_type');
  assert.equal(engine.determineEscalations(42).ok, false, 'a number is neither');
});

test('every door action has a typed helper that reaches it', () => {
  const engine = escalon.Engine.demo();
  const calls = {
    'determine-escalation': () => engine.determineEscalation({ issue: { severity: 'low', impact: 'single_user' }, customer: { segment: 'smb' } }, NOW),
    'sla-status': () => engine.slaStatus({ escalation_id: 'ESC-2025-001' }, NOW),
    'generate-notification': () => engine.generateNotification({ escalation_id: 'ESC-2025-001', notification_type: 'escalation_alert', record: false }, NOW),
    'generate-handoff': () => engine.generateHandoff({ escalation_id: 'ESC-2025-001' }, NOW),
    'track-progress': () => engine.trackProgress({ escalation_id: 'ESC-2025-001', update: { note: 'checked' } }, NOW),
    'calculate-metrics': () => engine.calculateMetrics({ dimensions: ['escalation_tier'], metrics: ['escalation_count'] }, NOW),
    'recommend-deescalation': () => engine.recommendDeescalation({ escalation_id: 'ESC-2025-001', resolution: { root_cause: 'x' }, record: false }, NOW),
    'stalled-report': () => engine.stalledReport({}, NOW),
    'escalation-chain': () => engine.escalationChain({ escalation_id: 'ESC-2025-001' }, NOW),
    'major-incident': () => engine.majorIncident({ escalation_id: 'ESC-2025-001', operation: 'status' }, NOW),
  };
  for (const [action, call] of Object.entries(calls)) {
    const r = call();
    assert.equal(r.action, action);
    if (action === 'major-incident') {
      // The action itself answers: this escalation was never declared a major incident.
      assert.equal(r.error?.code, 'invalid_transition', JSON.stringify(r));
    } else {
      assert.equal(r.ok, true, `${action}: ${JSON.stringify(r.error)}`);
    }
  }
});
