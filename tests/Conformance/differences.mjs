// THE ONE PLACE that lists deliberate wire differences between the TodoClean AuthGateway and a real
// Better Auth 1.7.25 server. Tests consult it through `differs(id)` to branch or skip; nothing else in the
// suite may special-case the gateway.
//
// Rules: an entry exists only when the difference is deliberate AND documented (docs/better-auth-protocol.md §11,
// docs/better-auth-compatibility.md "Deliberate differences", docs/api.md, docs/security.md). Any other behaviour
// difference is a bug in the gateway — fix the gateway, do not add an entry here. The reason and source strings
// below are documentation only: no test reads them.

/** @typedef {{ gateway: string, reference: string, reason: string, source: string }} Difference */

/** @type {Record<string, Difference>} */
export const DIFFERENCES = Object.freeze({
  jwtFormat: {
    gateway:
      'HS256 over the shared secret; header {alg:"HS256",typ:"JWT",kid}; claims sub, sid, iss="todoclean-auth", ' +
      'aud="todoclean-api", iat, nbf, exp (exp-iat = 900), jti, plus id, email, name, emailVerified (image when set)',
    reference: 'EdDSA; header {alg:"EdDSA",kid}; payload = user object + sub, iat, exp, iss = aud = baseURL origin',
    reason: "The WebApi validates tokens with the shared HS256 secret; Better Auth's jwt plugin cannot do HS256.",
    source: "docs/better-auth-protocol.md §4 and §11.1; docs/api.md (JWT)",
  },
  jwksNoSymmetricKey: {
    gateway: 'GET /jwks returns {"keys":[]}',
    reference: "GET /jwks returns the Ed25519 public key (kty OKP)",
    reason: "The signing key is symmetric; publishing it would let anyone mint tokens.",
    source: "docs/better-auth-protocol.md §11.2; docs/decisions/0004-jwks.md; AuthContracts.JsonWebKeySetResponse",
  },
  listSessionsRevocationHandles: {
    gateway:
      "list-sessions returns the current session's real token and, for every other session, an opaque handle " +
      "that revoke-session {token} accepts but that is not a bearer credential",
    reference: "list-sessions returns every session's real, bearer-usable token",
    reason: "Session tokens are stored hashed; a leaked session list must not be replayable.",
    source: "docs/better-auth-protocol.md §11.3",
  },
  emailTrimmed: {
    gateway: "surrounding spaces in an email are trimmed (then lower-cased)",
    reference: "an email with surrounding spaces is rejected with 400 VALIDATION_ERROR",
    reason: "Friendlier input handling; docs/security.md: an email is trimmed, lower-cased, validated and unique.",
    source: "docs/better-auth-protocol.md §11.4; docs/security.md (Accounts and passwords)",
  },
  jsonOnlySignInUp: {
    gateway: "sign-in/sign-up accept only application/json; form posts get 415",
    reference: "sign-in/sign-up also accept application/x-www-form-urlencoded",
    reason: "Form posts are the classic login-CSRF vector; the browser client always sends JSON.",
    source: "docs/better-auth-protocol.md §11.5; docs/security.md (Sessions and cookies)",
  },
  rateLimitHeaders: {
    gateway: "429 carries Retry-After and X-Retry-After plus a code",
    reference: "429 carries only X-Retry-After and {message}",
    reason: "Standard Retry-After for generic clients. (Rate limiting is off in both servers here: not tested.)",
    source: "docs/better-auth-protocol.md §11.6; docs/security.md (Accounts and passwords: rate limits)",
  },
  sessionTokenFormat: {
    gateway: "session tokens are 43 alphanumeric characters (256 bits)",
    reference: "session tokens are 32 alphanumeric characters",
    reason: "docs/security.md requires >= 256 bits from a CSPRNG. Tests assert only 'non-empty string'.",
    source: "docs/security.md (Sessions and cookies); docs/decisions/0003-sessions-and-tokens.md",
  },
  validationMessages: {
    gateway: 'VALIDATION_ERROR messages are human sentences naming the field, e.g. "[body.email] Enter a valid email address…"',
    reference: 'VALIDATION_ERROR messages are zod texts, e.g. "[body.email] Invalid email address"',
    reason: "docs/api.md: validation failures keep Better Auth's shape and add a human message that names the field. " +
      'Tests assert the code and the "[body.<field>]" marker only (exact zod text only against the reference).',
    source: "docs/api.md (AuthGateway)",
  },
  originBeforeValidation: {
    gateway: "the origin/CSRF check runs before body validation: an untrusted origin gets 403 whatever the body",
    reference: "body-schema validation runs first: a missing field gets 400 VALIDATION_ERROR before any 403",
    reason: "A refused cross-site request should learn nothing about the endpoint, not even its field rules; " +
      "the check is middleware in front of every endpoint. Documented in docs/better-auth-compatibility.md.",
    source: "docs/security.md (Sessions and cookies); docs/better-auth-compatibility.md",
  },
  sessionIpFromSocket: {
    gateway: "session.ipAddress is the client address from the socket (X-Forwarded-For only from configured trusted proxies)",
    reference: "session.ipAddress is the X-Forwarded-For value, or \"\" without one (the socket is ignored)",
    reason: "docs/security.md: the client IP comes from the socket; a client-sent X-Forwarded-For changes nothing.",
    source: "docs/security.md (Accounts and passwords: rate limits)",
  },
  revokeSessionsOnPasswordReset: {
    gateway: "reset-password ends every session of the user (Auth:RevokeSessionsOnPasswordReset, on by default)",
    reference: "reset-password keeps the user's sessions (emailAndPassword.revokeSessionsOnPasswordReset is off by default)",
    reason: "A reset usually follows a compromise: whoever held the old password may hold a session too.",
    source: "docs/better-auth-compatibility.md; docs/api.md (Mailed links); docs/security.md (Password reset)",
  },
  totpSingleUse: {
    gateway: "a TOTP code is accepted once: the same code again (a replay inside its window) is 401 INVALID_CODE",
    reference: "any code of the current step or one either side is accepted, as often as it is sent",
    reason: "RFC 6238 §5.2: a verifier must not accept the second attempt of the same OTP; a code seen over a " +
      "shoulder or phished must not open a second session.",
    source: "docs/security.md (Two-factor sign-in); docs/better-auth-compatibility.md",
  },
});

export const TARGET = process.env.AUTH_TARGET ?? "reference";
if (TARGET !== "reference" && TARGET !== "gateway") {
  throw new Error(`AUTH_TARGET must be "reference" or "gateway", got "${TARGET}"`);
}

/** True when the target under test deliberately behaves differently from Better Auth for difference `id`. */
export function differs(id) {
  if (!Object.hasOwn(DIFFERENCES, id)) throw new Error(`unknown deliberate difference "${id}"`);
  return TARGET === "gateway";
}
