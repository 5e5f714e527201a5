// The one client for the todo API. It owns the access token (a short-lived JWT) and keeps it in memory only:
// never in localStorage, sessionStorage or a cookie. The gateway's HttpOnly session cookie is what mints it.
//
//  - every API call carries "Authorization: Bearer <jwt>" (and no cookies);
//  - the JWT is renewed silently at ~80 % of its lifetime and when the tab becomes visible again;
//  - concurrent renewals collapse into one request;
//  - a 401 from the API triggers one renewal and one retry; if the gateway then says the session is gone, the user
//    goes to sign-in with a plain message;
//  - if the gateway cannot be reached, a banner says so and renewal is retried with backoff, while the still-valid
//    JWT keeps the todo API working. The user is never signed out for that;
//  - writes (anything but GET) go out with `keepalive`, so one sent just before the page is reloaded or closed still
//    reaches the server instead of being cancelled with the page. Keepalive bodies are capped at 64 KB in browsers;
//    a todo is a few KB at most.
import { goToSignIn } from './nav.js';

const REFRESH_AT = 0.8;
const WAKE_REFRESH_MIN_AGE_MS = 5_000;
const RETRY_DELAYS_MS = [2_000, 4_000, 8_000, 15_000, 30_000];

let configPromise = null;
let config = null;
let token = null; // { value, claims, receivedAt, lifetimeMs }
let inflight = null;
let refreshTimer = 0;
let retryTimer = 0;
let retryAttempt = 0;
let gatewayDown = false;
let ended = false;
let started = false;
const connectionListeners = new Set();

/** The session is over (or never existed); the page is already on its way to sign-in. Callers stay quiet. */
export class SessionEndedError extends Error {
  constructor() {
    super('Your session has ended. Please sign in again.');
    this.name = 'SessionEndedError';
  }
}

/** The sign-in service did not answer (network error, 5xx, 429). A retry is already scheduled. */
export class GatewayUnavailableError extends Error {
  constructor() {
    super("Can't reach the sign-in service. Please try again in a moment.");
    this.name = 'GatewayUnavailableError';
  }
}

/** The todo API refused a request. `fields` holds per-field messages from a 400 problem. */
export class ApiError extends Error {
  constructor(status, message, problem = null) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem;
    this.fields = normalizeFieldErrors(problem?.errors);
  }
}

/** `{ apiBaseUrl }`, served by the gateway. */
function loadConfig() {
  configPromise ??= fetch('/ui-config.json', { cache: 'no-cache' }).then(async (response) => {
    if (!response.ok) {
      throw new Error(`ui-config.json: ${response.status}`);
    }
    config = await response.json();
    return config;
  });
  return configPromise;
}

/**
 * Sends a last request while the page is going away (pagehide): synchronously, with the current JWT and
 * `keepalive`, so the browser delivers it after the page is gone. No renewal, no retry, no answer.
 */
export function sendOnLeave(path, method) {
  if (!config || !token) {
    return;
  }
  fetch(config.apiBaseUrl + path, {
    method,
    keepalive: true,
    credentials: 'omit',
    headers: { Authorization: `Bearer ${token.value}` },
  }).catch(() => {});
}

/** Subscribes to 'gateway-down' / 'ok' changes (for the banner). */
export function onConnectionChange(listener) {
  connectionListeners.add(listener);
}

/**
 * Gets the first JWT for this page. A visitor without a session is sent to sign-in (no message: they were not
 * signed in). While the gateway is unreachable this waits, retrying with backoff, and resolves when it answers.
 */
export async function startSession() {
  if (!started) {
    started = true;
    document.addEventListener('visibilitychange', onVisibilityChange);
  }
  for (;;) {
    try {
      await refreshToken();
      return token.claims;
    } catch (error) {
      if (error instanceof SessionEndedError) {
        ended = true;
        goToSignIn();
        return never();
      }
      await nextRecovery();
    }
  }
}

/**
 * Asks the gateway for a new JWT with the session cookie. Every caller that asks while a request is in flight gets
 * that same request. Resolves to the JWT; rejects with SessionEndedError or GatewayUnavailableError.
 */
export function refreshToken() {
  inflight ??= requestToken().finally(() => {
    inflight = null;
  });
  return inflight;
}

/** Whether the session is over (signed out, or ended): the page is on its way to sign-in. */
export function sessionEnded() {
  return ended;
}

/** Forgets the JWT and stops every timer (sign-out, or the session ended). */
export function forgetToken() {
  ended = true;
  token = null;
  clearTimeout(refreshTimer);
  clearTimeout(retryTimer);
  retryTimer = 0;
}

/** The session is gone for good: forget everything and go to sign-in with the plain message. */
export function endSession() {
  forgetToken();
  goToSignIn('session-ended');
  return new SessionEndedError();
}

/**
 * Calls the todo API. Resolves to `{ status, data, headers }` for a 2xx; rejects with ApiError (its message is fit
 * to show), SessionEndedError (the page is leaving: say nothing) or a DOMException AbortError.
 */
export async function api(path, { method = 'GET', body, headers = {}, signal } = {}) {
  const { apiBaseUrl } = await loadConfig();
  const send = async (jwt) => {
    try {
      return await fetch(apiBaseUrl + path, {
        method,
        signal,
        keepalive: method !== 'GET',
        credentials: 'omit',
        cache: 'no-store',
        headers: {
          Accept: 'application/json',
          ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
          ...headers,
          Authorization: `Bearer ${jwt}`,
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch (error) {
      if (error?.name === 'AbortError') {
        throw error;
      }
      throw new ApiError(0, "Can't reach the todo service. Check your connection and try again.");
    }
  };

  let jwt = await usableToken();
  let response = await send(jwt);
  if (response.status === 401) {
    jwt = await tokenAfterRejection(jwt);
    response = await send(jwt);
    if (response.status === 401) {
      // A brand-new token was refused too: a server-side problem. Redirecting would only loop, so say so instead.
      throw new ApiError(401, 'The todo service did not accept your sign-in. Please try again in a moment.');
    }
  }
  const data = await readBody(response);
  if (!response.ok) {
    throw new ApiError(response.status, problemMessage(response.status, data), data);
  }
  return { status: response.status, data, headers: response.headers };
}

// ---- internals -------------------------------------------------------------------------------------------------

async function requestToken() {
  let response;
  try {
    response = await fetch('/api/auth/token', { credentials: 'same-origin', cache: 'no-store' });
  } catch {
    return unavailable();
  }
  if (response.status === 401) {
    throw new SessionEndedError();
  }
  const body = response.ok ? await readBody(response) : null;
  try {
    accept(body.token);
  } catch {
    return unavailable(); // no token, or not a JWT: treat like a failed answer and retry later
  }
  if (gatewayDown) {
    gatewayDown = false;
    clearTimeout(retryTimer);
    retryTimer = 0;
    retryAttempt = 0;
    notify('ok');
  }
  return token.value;
}

function accept(jwt) {
  const claims = decodeClaims(jwt);
  // iat and exp are whole seconds, so the token may be up to a second older than iat says.
  const lifetimeMs = claims.iat && claims.exp
    ? Math.max(1, claims.exp - claims.iat - 1) * 1000
    : Math.max(1000, claims.exp * 1000 - Date.now());
  token = { value: jwt, claims, receivedAt: Date.now(), lifetimeMs };
  clearTimeout(refreshTimer);
  refreshTimer = setTimeout(backgroundRefresh, lifetimeMs * REFRESH_AT);
}

function unavailable() {
  if (!gatewayDown) {
    gatewayDown = true;
    notify('gateway-down');
  }
  scheduleRetry();
  throw new GatewayUnavailableError();
}

/** One retry pending at a time, spaced out with backoff and jitter: an outage never turns into a request loop. */
function scheduleRetry() {
  if (retryTimer || ended) {
    return;
  }
  const base = RETRY_DELAYS_MS[Math.min(retryAttempt, RETRY_DELAYS_MS.length - 1)];
  retryAttempt += 1;
  retryTimer = setTimeout(() => {
    retryTimer = 0;
    backgroundRefresh();
  }, base * (0.8 + Math.random() * 0.4));
}

function backgroundRefresh() {
  if (ended) {
    return;
  }
  refreshToken().catch((error) => {
    if (error instanceof SessionEndedError) {
      endSession();
    }
    // GatewayUnavailableError: the banner is up and a retry is scheduled.
  });
}

function onVisibilityChange() {
  if (document.visibilityState === 'visible' && token && !ended
      && Date.now() - token.receivedAt >= WAKE_REFRESH_MIN_AGE_MS) {
    backgroundRefresh();
  }
}

/** The JWT to send now: the current one while it is fresh, else a renewed one (or the old one if the gateway is down). */
async function usableToken() {
  if (inflight) {
    await inflight.catch(() => {});
  }
  if (token && Date.now() < token.receivedAt + token.lifetimeMs) {
    return token.value;
  }
  return renewedToken((error) => {
    if (token) {
      return token.value; // let the API judge it; a 401 then ends up in tokenAfterRejection
    }
    throw error;
  });
}

/** After a 401: renew once (unless someone already did since this JWT was sent) and hand back the new JWT. */
async function tokenAfterRejection(rejected) {
  if (token && token.value !== rejected) {
    return token.value;
  }
  return renewedToken(() => {
    throw new ApiError(0, "Can't reach the sign-in service, so this wasn't saved. We'll keep retrying — try again in a moment.");
  });
}

/** A renewed JWT. A session that has ended ends here too (sign-in page); any other failure is left to `otherwise`. */
async function renewedToken(otherwise) {
  try {
    return await refreshToken();
  } catch (error) {
    if (error instanceof SessionEndedError) {
      throw endSession();
    }
    return otherwise(error);
  }
}

function nextRecovery() {
  return new Promise((resolve) => {
    const listener = (state) => {
      if (state === 'ok') {
        connectionListeners.delete(listener);
        resolve();
      }
    };
    connectionListeners.add(listener);
  });
}

function notify(state) {
  for (const listener of [...connectionListeners]) {
    listener(state);
  }
}

function decodeClaims(jwt) {
  const part = jwt.split('.')[1] ?? '';
  const base64 = part.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(part.length / 4) * 4, '=');
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  return JSON.parse(new TextDecoder().decode(bytes));
}

async function readBody(response) {
  if (response.status === 204) {
    return null;
  }
  const text = await response.text();
  if (!text) {
    return null;
  }
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

function problemMessage(status, problem) {
  if (status === 404) {
    return 'This todo no longer exists.';
  }
  if (status === 412) {
    return 'This todo was changed somewhere else.';
  }
  if (status === 429) {
    return 'Too many requests. Please wait a moment and try again.';
  }
  if (status >= 500) {
    return 'Something went wrong on our side. Please try again.';
  }
  const fieldMessages = Object.values(normalizeFieldErrors(problem?.errors));
  return fieldMessages[0] ?? problem?.detail ?? problem?.title ?? `The request failed (${status}).`;
}

function normalizeFieldErrors(errors) {
  const fields = {};
  if (errors && typeof errors === 'object') {
    for (const [key, messages] of Object.entries(errors)) {
      const name = key.replace(/^\$\./, '').replace(/^./, (c) => c.toLowerCase());
      fields[name] = Array.isArray(messages) ? messages.join(' ') : String(messages);
    }
  }
  return fields;
}

function never() {
  return new Promise(() => {});
}
