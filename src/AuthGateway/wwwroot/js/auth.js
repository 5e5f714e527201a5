// Calls to the auth gateway (/api/auth/*, Better Auth's protocol) with the HttpOnly session cookie, and the
// translation of its errors into messages for form fields.
import { endSession, forgetToken } from './api.js';
import { signInUrl } from './nav.js';

const CHANNEL_NAME = 'todoclean-auth';
const channel = 'BroadcastChannel' in self ? new BroadcastChannel(CHANNEL_NAME) : null;

/** A refusal from the gateway: HTTP status, Better Auth code and message. */
export class AuthError extends Error {
  constructor(status, code, message, retryAfter = null) {
    super(message);
    this.name = 'AuthError';
    this.status = status;
    this.code = code;
    this.retryAfter = retryAfter;
  }
}

/**
 * Calls the gateway. POSTs always send a JSON body (Better Auth's client sends `{}` when there is nothing to say).
 * With `sessionRequired`, a 401 means the session is gone: the page goes to sign-in with the plain message.
 */
export async function gateway(path, { method = 'GET', body, sessionRequired = false } = {}) {
  const isPost = method !== 'GET';
  let response;
  try {
    response = await fetch(`/api/auth${path}`, {
      method,
      credentials: 'same-origin',
      cache: 'no-store',
      headers: isPost ? { 'Content-Type': 'application/json', Accept: 'application/json' } : { Accept: 'application/json' },
      body: isPost ? JSON.stringify(body ?? {}) : undefined,
    });
  } catch {
    throw new AuthError(0, 'NETWORK', "Can't reach the sign-in service. Check your connection and try again.");
  }
  let data = null;
  try {
    data = await response.json();
  } catch {
    // empty body (e.g. an unknown route) or not JSON
  }
  if (!response.ok) {
    if (response.status === 401 && sessionRequired) {
      throw endSession();
    }
    const retryAfter = Number(response.headers.get('Retry-After')) || null;
    throw new AuthError(response.status, data?.code ?? '', data?.message ?? '', retryAfter);
  }
  return data;
}

export const getSession = () => gateway('/get-session');
export const signIn = (body) => gateway('/sign-in/email', { method: 'POST', body });
export const signUp = (body) => gateway('/sign-up/email', { method: 'POST', body });
export const updateUser = (body) => gateway('/update-user', { method: 'POST', body, sessionRequired: true });
export const changePassword = (body) => gateway('/change-password', { method: 'POST', body, sessionRequired: true });
export const listSessions = () => gateway('/list-sessions', { sessionRequired: true });
export const requestPasswordReset = (email) =>
  gateway('/request-password-reset', { method: 'POST', body: { email, redirectTo: '/reset-password' } });
export const resetPassword = (body) => gateway('/reset-password', { method: 'POST', body });
export const sendVerificationEmail = (email) =>
  gateway('/send-verification-email', { method: 'POST', body: { email, callbackURL: '/account?verified=1' } });
export const deleteUser = (password) => gateway('/delete-user', { method: 'POST', body: { password }, sessionRequired: true });
export const revokeSession = (token) => gateway('/revoke-session', { method: 'POST', body: { token }, sessionRequired: true });
export const enableTwoFactor = (password) => gateway('/two-factor/enable', { method: 'POST', body: { password }, sessionRequired: true });
export const twoFactorQrCode = (password) => gateway('/two-factor/qr-code', { method: 'POST', body: { password }, sessionRequired: true });
export const disableTwoFactor = (password) => gateway('/two-factor/disable', { method: 'POST', body: { password }, sessionRequired: true });
export const generateBackupCodes = (password) =>
  gateway('/two-factor/generate-backup-codes', { method: 'POST', body: { password }, sessionRequired: true });
/** The second sign-in step (with the two-factor cookie) or, signed in, confirming the enrolment. */
export const verifyTotp = (code, trustDevice = false) => gateway('/two-factor/verify-totp', { method: 'POST', body: { code, trustDevice } });
export const verifyBackupCode = (code, trustDevice = false) =>
  gateway('/two-factor/verify-backup-code', { method: 'POST', body: { code, trustDevice } });
export const revokeOtherSessions = () => gateway('/revoke-other-sessions', { method: 'POST', sessionRequired: true });

/**
 * Signs out: the gateway deletes the session and expires the cookie; this tab forgets its JWT and anything it
 * stored, tells the other tabs, and lands on sign-in. Throws (and changes nothing) if the gateway can't be reached.
 */
export async function signOut() {
  await gateway('/sign-out', { method: 'POST' });
  forgetEverything();
  channel?.postMessage({ type: 'signed-out' });
  location.replace(signInUrl({ returnTo: '/', reason: 'signed-out' }));
}

/** Another tab signed out: follow it. */
export function followSignOutInOtherTabs() {
  channel?.addEventListener('message', (event) => {
    if (event.data?.type === 'signed-out') {
      forgetEverything();
      location.replace(signInUrl({ returnTo: location.pathname + location.search, reason: 'signed-out-elsewhere' }));
    }
  });
}

function forgetEverything() {
  forgetToken();
  // The UI keeps nothing in web storage; clear it anyway so nothing can outlive the session.
  try {
    sessionStorage.clear();
    localStorage.clear();
  } catch {
    // storage can be disabled; nothing to clear then
  }
}

const FRIENDLY = {
  INVALID_EMAIL: ['email', 'Enter a valid email address, like name@example.com.'],
  USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL: ['email', 'An account with this email already exists. Sign in instead, or use another email.'],
  USER_ALREADY_EXISTS: ['email', 'An account with this email already exists. Sign in instead, or use another email.'],
  INVALID_PASSWORD: ['currentPassword', 'Your current password is not correct.'],
  EMAIL_CAN_NOT_BE_UPDATED: ['email', 'Your email address cannot be changed here.'],
};

/**
 * Turns a gateway error into `{ form, fields }` messages. Validation errors arrive as
 * "[body.email] text; [body.password] text"; a few codes name their field; the rest is form-level.
 * `passwordField` says which input the PASSWORD_TOO_SHORT/LONG codes belong to.
 */
export function describeAuthError(error, { passwordField = 'password' } = {}) {
  const fields = {};
  if (!(error instanceof AuthError)) {
    return { form: 'Something went wrong. Please try again.', fields };
  }
  if (error.status === 0) {
    return { form: error.message, fields };
  }
  if (error.code === 'ACCOUNT_TEMPORARILY_LOCKED') {
    return { form: 'Too many wrong codes. Two-step sign-in is locked for 15 minutes; try again later.', fields };
  }
  if (error.status === 429) {
    const wait = error.retryAfter ? ` Please wait ${Math.ceil(error.retryAfter)} seconds and try again.` : ' Please wait a moment and try again.';
    return { form: `Too many attempts.${wait}`, fields };
  }
  if (error.status >= 500) {
    return { form: 'Something went wrong on our side. Please try again.', fields };
  }
  switch (error.code) {
    case 'VALIDATION_ERROR': {
      const general = [];
      for (const part of error.message.split('; ')) {
        const match = /^\[body(?:\.([\w]+))?[^\]]*\]\s*(.*)$/.exec(part.trim());
        if (match?.[1] && !fields[match[1]]) {
          fields[match[1]] = match[2];
        } else if (!match?.[1]) {
          general.push(match ? match[2] : part);
        }
      }
      return { form: general.length ? 'Please check the form and try again.' : '', fields };
    }
    case 'PASSWORD_TOO_SHORT':
      fields[passwordField] = 'Too short: use at least 8 characters.';
      return { form: '', fields };
    case 'PASSWORD_TOO_LONG':
      fields[passwordField] = 'Too long: use at most 128 characters.';
      return { form: '', fields };
    case 'INVALID_EMAIL_OR_PASSWORD':
      return { form: "That email and password don't match an account. Check them and try again.", fields };
    case 'INVALID_CODE':
      fields.code = "That code isn't right. Enter the current 6-digit code from your authenticator app.";
      return { form: '', fields };
    case 'INVALID_BACKUP_CODE':
      fields.code = "That backup code isn't right, or it was used before.";
      return { form: '', fields };
    case 'INVALID_TWO_FACTOR_COOKIE':
    case 'TOO_MANY_ATTEMPTS_REQUEST_NEW_CODE':
      return { form: 'This sign-in has expired or had too many wrong codes. Start again with your email and password.', fields };
    case 'SESSION_NOT_FRESH':
    case 'SESSION_EXPIRED':
      return { form: 'For your security, please sign in again to do this.', fields };
    case 'EMAIL_NOT_VERIFIED':
      return { form: 'Confirm your email address first: follow the link we sent you when you signed up.', fields };
    default:
      if (FRIENDLY[error.code]) {
        const [field, message] = FRIENDLY[error.code];
        fields[field] = message;
        return { form: '', fields };
      }
      return { form: error.message || 'Something went wrong. Please try again.', fields };
  }
}
