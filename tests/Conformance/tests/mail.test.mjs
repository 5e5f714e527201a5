// Password reset, email verification and account deletion: the links come out of each server's mail.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import {
  BASE_URL, PASSWORD, newAgent, ok, fails, signUp, signIn, getSession, raw, linkFor, mailTo, uniqueEmail, differs,
} from "./helpers.mjs";

const NEW_PASSWORD = "a-brand-new-password";
const RESET_MESSAGE = "If this email exists in our system, check your email for the reset link";

/** Asks for a reset link and returns the token from the mailed URL. */
async function resetToken(agent, email) {
  const data = ok(await agent.client.requestPasswordReset({ email, redirectTo: "/reset" }));
  assert.deepEqual(data, { status: true, message: RESET_MESSAGE });
  const link = await linkFor(email, "reset-password");
  assert.equal(link.origin, BASE_URL);
  assert.match(link.pathname, /^\/api\/auth\/reset-password\/[A-Za-z0-9]+$/);
  assert.equal(link.searchParams.get("callbackURL"), "/reset");
  return link.pathname.split("/").at(-1);
}

describe("request-password-reset", () => {
  test("known and unknown addresses get the same answer; only the known one gets mail", async () => {
    const agent = newAgent();
    const account = await signUp(agent);
    const unknown = uniqueEmail("nobody");

    const known = ok(await newAgent().client.requestPasswordReset({ email: account.email }));
    const none = ok(await newAgent().client.requestPasswordReset({ email: unknown }));

    assert.deepEqual(none, known);
    assert.deepEqual(known, { status: true, message: RESET_MESSAGE });
    await linkFor(account.email, "reset-password");
    assert.deepEqual(await mailTo(unknown), []);
  });

  test("an untrusted redirectTo -> 403", async () => {
    const account = await signUp(newAgent());
    const r = await raw("POST", "/request-password-reset", {
      headers: { origin: BASE_URL }, body: { email: account.email, redirectTo: "http://evil.example/steal" },
    });
    assert.equal(r.status, 403);
  });
});

describe("reset-password", () => {
  test("GET the mailed link -> 302 to callbackURL?token=…; POST sets the password; the token works once", async () => {
    const agent = newAgent();
    const account = await signUp(agent);
    const token = await resetToken(newAgent(), account.email);

    const callback = await raw("GET", `/reset-password/${token}?callbackURL=%2Freset`);
    assert.equal(callback.status, 302);
    const location = new URL(callback.headers.location, BASE_URL);
    assert.equal(location.pathname, "/reset");
    assert.equal(location.searchParams.get("token"), token);

    assert.deepEqual(ok(await newAgent().client.resetPassword({ newPassword: NEW_PASSWORD, token })), { status: true });
    fails(await newAgent().client.signIn.email({ email: account.email, password: PASSWORD }), 401, "INVALID_EMAIL_OR_PASSWORD");
    await signIn(newAgent(), account.email, NEW_PASSWORD);
    fails(await newAgent().client.resetPassword({ newPassword: "yet-another-password", token }), 400, "INVALID_TOKEN");

    const spent = await raw("GET", `/reset-password/${token}?callbackURL=%2Freset`);
    assert.equal(spent.status, 302);
    assert.equal(new URL(spent.headers.location, BASE_URL).searchParams.get("error"), "INVALID_TOKEN");
  });

  test("the user's sessions after a reset", async () => {
    const agent = newAgent();
    const account = await signUp(agent);
    const token = await resetToken(newAgent(), account.email);
    ok(await newAgent().client.resetPassword({ newPassword: NEW_PASSWORD, token }));

    const session = await getSession(agent);
    if (differs("revokeSessionsOnPasswordReset")) assert.equal(session, null, "every session ends");
    else assert.equal(session?.user.id, account.user.id, "Better Auth keeps them by default");
  });

  test("unknown token -> 400 INVALID_TOKEN; too short / too long -> PASSWORD_TOO_SHORT / PASSWORD_TOO_LONG", async () => {
    const account = await signUp(newAgent());
    const token = await resetToken(newAgent(), account.email);
    const client = newAgent().client;

    fails(await client.resetPassword({ newPassword: NEW_PASSWORD, token: "not-a-token" }), 400, "INVALID_TOKEN");
    fails(await client.resetPassword({ newPassword: "short", token }), 400, "PASSWORD_TOO_SHORT");
    fails(await client.resetPassword({ newPassword: "x".repeat(129), token }), 400, "PASSWORD_TOO_LONG");
    ok(await client.resetPassword({ newPassword: NEW_PASSWORD, token }), "the token survived the refused attempts");
  });
});

describe("email verification", () => {
  test("send-verification-email while signed in -> mail; following the link marks the address verified", async () => {
    const agent = newAgent();
    const account = await signUp(agent);
    assert.equal(account.user.emailVerified, false);

    assert.deepEqual(ok(await agent.client.sendVerificationEmail({ email: account.email })), { status: true });
    const link = await linkFor(account.email, "verify-email");
    assert.equal(link.pathname, "/api/auth/verify-email");
    assert.equal(link.searchParams.get("callbackURL"), "/");
    const token = link.searchParams.get("token");
    assert.equal(token.split(".").length, 3, "a JWT");

    assert.deepEqual(ok(await newAgent().client.verifyEmail({ query: { token } })), { status: true, user: null });
    assert.equal((await getSession(agent))?.user.emailVerified, true);
    fails(await agent.client.sendVerificationEmail({ email: account.email }), 400, "EMAIL_ALREADY_VERIFIED");
  });

  test("verify-email with a callbackURL redirects there, with ?error= on a bad token", async () => {
    const good = await raw("GET", "/verify-email?token=not-a-jwt");
    assert.equal(good.status, 401);
    assert.equal(good.json.code, "INVALID_TOKEN");
    const redirected = await raw("GET", "/verify-email?token=not-a-jwt&callbackURL=%2Fdone");
    assert.equal(redirected.status, 302);
    assert.equal(redirected.headers.location, "/done?error=INVALID_TOKEN");
  });

  test("someone else's address while signed in -> 400 EMAIL_MISMATCH", async () => {
    const agent = newAgent();
    await signUp(agent);
    fails(await agent.client.sendVerificationEmail({ email: uniqueEmail() }), 400, "EMAIL_MISMATCH");
  });
});

describe("delete-user", () => {
  test("wrong password -> 400 INVALID_PASSWORD; the account stays", async () => {
    const agent = newAgent();
    const account = await signUp(agent);
    fails(await agent.client.deleteUser({ password: "not-my-password" }), 400, "INVALID_PASSWORD");
    await signIn(newAgent(), account.email);
  });

  test("with the password -> {success, message}; the user and every session are gone", async () => {
    const agent = newAgent();
    const account = await signUp(agent);
    const other = newAgent({ mode: "bearer" });
    await signIn(other, account.email);

    assert.deepEqual(ok(await agent.client.deleteUser({ password: PASSWORD })), { success: true, message: "User deleted" });
    assert.equal(await getSession(agent), null);
    assert.equal(await getSession(other), null);
    fails(await newAgent().client.signIn.email({ email: account.email, password: PASSWORD }), 401, "INVALID_EMAIL_OR_PASSWORD");
  });

  test("without a session -> 401", async () => {
    fails(await newAgent().client.deleteUser({ password: PASSWORD }), 401);
  });
});
