// The generated workspace every metrics figure is measured on: the native divan bench's
// SplitMix64 generator (core/benches/metrics.rs) ported draw for draw, so the Rust bench,
// the WASM harness, the CSV for pandas/DuckDB and the first-render page all see identical
// escalations (ten events each, starting over January-March 2025).

const MASK = (1n << 64n) - 1n;
let state;
/** SplitMix64 modulo n, exactly as the Rust bench draws. */
function next(n) {
  state = (state + 0x9e3779b97f4a7c15n) & MASK;
  let z = state;
  z = ((z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n) & MASK;
  z = ((z ^ (z >> 27n)) * 0x94d049bb133111ebn) & MASK;
  return Number((z ^ (z >> 31n)) % BigInt(n));
}

const CATEGORIES = ['performance', 'outage', 'bug', 'integration', 'authentication', 'data_integrity', 'billing', 'security'];
const SEGMENTS = ['smb', 'mid_market', 'enterprise', 'strategic'];
const SEVERITIES = ['low', 'medium', 'high', 'critical'];
const OWNERS = ['a@x', 'b@x', 'c@x', 'd@x', 'e@x', 'f@x'];
const CAUSES = ['bad_deployment', 'memory_leak', 'expired_certificate', 'webhook_retry_bug', 'customer_data', 'unindexed_query'];
const START = Date.parse('2025-01-01T00:00:00Z');
const MIN = 60_000;

function escalation(n) {
  const id = `ESC-${String(n).padStart(6, '0')}`;
  let t = START + next(90 * 24 * 60) * MIN;
  const events = [];
  const push = (at, kind) => {
    events.push({ id: `${id}-e${String(events.length).padStart(2, '0')}`, at: new Date(at).toISOString(), actor: 'bench', ...kind });
  };
  const step = (lo, hi) => (t += (lo + next(hi - lo)) * MIN);
  const tier = 1 + next(4);
  const segment = SEGMENTS[next(4)];
  const severity = SEVERITIES[next(4)];
  const category = CATEGORIES[next(8)];
  push(t, { kind: 'created', ticket: `T-${n}`, customer: { segment }, tier, severity, category });
  push(step(5, 300), { kind: 'acknowledged' });
  const owner = OWNERS[next(6)];
  push(step(0, 10), { kind: 'owner_assigned', owner });
  push(step(5, 60), { kind: 'status_changed', status: 'in_progress' });
  push(step(5, 30), { kind: 'notification_generated', notification_type: 'handoff', recipients: [] });
  push(step(30, 600), { kind: 'action_taken', action: 'investigated' });
  push(step(30, 900), { kind: 'action_taken', action: 'mitigated' });
  if (next(20) === 0) {
    for (const a of ['escalated internally', 'waiting on vendor', 'patched staging']) {
      push(step(60, 1200), { kind: 'action_taken', action: a });
    }
  } else {
    const resolved = step(60, 3000);
    push(resolved, { kind: 'status_changed', status: 'resolved' });
    push(resolved, { kind: 'note', text: `Root cause: ${CAUSES[next(6)]}` });
    push(step(1440, 4320), { kind: 'status_changed', status: 'closed' });
  }
  return { id, events };
}

/** `n` escalations from the fixed seed, the same on every call. */
export function escalations(n) {
  state = 0x0be4c4n;
  return Array.from({ length: n }, (_, k) => escalation(k));
}

/**
 * One row per escalation, the facts a dataframe needs for the seed's metrics request: start,
 * tier, category, segment, the first acknowledgement and the first resolution (empty while
 * unresolved). Read from the events, not from the generator's variables, as Escalon reads them.
 */
export function csv(list) {
  const rows = ['id,created_at,tier,category,segment,severity,acknowledged_at,resolved_at'];
  for (const { id, events } of list) {
    const created = events[0];
    const ack = events.find((e) => e.kind === 'acknowledged');
    const res = events.find((e) => e.kind === 'status_changed' && (e.status === 'resolved' || e.status === 'closed'));
    rows.push([id, created.at, created.tier, created.category, created.customer.segment, created.severity, ack?.at ?? '', res?.at ?? ''].join(','));
  }
  return rows.join('\n') + '\n';
}
