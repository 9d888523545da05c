// Bulk triage with detail scores travels packed (bytes, each name once) and is rebuilt in
// JS by `unpack`: whatever the tickets, the answers must be the ones the door gives ticket
// by ticket, so a host cannot tell the transport apart.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { escalon } from './load.mjs';

const NOW = '2025-03-01T10:00:00Z';

const tickets = [
  { issue: { id: 'T-1', severity: 'low', impact: 'single_user' }, customer: { segment: 'smb' } },
  // Text beyond ASCII and beyond the Basic Multilingual Plane: pieces are cut by UTF-16 length.
  { issue: { id: 'T-é-😀-漢', severity: 'critical', impact: 'all_customers', duration_hours: 48 },
    customer: { segment: 'strategic', health_score: 0, contract_value: 2e6 },
    context: { previous_escalations: 6, customer_sentiment: 'angry' } },
  { issue: { id: 'T-"3"\\', severity: 'high', impact: 'multiple_customers', category: 'security' },
    customer: { segment: 'enterprise', health_score: 40 }, context: { previous_escalations: 3 } },
  // Bad tickets: the door's errors, in place.
  { issue: { severity: 'urgent', impact: 'single_user' }, customer: { segment: 'smb' } },
  { issue: { severity: 'high' }, customer: { segment: 'smb' } },
  'not a ticket',
  // A ticket that asks for its own detail gets it.
  { issue: { severity: 'high', impact: 'single_user' }, customer: { segment: 'smb' }, detail: 'triage' },
  { issue: { severity: 'high', impact: 'single_user' }, customer: { segment: 'smb' } },
];

function oneByOne(engine, list) {
  return list.map((p) => engine.determineEscalation(
    p !== null && typeof p === 'object' ? { detail: 'scores', ...p } : p, NOW));
}

for (const [name, make] of [['default', () => escalon.Engine.create()], ['demo', () => escalon.Engine.demo()]]) {
  test(`packed scores answers equal the door's ticket by ticket (${name} workspace)`, () => {
    const engine = make();
    const got = engine.determineEscalations(tickets, { detail: 'scores', now: NOW });
    assert.deepEqual(got, oneByOne(engine, tickets));
    assert.equal(got[1].result.ticket, 'T-é-😀-漢');
    assert.equal(got[2].result.ticket, 'T-"3"\\');
    assert.equal(got[3].ok, false);
    assert.ok(got[6].result.reasons, 'the ticket\'s own detail');
    // The same names on many tickets: each answer still names every factor.
    const many = Array.from({ length: 50 }, (_, k) => tickets[k % 3]);
    assert.deepEqual(engine.determineEscalations(many, { detail: 'scores', now: NOW }), oneByOne(engine, many));
  });
}

test('an empty list and a broken list, packed', () => {
  const engine = escalon.Engine.create();
  assert.deepEqual(engine.determineEscalations([], { detail: 'scores', now: NOW }), []);
  const broken = engine.determineEscalations('[{"issue":{}},', { detail: 'scores', now: NOW });
  assert.equal(broken.ok, false);
  assert.equal(broken.error.code, 'wrong_type');
  // The engine answers afterwards.
  assert.equal(engine.determineEscalations([tickets[0]], { detail: 'scores', now: NOW })[0].ok, true);
});
