// A helpdesk page embedding Escalon. Everything user-facing is set with textContent:
// ticket text is data, never markup.
import { init, Engine } from '../target/embed/pkg/escalon.js';

const $ = (id) => document.getElementById(id);

function row(cells) {
  const tr = document.createElement('tr');
  for (const c of cells) {
    const td = document.createElement('td');
    td.textContent = String(c);
    tr.append(td);
  }
  return tr;
}

await init();
const engine = Engine.demo();
const decision = engine.determineEscalation({
  issue: { id: 'TICKET-12345', severity: 'high', impact: 'multiple_customers', duration_hours: 4, current_tier: 1 },
  customer: { segment: 'enterprise', health_score: 45, contract_value: 500000 },
  context: { previous_escalations: 2, customer_sentiment: 'frustrated' },
});
if (!decision.ok) throw new Error(decision.error.message);
const d = decision.result;
$('tier').textContent = `Tier ${d.tier} · ${d.priority}`;
$('score').textContent = `urgency ${d.urgency_score}/100, respond within ${d.response_target_minutes} min`;
$('reasons').replaceChildren(...d.reasons.filter((r) => r.points !== 0).map((r) => row([r.factor, `+${r.points}`, r.why])));

// The ticket was opened 25 minutes ago; its first-response clock runs on office hours.
const opened = new Date(Date.now() - 25 * 60_000).toISOString();
const clock = {
  start: opened,
  target_minutes: d.response_target_minutes,
  calendar: '24/7',
};
function tick() {
  const r = engine.slaStatus({ clock });
  const li = document.createElement('li');
  li.id = 'clock-first-response';
  if (r.ok) {
    const c = r.result;
    li.textContent = `First response: ${c.state}, ${c.remaining_minutes} min left (due ${c.due_at})`;
    li.className = c.state === 'breached' ? 'breached' : '';
  } else {
    li.textContent = `First response: ${r.error.message}`;
  }
  $('clocks').replaceChildren(li);
}
tick();
setInterval(tick, 1000);

// The demo escalation lives in January 2025: brief it as of then.
const brief = engine.generateHandoff({ escalation_id: 'ESC-2025-001' }, '2025-01-22T10:00:00Z');
$('handoff').textContent = brief.ok
  ? (brief.result.markdown ?? JSON.stringify(brief.result, null, 2))
  : `Handoff brief unavailable: ${brief.error.message}`;
$('status').textContent = `Escalon ${d.tier_name}`;
document.body.dataset.ready = 'true';
