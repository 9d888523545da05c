// Types of the Escalon ES module. Hand-written; tests/embed/types.test.mjs checks every
// interface marked `@checked` against what the engine really returns.

// `globalThis.` because this module declares its own `Request` and `Response` types.
export type InitInput = string | URL | globalThis.Request | globalThis.Response | BufferSource | WebAssembly.Module;

/** Loads the engine; call and await once before anything else. */
export function init(wasm?: InitInput): Promise<void>;
export function version(): string;

export type Severity = 'low' | 'medium' | 'high' | 'critical';
export type Impact = 'single_user' | 'single_customer' | 'multiple_customers' | 'all_customers';
export type Segment = 'smb' | 'mid_market' | 'enterprise' | 'strategic';
export type Sentiment = 'positive' | 'neutral' | 'concerned' | 'frustrated' | 'angry';

export type ErrorCode =
  | 'invalid_json' | 'unknown_action' | 'missing_field' | 'unknown_field' | 'wrong_type'
  | 'out_of_range' | 'unknown_escalation' | 'invalid_transition' | 'not_implemented'
  | 'invalid_rule' | 'invalid_workspace' | 'unsupported_schema_version' | 'invalid_template'
  /** The module trapped on an internal error: make a new Engine from the last saved workspace. */
  | 'engine_failed' | (string & {});

/** @checked */
export interface ErrorObject {
  code: ErrorCode;
  message: string;
  /** Dotted path of the field at fault, e.g. `parameters.customer.health_score`. */
  path: string;
}

export type Response<T> =
  | { ok: true; action: string; result: T }
  | { ok: false; action?: string; error: ErrorObject };

export interface Request {
  action: string;
  parameters?: Record<string, unknown>;
  /** RFC 3339; defaults to the host's clock. */
  now?: string;
  actor?: string;
  skill?: string;
}

export interface DetermineEscalationParams {
  issue: {
    id?: string;
    severity: Severity;
    impact: Impact;
    duration_hours?: number;
    current_tier?: 1 | 2 | 3 | 4;
    category?: string;
    product?: string;
    affected_users?: number;
    summary?: string;
    description?: string;
  };
  customer: { segment: Segment; health_score?: number; contract_value?: number; id?: string; name?: string };
  context?: { previous_escalations?: number; customer_sentiment?: Sentiment };
  /** `'triage'` answers without stakeholders, recommended actions and history; `'scores'`
   * answers a {@link Scores} (no sentences at all), the fastest for bulk triage. */
  detail?: Detail;
  /** Save the decision as a new escalation in the engine's workspace. */
  record?: boolean;
}

export type Detail = 'full' | 'triage' | 'scores';

/* The answer to `detail: 'scores'`: the tier and what its score is made of. `points` holds
 * the factors and rules that gave points (and `cap` when the sum passed 100), keyed by
 * factor (`severity`, `rule:<id>`, ...); they add up to `urgency_score`. */
/** @checked */
export interface Scores {
  ticket: string | null;
  tier: 1 | 2 | 3 | 4;
  priority: 'P1' | 'P2' | 'P3' | 'P4' | 'P5';
  urgency_score: number;
  points: Record<string, number>;
  matched_rules: string[];
  /** The SLA clock that raised the tier (`sla:first_response`, ...), when one did. */
  sla_raise?: string;
  /** Present when `record: true`. */
  escalation_id?: string;
  recorded?: string;
}

/** @checked */
export interface Reason {
  factor: string;
  value: unknown;
  /** The reasons' points add up to the urgency score. */
  points: number;
  why: string;
}

/** @checked */
export interface Decision {
  ticket: string | null;
  tier: 1 | 2 | 3 | 4;
  tier_name: string;
  urgency_score: number;
  priority: 'P1' | 'P2' | 'P3' | 'P4' | 'P5';
  response_target_minutes: number;
  /** Absent with `detail: 'triage'`, as are `recommended_actions` and `history`. */
  stakeholders?: { role: string; people: { name: string; email: string }[] }[];
  reasons: Reason[];
  tier_reasons: string[];
  matched_rules: string[];
  recommended_actions?: { kind: 'step' | 'runbook'; text: string; url?: string; source: string }[];
  history?: { customer: string | null; window_days: number; escalations: string[] };
  /** Present when `record: true`. */
  escalation_id?: string;
  recorded?: string;
}

/** @checked */
export interface ClockStatus {
  due_at: string | null;
  elapsed_minutes: number;
  remaining_minutes: number;
  state: 'running' | 'paused' | 'warning' | 'breached' | 'met';
  breached_at: string | null;
  next_check_at: string | null;
}

export interface Calendar {
  timezone: string;
  hours: Partial<Record<'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun', [string, string][]>>;
  holidays?: string[];
}

export interface InlineClock {
  start: string;
  target_minutes: number;
  calendar?: Calendar | '24/7';
  pauses?: { from: string; to?: string }[];
  warn_at?: number[];
  stopped_at?: string;
}

type Result = Record<string, unknown>;

/** One field of the workspace config and its new JSON, e.g. `{section: 'calendars', value: {...}}`. */
export interface ConfigSectionUpdate {
  section: string;
  value: unknown;
}

export type ClockKind = 'first_response' | 'next_update' | 'resolution';

/** @checked */
export interface ConfigUpdateResult {
  /** False for a dry run: nothing was saved. */
  applied: boolean;
  /** Unarchived escalations whose tier or any SLA clock state differs under the new config at `now`. */
  changes: {
    escalation_id: string;
    tier_before: number;
    tier_after: number;
    sla_before: Partial<Record<ClockKind, ClockStatus['state']>>;
    sla_after: Partial<Record<ClockKind, ClockStatus['state']>>;
  }[];
  changed_count: number;
}

export class EscalonError extends Error {
  error: ErrorObject;
}

export class Engine {
  /** An engine on the default configuration with no escalations. */
  static create(): Engine;
  /** An engine on a workspace document; throws EscalonError when it cannot be opened. */
  static fromWorkspace(workspace: object | string): Engine;
  /** The demo workspace the web app opens on. */
  static demo(): Engine;
  /** The one door. Never throws: bad input comes back as `{ok: false, error}`. */
  run(request: Request | string): Response<Result>;
  /** Whether the last call changed the workspace. */
  readonly changed: boolean;
  exportWorkspace(): Record<string, unknown>;
  /** Bulk triage in one call. `now` (RFC 3339) is the instant every ticket is decided at,
   * checked like a request's `now` (default: the host's clock). `detail` applies to every ticket that does not set its own;
   * `'triage'` answers are about a third of the size and faster to get; `'scores'` answers
   * (a {@link Scores} each) are the fastest, with reasons as points instead of sentences.
   * For bulk triage under Node, `init()` the package's `escalon_embed_speed_bg.wasm`.
   * `list` may be the array as JSON text (a queue's or an HTTP body's), which skips
   * stringifying it; text that is not a JSON array answers one error object. A ticket's own
   * `detail` wins over `options.detail`, so answers are typed `Scores` only when no ticket
   * asks for another. */
  determineEscalations(list: (DetermineEscalationParams & { detail?: 'scores' })[], options: { detail: 'scores'; now?: string }): Response<Scores>[];
  determineEscalations(list: DetermineEscalationParams[] | string, options?: { detail?: Detail; now?: string }): Response<Decision | Scores>[];
  determineEscalation(parameters: DetermineEscalationParams & { detail: 'scores' }, now?: string): Response<Scores>;
  determineEscalation(parameters: DetermineEscalationParams, now?: string): Response<Decision>;
  slaStatus(parameters: { clock: InlineClock } | { escalation_id: string }, now?: string): Response<ClockStatus | Result>;
  generateNotification(parameters: Record<string, unknown>, now?: string): Response<Result>;
  generateHandoff(parameters: Record<string, unknown>, now?: string): Response<Result>;
  trackProgress(parameters: Record<string, unknown>, now?: string): Response<Result>;
  calculateMetrics(parameters: Record<string, unknown>, now?: string): Response<Result>;
  recommendDeescalation(parameters: Record<string, unknown>, now?: string): Response<Result>;
  stalledReport(parameters?: { tier?: number; owner?: string; remind?: boolean }, now?: string): Response<Result>;
  escalationChain(parameters: { escalation_id: string; record?: boolean }, now?: string): Response<Result>;
  majorIncident(parameters: { escalation_id: string; operation: 'declare' | 'set_bridge' | 'join' | 'leave' | 'post_update' | 'stand_down' | 'status' | 'remind'; reason?: string; participant?: string; url?: string; text?: string; summary?: string; resolved?: boolean }, now?: string): Response<Result>;
  /** Replaces the whole config or one section after validating it; `dryRun` only previews. */
  updateConfig(update: Record<string, unknown> | ConfigSectionUpdate, options?: { dryRun?: boolean }, now?: string): Response<ConfigUpdateResult>;
}

/** A request against a fresh default workspace. */
export function run(request: Request | string): Response<Result>;
/** Decides on the default rules, with no workspace history. */
export function determineEscalation(parameters: DetermineEscalationParams & { detail: 'scores' }): Response<Scores>;
export function determineEscalation(parameters: DetermineEscalationParams): Response<Decision>;
/** An inline SLA clock at `now` (defaults to the host's clock). */
export function slaStatus(clock: InlineClock, now?: string): Response<ClockStatus>;
