//! The shipped templates, one per part; a config entry in `templates` replaces any of them
//! for one type or for all (`*`). Types share a layout and differ by data (`kind.*`,
//! `sections.*`, `deescalation.*`, `aging.*`), so a new type needs no new template.
//! (upon has no `for … else`: empty lists are tested with `if`, empty being false.)

/// Every part a template can be given for.
pub const PARTS: &[&str] = &[
    "subject",
    "text",
    "html",
    "markdown",
    "slack",
    "pagerduty_summary",
    "handoff_markdown",
    "handoff_html",
];

pub fn default_for(part: &str) -> &'static str {
    match part {
        "subject" => SUBJECT,
        "text" => TEXT,
        "html" => HTML,
        "markdown" => MARKDOWN,
        "slack" => SLACK,
        "pagerduty_summary" => PAGERDUTY_SUMMARY,
        "handoff_markdown" => super::handoff_templates::MARKDOWN,
        "handoff_html" => super::handoff_templates::HTML,
        _ => "",
    }
}

const SUBJECT: &str = "{% if kind.internal %}[{{ escalation.id }}] {{ kind.title }}: \
{{ customer.name }}, tier {{ escalation.tier }}, {{ urgency }} urgency\
{% else %}{{ kind.title }} (ref. {{ escalation.ticket }}){% endif %}";

const PAGERDUTY_SUMMARY: &str = "[{{ escalation.id }}] {{ kind.title }}: \
{{ customer.name }}, tier {{ escalation.tier }}: {{ escalation.summary }}";

const TEXT: &str = r#"{{ kind.headline }}
{%- if message %}

{{ message }}
{%- endif %}
{%- if kind.internal %}

Escalation {{ escalation.id }}, ticket {{ escalation.ticket }}
Tier {{ escalation.tier }} ({{ escalation.tier_name }}), priority {{ escalation.priority }}, urgency {{ urgency }}, status {{ escalation.status }}
Owner: {% if escalation.owner %}{{ escalation.owner }}{% else %}unassigned{% endif %}
{%- if kind.handoff_tier %}
Handed to: tier {{ kind.handoff_tier }} ({{ kind.handoff_tier_name }})
{%- endif %}
{%- else %}

Reference: {{ escalation.ticket }}
{%- endif %}
{%- if deescalation.decision %}

DECISION: {{ deescalation.decision }}
{{ deescalation.rationale }}
{%- for c in deescalation.unmet %}
- Not yet met: {{ c }}
{%- endfor %}
{%- endif %}
{%- if aging.target %}

No update for {{ escalation.idle }} (target: {{ aging.target }}).
{%- endif %}
{%- if major_incident %}

MAJOR INCIDENT (declared {{ major_incident.declared_at }}{% if major_incident.reason %}: {{ major_incident.reason }}{% endif %})
Bridge: {% if major_incident.bridge_url %}{{ major_incident.bridge_url }}{% else %}no link yet{% endif %}
On the bridge: {% if major_incident.participants %}{% for p in major_incident.participants %}{{ p }}{% if not loop.last %}, {% endif %}{% endfor %}{% else %}nobody{% endif %}{% if major_incident.next_update_due %}
Next status update due: {{ major_incident.next_update_due }}{% if major_incident.update_overdue_by %} (overdue by {{ major_incident.update_overdue_by }}){% endif %}{% endif %}
{%- for e in major_incident.timeline %}
- {{ e.at }}  {{ e.text }} ({{ e.actor }})
{%- endfor %}
{%- endif %}
{%- if sections.issue_summary %}

ISSUE SUMMARY
{{ escalation.summary }}
{%- if kind.internal %}
Severity {{ escalation.severity }}, impact {{ escalation.impact }}, category {{ escalation.category }}, product {{ escalation.product }}; open for {{ escalation.age }}.
{%- endif %}
{%- endif %}
{%- if sections.customer_context %}{% if kind.internal %}

CUSTOMER
{{ customer.name }} ({{ customer.segment }}), health score {{ customer.health_score }}, contract value {{ customer.contract_value }}
{%- endif %}{% endif %}
{%- if sections.troubleshooting_history %}

{% if kind.internal %}TROUBLESHOOTING SO FAR{% else %}WHAT WE HAVE DONE SO FAR{% endif %}
{%- if troubleshooting %}{% for a in troubleshooting %}
- {{ a }}
{%- endfor %}{% else %}
- Nothing recorded yet
{%- endif %}
{%- endif %}
{%- if sections.recommended_actions %}{% if kind.internal %}

RECOMMENDED ACTIONS
{%- for a in recommended %}
- {{ a }}
{%- endfor %}
{%- for r in runbooks %}
- Runbook: {{ r.title }} <{{ r.url }}>
{%- endfor %}
{%- endif %}{% endif %}
{%- if sections.timeline %}{% if kind.internal %}

TIMELINE
{%- for e in timeline %}
{{ e.at }}  {{ e.text }} ({{ e.actor }})
{%- endfor %}
{%- endif %}{% endif %}
{%- if sections.sla_status %}{% if kind.internal %}

SLA STATUS: {{ sla.line }}
{%- for c in sla.clocks %}
- {{ c.line }}
{%- endfor %}
{%- endif %}{% endif %}
{%- if kind.internal %}{% else %}

{% if escalation.estimated_resolution %}We expect to have this resolved by {{ escalation.estimated_resolution }}. {% endif %}Reply to this message if anything changes on your side.
{%- endif %}

-- 
Escalon, {{ now }}
"#;

const MARKDOWN: &str = r#"## {{ kind.title }}: {{ escalation.id }}

{{ kind.headline }}
{%- if message %}

> {{ message }}
{%- endif %}
{%- if kind.internal %}

| | |
|---|---|
| Ticket | {{ escalation.ticket }} |
| Customer | {{ customer.name }} |
| Tier | {{ escalation.tier }} ({{ escalation.tier_name }}) |
| Priority / urgency | {{ escalation.priority }} / {{ urgency }} |
| Status | {{ escalation.status }} |
| Owner | {% if escalation.owner %}{{ escalation.owner }}{% else %}unassigned{% endif %} |
{%- if kind.handoff_tier %}
| Handed to | tier {{ kind.handoff_tier }} ({{ kind.handoff_tier_name }}) |
{%- endif %}
{%- else %}

Reference: **{{ escalation.ticket }}**
{%- endif %}
{%- if deescalation.decision %}

### Decision: {{ deescalation.decision }}

{{ deescalation.rationale }}
{% for c in deescalation.unmet %}
- Not yet met: {{ c }}
{%- endfor %}
{%- endif %}
{%- if aging.target %}

**No update for {{ escalation.idle }}** (target: {{ aging.target }}).
{%- endif %}
{%- if major_incident %}

### Major incident

Declared {{ major_incident.declared_at }}{% if major_incident.reason %}: {{ major_incident.reason }}{% endif %}

- Bridge: {% if major_incident.bridge_url %}{{ major_incident.bridge_url }}{% else %}no link yet{% endif %}
- On the bridge: {% if major_incident.participants %}{% for p in major_incident.participants %}{{ p }}{% if not loop.last %}, {% endif %}{% endfor %}{% else %}nobody{% endif %}{% if major_incident.next_update_due %}
- Next status update due: {{ major_incident.next_update_due }}{% if major_incident.update_overdue_by %} (overdue by {{ major_incident.update_overdue_by }}){% endif %}{% endif %}

#### Bridge timeline
{% for e in major_incident.timeline %}
- {{ e.at }}: {{ e.text }} ({{ e.actor }})
{%- endfor %}
{%- endif %}
{%- if sections.issue_summary %}

### Issue summary

{{ escalation.summary }}
{%- if kind.internal %}

Severity **{{ escalation.severity }}**, impact **{{ escalation.impact }}**, category {{ escalation.category }}, product {{ escalation.product }}; open for {{ escalation.age }}.
{%- endif %}
{%- endif %}
{%- if sections.customer_context %}{% if kind.internal %}

### Customer context

- Segment: {{ customer.segment }}
- Health score: {{ customer.health_score }}
- Contract value: {{ customer.contract_value }}
{%- endif %}{% endif %}
{%- if sections.troubleshooting_history %}

### {% if kind.internal %}Troubleshooting so far{% else %}What we have done so far{% endif %}
{% if troubleshooting %}{% for a in troubleshooting %}
- {{ a }}
{%- endfor %}{% else %}
- Nothing recorded yet
{%- endif %}
{%- endif %}
{%- if sections.recommended_actions %}{% if kind.internal %}

### Recommended actions
{% for a in recommended %}
- {{ a }}
{%- endfor %}
{%- endif %}{% endif %}
{%- if sections.timeline %}{% if kind.internal %}

### Timeline
{% for e in timeline %}
- {{ e.at }}: {{ e.text }} ({{ e.actor }})
{%- endfor %}
{%- endif %}{% endif %}
{%- if sections.sla_status %}{% if kind.internal %}

### SLA status

{{ sla.line }}
{% for c in sla.clocks %}
- {{ c.line }}
{%- endfor %}
{%- endif %}{% endif %}
"#;

const HTML: &str = r#"<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>{{ kind.title }}: {{ escalation.id }}</title></head>
<body style="font-family:sans-serif">
<h2>{{ kind.title }}: {{ escalation.id }}</h2>
<p>{{ kind.headline }}</p>
{%- if message %}
<blockquote>{{ message }}</blockquote>
{%- endif %}
{%- if kind.internal %}
<table>
<tr><th align="left">Ticket</th><td>{{ escalation.ticket }}</td></tr>
<tr><th align="left">Customer</th><td>{{ customer.name }}</td></tr>
<tr><th align="left">Tier</th><td>{{ escalation.tier }} ({{ escalation.tier_name }})</td></tr>
<tr><th align="left">Priority / urgency</th><td>{{ escalation.priority }} / {{ urgency }}</td></tr>
<tr><th align="left">Status</th><td>{{ escalation.status }}</td></tr>
<tr><th align="left">Owner</th><td>{% if escalation.owner %}{{ escalation.owner }}{% else %}unassigned{% endif %}</td></tr>
{%- if kind.handoff_tier %}
<tr><th align="left">Handed to</th><td>tier {{ kind.handoff_tier }} ({{ kind.handoff_tier_name }})</td></tr>
{%- endif %}
</table>
{%- else %}
<p>Reference: <strong>{{ escalation.ticket }}</strong></p>
{%- endif %}
{%- if deescalation.decision %}
<h3>Decision: {{ deescalation.decision }}</h3>
<p>{{ deescalation.rationale }}</p>
{%- if deescalation.unmet %}
<ul>
{%- for c in deescalation.unmet %}
<li>Not yet met: {{ c }}</li>
{%- endfor %}
</ul>
{%- endif %}
{%- endif %}
{%- if aging.target %}
<p><strong>No update for {{ escalation.idle }}</strong> (target: {{ aging.target }}).</p>
{%- endif %}
{%- if major_incident %}
<h3>Major incident</h3>
<p>Declared {{ major_incident.declared_at }}{% if major_incident.reason %}: {{ major_incident.reason }}{% endif %}</p>
<ul><li>Bridge: {% if major_incident.bridge_url %}<a href="{{ major_incident.bridge_url | href }}">{{ major_incident.bridge_url }}</a>{% else %}no link yet{% endif %}</li>
<li>On the bridge: {% if major_incident.participants %}{% for p in major_incident.participants %}{{ p }}{% if not loop.last %}, {% endif %}{% endfor %}{% else %}nobody{% endif %}</li>{% if major_incident.next_update_due %}
<li>Next status update due: {{ major_incident.next_update_due }}{% if major_incident.update_overdue_by %} (overdue by {{ major_incident.update_overdue_by }}){% endif %}</li>{% endif %}</ul>
<h4>Bridge timeline</h4>
<ul>{% for e in major_incident.timeline %}<li>{{ e.at }}: {{ e.text }} ({{ e.actor }})</li>{% endfor %}</ul>
{%- endif %}
{%- if sections.issue_summary %}
<h3>Issue summary</h3>
<p>{{ escalation.summary }}</p>
{%- if kind.internal %}
<p>Severity <strong>{{ escalation.severity }}</strong>, impact <strong>{{ escalation.impact }}</strong>, category {{ escalation.category }}, product {{ escalation.product }}; open for {{ escalation.age }}.</p>
{%- endif %}
{%- endif %}
{%- if sections.customer_context %}{% if kind.internal %}
<h3>Customer context</h3>
<ul><li>Segment: {{ customer.segment }}</li><li>Health score: {{ customer.health_score }}</li><li>Contract value: {{ customer.contract_value }}</li></ul>
{%- endif %}{% endif %}
{%- if sections.troubleshooting_history %}
<h3>{% if kind.internal %}Troubleshooting so far{% else %}What we have done so far{% endif %}</h3>
<ul>
{%- if troubleshooting %}{% for a in troubleshooting %}
<li>{{ a }}</li>
{%- endfor %}{% else %}
<li>Nothing recorded yet</li>
{%- endif %}
</ul>
{%- endif %}
{%- if sections.recommended_actions %}{% if kind.internal %}
<h3>Recommended actions</h3>
<ul>
{%- for a in recommended %}
<li>{{ a }}</li>
{%- endfor %}
{%- for r in runbooks %}
<li>Runbook: <a href="{{ r.url | href }}">{{ r.title }}</a></li>
{%- endfor %}
</ul>
{%- endif %}{% endif %}
{%- if sections.timeline %}{% if kind.internal %}
<h3>Timeline</h3>
<ul>
{%- for e in timeline %}
<li>{{ e.at }}: {{ e.text }} ({{ e.actor }})</li>
{%- endfor %}
</ul>
{%- endif %}{% endif %}
{%- if sections.sla_status %}{% if kind.internal %}
<h3>SLA status</h3>
<p>{{ sla.line }}</p>
<ul>
{%- for c in sla.clocks %}
<li>{{ c.line }}</li>
{%- endfor %}
</ul>
{%- endif %}{% endif %}
{%- if kind.internal %}{% else %}
<p>{% if escalation.estimated_resolution %}We expect to have this resolved by {{ escalation.estimated_resolution }}. {% endif %}Reply to this message if anything changes on your side.</p>
{%- endif %}
<p style="color:#666">Escalon, {{ now }}</p>
</body></html>
"#;

/// Slack mrkdwn; blank lines separate the section blocks the Slack channel builds.
const SLACK: &str = r#"*{{ kind.headline }}*{% if message %}
>{{ message }}{% endif %}
{%- if deescalation.decision %}

*Decision: {{ deescalation.decision }}*: {{ deescalation.rationale }}
{%- for c in deescalation.unmet %}
• Not yet met: {{ c }}
{%- endfor %}
{%- endif %}
{%- if aging.target %}

*No update for {{ escalation.idle }}* (target: {{ aging.target }})
{%- endif %}
{%- if major_incident %}

*Major incident* (declared {{ major_incident.declared_at }}): bridge {% if major_incident.bridge_url %}{{ major_incident.bridge_url }}{% else %}without a link yet{% endif %}, on it {% if major_incident.participants %}{% for p in major_incident.participants %}{{ p }}{% if not loop.last %}, {% endif %}{% endfor %}{% else %}nobody{% endif %}{% if major_incident.next_update_due %}; next status update due {{ major_incident.next_update_due }}{% endif %}
{%- for e in major_incident.timeline %}
• {{ e.at }}: {{ e.text }}
{%- endfor %}
{%- endif %}
{%- if sections.issue_summary %}

*Issue summary*
{{ escalation.summary }}
{%- endif %}
{%- if sections.customer_context %}{% if kind.internal %}

*Customer*
{{ customer.name }} ({{ customer.segment }}), health {{ customer.health_score }}, contract {{ customer.contract_value }}
{%- endif %}{% endif %}
{%- if sections.troubleshooting_history %}

*Troubleshooting so far*
{%- if troubleshooting %}{% for a in troubleshooting %}
• {{ a }}
{%- endfor %}{% else %}
• Nothing recorded yet
{%- endif %}
{%- endif %}
{%- if sections.recommended_actions %}{% if kind.internal %}

*Recommended actions*
{%- for a in recommended %}
• {{ a }}
{%- endfor %}
{%- endif %}{% endif %}
{%- if sections.timeline %}{% if kind.internal %}

*Timeline*
{%- for e in timeline %}
• {{ e.at }}: {{ e.text }}
{%- endfor %}
{%- endif %}{% endif %}
{%- if sections.sla_status %}{% if kind.internal %}

*SLA status*: {{ sla.line }}
{%- for c in sla.clocks %}
• {{ c.line }}
{%- endfor %}
{%- endif %}{% endif %}"#;
