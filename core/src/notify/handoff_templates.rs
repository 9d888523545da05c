//! The shipped handoff brief templates (parts `handoff_markdown` and `handoff_html`).

pub const MARKDOWN: &str = r#"# Handoff brief: {{ escalation.id }} ({{ escalation.ticket }})

_Prepared {{ now }} for tier {{ kind.handoff_tier }} ({{ kind.handoff_tier_name }})._

## Executive summary

{{ executive_summary }}

## Summary

{{ escalation.summary }}

## Customer context

- Customer: {{ customer.name }} ({{ customer.segment }})
- Health score: {{ customer.health_score }}
- Contract value: {{ customer.contract_value }}

## Troubleshooting steps completed
{% if troubleshooting %}{% for a in troubleshooting %}
- {{ a }}
{%- endfor %}{% else %}
- None recorded
{%- endif %}

## Communication history
{% if communications %}{% for c in communications %}
- {{ c.at }}: {{ c.text }}
{%- endfor %}{% else %}
- None recorded
{%- endif %}

## Technical details

- Severity: {{ escalation.severity }}; impact: {{ escalation.impact }}
- Category: {{ escalation.category }}; product: {{ escalation.product }}
- Tier {{ escalation.tier }} (peak {{ escalation.peak_tier }}), priority {{ escalation.priority }}, urgency score {{ escalation.urgency_score }}
- Status: {{ escalation.status }}; owner: {{ escalation.owner }}; open for {{ escalation.age }}

## Reproduction steps
{% if reproduction_steps %}{% for r in reproduction_steps %}
{{ loop.index }}. {{ r }}
{%- endfor %}{% else %}
- Not recorded yet
{%- endif %}

## Evidence links
{% if evidence %}{% for e in evidence %}
- [{{ e.title }}]({{ e.url }})
{%- endfor %}{% else %}
- None attached
{%- endif %}

## SLA status

{{ sla.line }}
{% for c in sla.clocks %}
- {{ c.line }}
{%- endfor %}

## Recommended next steps
{% for a in recommended %}
- {{ a }}
{%- endfor %}
"#;

pub const HTML: &str = r#"<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>Handoff brief: {{ escalation.id }}</title></head>
<body style="font-family:sans-serif">
<h1>Handoff brief: {{ escalation.id }} ({{ escalation.ticket }})</h1>
<p><em>Prepared {{ now }} for tier {{ kind.handoff_tier }} ({{ kind.handoff_tier_name }}).</em></p>
<h2>Executive summary</h2>
<p>{{ executive_summary }}</p>
<h2>Summary</h2>
<p>{{ escalation.summary }}</p>
<h2>Customer context</h2>
<ul><li>Customer: {{ customer.name }} ({{ customer.segment }})</li><li>Health score: {{ customer.health_score }}</li><li>Contract value: {{ customer.contract_value }}</li></ul>
<h2>Troubleshooting steps completed</h2>
<ul>
{%- if troubleshooting %}{% for a in troubleshooting %}
<li>{{ a }}</li>
{%- endfor %}{% else %}
<li>None recorded</li>
{%- endif %}
</ul>
<h2>Communication history</h2>
<ul>
{%- if communications %}{% for c in communications %}
<li>{{ c.at }}: {{ c.text }}</li>
{%- endfor %}{% else %}
<li>None recorded</li>
{%- endif %}
</ul>
<h2>Technical details</h2>
<ul>
<li>Severity: {{ escalation.severity }}; impact: {{ escalation.impact }}</li>
<li>Category: {{ escalation.category }}; product: {{ escalation.product }}</li>
<li>Tier {{ escalation.tier }} (peak {{ escalation.peak_tier }}), priority {{ escalation.priority }}, urgency score {{ escalation.urgency_score }}</li>
<li>Status: {{ escalation.status }}; owner: {{ escalation.owner }}; open for {{ escalation.age }}</li>
</ul>
<h2>Reproduction steps</h2>
<ol>
{%- if reproduction_steps %}{% for r in reproduction_steps %}
<li>{{ r }}</li>
{%- endfor %}{% else %}
<li>Not recorded yet</li>
{%- endif %}
</ol>
<h2>Evidence links</h2>
<ul>
{%- if evidence %}{% for e in evidence %}
<li><a href="{{ e.url | href }}">{{ e.title }}</a></li>
{%- endfor %}{% else %}
<li>None attached</li>
{%- endif %}
</ul>
<h2>SLA status</h2>
<p>{{ sla.line }}</p>
<ul>
{%- for c in sla.clocks %}
<li>{{ c.line }}</li>
{%- endfor %}
</ul>
<h2>Recommended next steps</h2>
<ul>
{%- for a in recommended %}
<li>{{ a }}</li>
{%- endfor %}
</ul>
</body></html>
"#;
