// Account management: change-password and update-user.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import {
  PASSWORD, COOKIE, newAgent, ok, fails, assertToken, signUp, signIn, getSession, sessionOfBearer, setCookies,
} from "./helpers.mjs";

const NEW_PASSWORD = "a-brand-new-password";

describe("change-password", () => {
  test("success -> {token:null, user}; the old password stops working, the new one works", async () => {
    const agent = newAgent();
    const account = await signUp(agent);
    const other = newAgent({ mode: "bearer" });
    await signIn(other, account.email);

    const data = ok(await agent.client.changePassword({ currentPassword: PASSWORD, newPassword: NEW_PASSWORD }));
    assert.deepEqual(Object.keys(data).sort(), ["token", "user"]);
    assert.equal(data.token, null);
    assert.equal(data.user.id, account.user.id);
    assert.equal(data.user.email, account.email);
    assert.ok(data.user.updatedAt instanceof Date);

    assert.equal((await getSession(agent))?.session.token, account.token, "the current session is kept");
    assert.ok((await getSession(other))?.session, "other sessions are kept without revokeOtherSessions");
    fails(await newAgent().client.signIn.email({ email: account.email, password: PASSWORD }), 401, "INVALID_EMAIL_OR_PASSWORD");
    await signIn(newAgent(), account.email, NEW_PASSWORD);
  });

  test("revokeOtherSessions:true -> a new session token; every earlier session is dead", async () => {
    const agent = newAgent({ mode: "bearer" });
    const account = await signUp(agent);
    const oldCredential = agent.bearer;
    const other = newAgent({ mode: "bearer" });
    await signIn(other, account.email);

    const data = ok(await agent.client.changePassword({
      currentPassword: PASSWORD, newPassword: NEW_PASSWORD, revokeOtherSessions: true,
    }));
    assertToken(data.token);
    assert.notEqual(data.token, account.token);
    assert.equal(data.user.id, account.user.id);
    const response = agent.last("/change-password");
    assert.ok(response.headers.get("set-auth-token")?.startsWith(`${data.token}.`), "set-auth-token for the new session");
    const cookie = setCookies(response.headers).find((c) => c.name === COOKIE && c.value !== "");
    assert.ok(cookie && decodeURIComponent(cookie.value).startsWith(`${data.token}.`), "a cookie for the new session");

    assert.equal(await sessionOfBearer(other.bearer), null, "other sessions are revoked");
    assert.equal(await sessionOfBearer(oldCredential), null, "the previous current session is replaced too");
    const now = await getSession(agent);
    assert.equal(now?.session.token, data.token, "the new token works");
  });

  test("revokeOtherSessions:true in cookie mode: the browser keeps working with the new cookie", async () => {
    const agent = newAgent();
    const account = await signUp(agent);
    const data = ok(await agent.client.changePassword({
      currentPassword: PASSWORD, newPassword: NEW_PASSWORD, revokeOtherSessions: true,
    }));
    assert.equal((await getSession(agent))?.session.token, data.token);
    assert.equal((await getSession(agent))?.user.id, account.user.id);
  });

  test("wrong current password -> 400 INVALID_PASSWORD and nothing changes", async () => {
    const agent = newAgent();
    const account = await signUp(agent);
    const error = fails(await agent.client.changePassword({ currentPassword: "not-the-password", newPassword: NEW_PASSWORD }),
      400, "INVALID_PASSWORD");
    assert.equal(error.message, "Invalid password");
    await signIn(newAgent(), account.email, PASSWORD);
  });

  test("new password too short / too long -> 400 PASSWORD_TOO_SHORT / PASSWORD_TOO_LONG", async () => {
    const agent = newAgent();
    const account = await signUp(agent);
    fails(await agent.client.changePassword({ currentPassword: PASSWORD, newPassword: "short" }), 400, "PASSWORD_TOO_SHORT");
    fails(await agent.client.changePassword({ currentPassword: PASSWORD, newPassword: "z".repeat(129) }), 400,
      "PASSWORD_TOO_LONG");
    await signIn(newAgent(), account.email, PASSWORD);
  });

  test("missing fields -> 400 VALIDATION_ERROR", async () => {
    const agent = newAgent();
    await signUp(agent);
    const error = fails(await agent.client.changePassword({ currentPassword: PASSWORD }), 400, "VALIDATION_ERROR");
    assert.ok(error.message.includes("[body.newPassword]"), error.message);
  });

  test("unauthenticated -> 401 UNAUTHORIZED", async () => {
    fails(await newAgent().client.changePassword({ currentPassword: PASSWORD, newPassword: NEW_PASSWORD }), 401, "UNAUTHORIZED");
  });
});

describe("update-user", () => {
  test("name and image change -> {status:true}, visible in get-session, the session cookie is re-sent", async () => {
    const agent = newAgent();
    const account = await signUp(agent);
    const data = ok(await agent.client.updateUser({ name: "Renamed", image: "https://img.example/me.png" }));
    assert.deepEqual(data, { status: true });
    const response = agent.last("/update-user");
    assert.ok(response.headers.get("set-auth-token")?.startsWith(`${account.token}.`), "set-auth-token for the same session");
    const cookie = setCookies(response.headers).find((c) => c.name === COOKIE);
    assert.ok(cookie && decodeURIComponent(cookie.value).startsWith(`${account.token}.`), "same session re-sent");

    const session = await getSession(agent);
    assert.equal(session.user.name, "Renamed");
    assert.equal(session.user.image, "https://img.example/me.png");
    assert.equal(session.user.email, account.email);
    assert.equal(session.session.token, account.token);
  });

  test("works with a bearer session; unknown fields are ignored", async () => {
    const agent = newAgent({ mode: "bearer" });
    await signUp(agent);
    assert.deepEqual(ok(await agent.client.updateUser({ name: "Bearer Name", emailVerified: true })), { status: true });
    const session = await getSession(agent);
    assert.equal(session.user.name, "Bearer Name");
    assert.equal(session.user.emailVerified, false);
  });

  test("email in the body -> 400 EMAIL_CAN_NOT_BE_UPDATED", async () => {
    const agent = newAgent();
    const account = await signUp(agent);
    const error = fails(await agent.client.updateUser({ email: "new@conformance.test" }), 400, "EMAIL_CAN_NOT_BE_UPDATED");
    assert.equal(error.message, "Email can not be updated");
    fails(await agent.client.updateUser({ name: "X", email: "other@conformance.test" }), 400, "EMAIL_CAN_NOT_BE_UPDATED");
    assert.equal((await getSession(agent)).user.email, account.email);
    assert.equal((await getSession(agent)).user.name, account.name);
  });

  test('empty body {} -> 400 "No fields to update" (no code)', async () => {
    const agent = newAgent();
    await signUp(agent);
    // The client sends GET for an empty body unless told otherwise.
    const error = fails(await agent.client.updateUser({}, { method: "POST" }), 400);
    assert.equal(error.message, "No fields to update");
    assert.equal(error.code, undefined);
  });

  test("unauthenticated -> 401 UNAUTHORIZED", async () => {
    fails(await newAgent().client.updateUser({ name: "Nobody" }), 401, "UNAUTHORIZED");
  });
});
