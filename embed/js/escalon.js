// Escalon as an ES module: a thin, typed face over the wasm-bindgen output.
// The shell's duties live here: the current time and fresh ids come from the host, never core.
import initWasm, { initSync, Engine as RawEngine, run as rawRun, version as rawVersion } from './escalon_embed.js';

let ready = false;
/** The module's memory, where a batch's list is written for the engine to read. */
let memory;
const utf8 = new TextEncoder();

/**
 * Loads the engine. Give nothing (fetches escalon_embed_bg.wasm next to this file), a URL,
 * a Response, or the bytes / a compiled WebAssembly.Module (Node: `await init(readFileSync(...))`).
 */
export async function init(wasm) {
  if (ready) return;
  if (wasm instanceof WebAssembly.Module || ArrayBuffer.isView(wasm) || wasm instanceof ArrayBuffer) {
    memory = initSync({ module: wasm }).memory;
  } else {
    memory = (await initWasm(wasm === undefined ? undefined : { module_or_path: wasm })).memory;
  }
  ready = true;
}

function need() {
  if (!ready) throw new Error('escalon: call and await init() before using the engine');
}

function nowIso() {
  return new Date().toISOString();
}

/** 64 random bits in hex: event ids from two tabs or devices never collide. */
function idSeed() {
  const b = new Uint32Array(2);
  globalThis.crypto.getRandomValues(b);
  return Date.now().toString(16) + '-' + b[0].toString(16).padStart(8, '0') + b[1].toString(16).padStart(8, '0');
}

function hostError(message, code = 'wrong_type') {
  return { ok: false, error: { code, message, path: '' } };
}

/**
 * The first number in `value` that JSON cannot carry (NaN, Infinity), as {path, value}, or
 * null. JSON.stringify writes such a number as null, which the engine would read as "not
 * given": a health score that failed Number() would quietly lower the urgency.
 */
function nonFinite(value, root) {
  let found = null;
  const paths = new WeakMap();
  JSON.stringify(value, function (key, v) {
    if (found !== null) return undefined;
    const base = paths.get(this);
    const path = base === undefined ? root
      : Array.isArray(this) ? `${base}[${key}]` : base === '' ? key : `${base}.${key}`;
    if (typeof v === 'number' && !Number.isFinite(v)) {
      found = { path, value: String(v) };
      return undefined;
    }
    if (v !== null && typeof v === 'object') paths.set(v, path);
    return v;
  });
  return found;
}

function nonFiniteError(found) {
  return { ok: false, error: { code: 'wrong_type', path: found.path,
    message: `expected a number JSON can carry, got ${found.value}` } };
}

const fromUtf8 = new TextDecoder();
const PRIORITIES = ['P1', 'P2', 'P3', 'P4', 'P5'];

/**
 * A batch's packed answers (layout: core/src/batch/packed.rs) as the very objects JSON.parse
 * of the same answers as text gives, keys in the same order. The strings are decoded in one
 * go and sliced; each factor name and rule id arrives once and is reused.
 */
function unpack(bytes) {
  if (bytes[0] === 1) return JSON.parse(fromUtf8.decode(bytes.subarray(1)));
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = 5 + view.getUint32(1, true);
  const text = fromUtf8.decode(bytes.subarray(end));
  let at = 5;
  let cut = 0;
  const piece = () => {
    const len = view.getUint32(at, true);
    at += 4;
    cut += len;
    return text.substring(cut - len, cut);
  };
  const names = [];
  const name = () => {
    const k = view.getUint16(at, true);
    at += 2;
    if (k !== 0xffff) return names[k];
    const s = piece();
    names.push(s);
    return s;
  };
  const answers = [];
  while (at < end) {
    if (bytes[at++] === 1) {
      answers.push(JSON.parse(piece()));
      continue;
    }
    const tier = bytes[at];
    const score = bytes[at + 1];
    const priority = PRIORITIES[bytes[at + 2]];
    const flags = bytes[at + 3];
    at += 4;
    const ticket = flags & 1 ? piece() : null;
    // Keys are factor names, `cap` and `rule:<id>`: never `__proto__`, which an assignment
    // would not make an own key of.
    const points = {};
    for (let n = view.getUint16((at += 2) - 2, true); n > 0; n--) {
      const k = name();
      points[k] = view.getInt32(at, true);
      at += 4;
    }
    const matched = [];
    for (let n = view.getUint16((at += 2) - 2, true); n > 0; n--) matched.push(name());
    const result = { matched_rules: matched, points, priority };
    if (flags & 2) result.sla_raise = piece();
    result.ticket = ticket;
    result.tier = tier;
    result.urgency_score = score;
    answers.push({ action: 'determine-escalation', ok: true, result });
  }
  return answers;
}

/** Turns what a host passed into JSON text, or an error object when it cannot be. */
function encode(value) {
  if (typeof value === 'string') return { text: value };
  try {
    const text = JSON.stringify(value);
    if (text === undefined) return { error: hostError('request must be a JSON object') };
    // Only a text with a null can hide a NaN or an Infinity; the others skip the walk.
    const found = text.includes('null') ? nonFinite(value, '') : null;
    if (found) return { error: nonFiniteError(found) };
    return { text };
  } catch (e) {
    return { error: hostError(`request cannot be turned into JSON: ${e.message}`) };
  }
}

/** Thrown only by Engine.fromWorkspace for a document that cannot be opened. */
export class EscalonError extends Error {
  constructor(error) {
    super(`${error.path ? error.path + ': ' : ''}${error.message}`);
    this.name = 'EscalonError';
    this.error = error;
  }
}

/**
 * What every call answers once the module has trapped. The engine is built never to panic
 * (bad input is an error object), but should a bug still trap it, wasm-bindgen leaves the
 * Engine locked ("recursive use of an object") and every later call would throw. Answering
 * this instead keeps `run` from throwing and tells the host what to do.
 */
const FAILED = {
  ok: false,
  error: {
    code: 'engine_failed',
    path: '',
    message: 'the engine stopped on an internal error and cannot continue: create a new Engine '
      + 'from the last workspace you saved (exportWorkspace after each change that reports changed)',
  },
};

export class Engine {
  #raw;
  #failed = false;

  /** Calls into wasm; a trap marks this Engine failed and answers FAILED from then on. */
  #call(f) {
    if (this.#failed) return FAILED;
    try {
      return f();
    } catch (e) {
      this.#failed = true;
      return { ...FAILED, error: { ...FAILED.error, message: `${FAILED.error.message} (${e?.message ?? e})` } };
    }
  }

  constructor(raw) {
    need();
    this.#raw = raw ?? new RawEngine();
  }

  /** An engine on the default configuration with no escalations. */
  static create() {
    return new Engine();
  }

  /** An engine on a workspace document (object or JSON text). Throws EscalonError if invalid. */
  static fromWorkspace(workspace) {
    need();
    const enc = encode(workspace);
    if (enc.error) throw new EscalonError(enc.error.error);
    try {
      return new Engine(RawEngine.fromWorkspace(enc.text));
    } catch (e) {
      const parsed = typeof e === 'string' ? JSON.parse(e) : hostError(String(e));
      throw new EscalonError(parsed.error);
    }
  }

  /** The demo workspace the web app opens on. */
  static demo() {
    need();
    return new Engine(RawEngine.demo());
  }

  /** The one door: `{action, parameters, now?}` in, `{ok, action, result | error}` out. */
  run(request) {
    const enc = encode(request);
    if (enc.error) return enc.error;
    return this.#call(() => JSON.parse(this.#raw.run(enc.text, nowIso(), idSeed())));
  }

  /** Whether the last call changed the workspace: save `exportWorkspace()` when it did. */
  get changed() {
    return this.#failed ? false : this.#raw.changed();
  }

  exportWorkspace() {
    if (this.#failed) throw new EscalonError(FAILED.error);
    return JSON.parse(this.#raw.exportWorkspace());
  }

  /**
   * Bulk triage: one decision per parameter object, in order. `options.now` (RFC 3339) is
   * the instant every ticket is decided at, checked like any request's `now`; without it,
   * the host's clock. A ticket carrying a number JSON cannot (NaN, Infinity) gets its own
   * error answer; the others are decided. `list` may also be the array as JSON text, as a
   * queue or an HTTP body delivers it: it is then not stringified again.
   */
  determineEscalations(list, options = {}) {
    if (!Array.isArray(list) && typeof list !== 'string') {
      return hostError('determineEscalations takes an array, or an array as JSON text');
    }
    let detail, now;
    try {
      detail = options?.detail == null ? undefined : String(options.detail);
      now = options?.now == null ? undefined : String(options.now);
    } catch (e) {
      return hostError(`options cannot be read: ${e.message}`);
    }
    const enc = encode(list);
    if (!enc.error) return this.#decideAll(enc.text, now, detail);
    // Only an array can get here: encode never refuses text.
    if (enc.error.error.code !== 'wrong_type' || !enc.error.error.path.startsWith('[')) return enc.error;
    const bad = list.map((item) => nonFinite(item, 'parameters'));
    const good = list.filter((_, k) => bad[k] === null);
    const decided = good.length ? this.#decideAll(JSON.stringify(good), now, detail) : [];
    if (!Array.isArray(decided)) return decided;
    let next = 0;
    return bad.map((found) => (found
      ? { action: 'determine-escalation', ...nonFiniteError(found) }
      : decided[next++]));
  }

  #decideAll(text, now, detail) {
    const written = this.#writeList(text);
    if (typeof written !== 'number') return written;
    // Scores-only answers come packed: parsing their JSON text cost more than deciding.
    if (detail === 'scores') {
      return this.#call(() => unpack(this.#raw.determineEscalationsPacked(written, nowIso(), idSeed(), detail, now)));
    }
    return this.#call(() => JSON.parse(this.#raw.determineEscalations(written, nowIso(), idSeed(), detail, now)));
  }

  /**
   * Writes `text` as UTF-8 into the engine's input buffer, straight into wasm memory: the
   * bytes written, or the error object when the engine has no memory for them. Why: wasm-bindgen copies
   * a string in one character at a time, and encoding into a JS buffer first then copying
   * that in took a twentieth of bulk triage's time.
   */
  #writeList(text) {
    // Most lists are ASCII, a byte a character; UTF-8 never takes more than 3 bytes for
    // one UTF-16 unit, so the second try always fits.
    for (const room of [text.length, text.length * 3]) {
      const at = this.#call(() => this.#raw.inputRoom(room));
      if (typeof at !== 'number') return at;
      if (at === 0) break;
      const { read, written } = utf8.encodeInto(text, new Uint8Array(memory.buffer, at, room));
      if (read === text.length) return written;
    }
    return hostError(`the engine has no memory for a list of ${text.length} characters`, 'out_of_range');
  }

  #action(action, parameters, now) {
    return this.run(now == null ? { action, parameters } : { action, now, parameters });
  }

  determineEscalation(parameters, now) { return this.#action('determine-escalation', parameters, now); }
  slaStatus(parameters, now) { return this.#action('sla-status', parameters, now); }
  generateNotification(parameters, now) { return this.#action('generate-notification', parameters, now); }
  generateHandoff(parameters, now) { return this.#action('generate-handoff', parameters, now); }
  trackProgress(parameters, now) { return this.#action('track-progress', parameters, now); }
  calculateMetrics(parameters, now) { return this.#action('calculate-metrics', parameters, now); }
  recommendDeescalation(parameters, now) { return this.#action('recommend-deescalation', parameters, now); }
  stalledReport(parameters = {}, now) { return this.#action('stalled-report', parameters, now); }
  escalationChain(parameters, now) { return this.#action('escalation-chain', parameters, now); }
  majorIncident(parameters, now) { return this.#action('major-incident', parameters, now); }

  /**
   * Replaces the config (`update` is the whole config) or one section of it (`{section,
   * value}`; a config has no `section` field, so the two cannot be confused). With
   * `dryRun` nothing is saved; either way the result lists the escalations whose tier or
   * SLA state would change.
   */
  updateConfig(update, { dryRun = false } = {}, now) {
    const isSection = update !== null && typeof update === 'object' && typeof update.section === 'string';
    const parameters = isSection
      ? { section: update.section, value: update.value, dry_run: dryRun }
      : { config: update, dry_run: dryRun };
    return this.#action('update-config', parameters, now);
  }
}

/** The engine version, e.g. "0.1.0". */
export function version() {
  need();
  return rawVersion();
}

/** A request against a fresh default workspace: for pure helpers that need no stored data. */
export function run(request) {
  need();
  // As Engine.run: a request object without `now` is answered at the host's clock.
  const withNow = request !== null && typeof request === 'object' && !Array.isArray(request)
    && request.now == null ? { ...request, now: nowIso() } : request;
  const enc = encode(withNow);
  if (enc.error) return enc.error;
  return JSON.parse(rawRun(enc.text));
}

/** Decides a ticket on the default rules with no workspace history. */
export function determineEscalation(parameters) {
  return run({ action: 'determine-escalation', parameters });
}

/** An inline SLA clock at `now` (RFC 3339; defaults to the host's clock). */
export function slaStatus(clock, now) {
  return run({ action: 'sla-status', now: now ?? nowIso(), parameters: { clock } });
}
