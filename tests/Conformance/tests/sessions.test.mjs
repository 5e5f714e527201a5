// Session management: list-sessions, revoke-session, revoke-sessions, revoke-other-sessions.
// list-sessions freshness (403 SESSION_NOT_FRESH after 1 day) needs a clock and is not tested here.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import {
  USER_AGENT, differs, newAgent, ok, fails, failsValidation, assertToken, signUp, signIn, getSession, sessionOfBearer,
  raw, cookieFor, setCookies, assertClearingCookies,
} from "./helpers.mjs";

/** One user with a cookie session (`main`) and `extra` more bearer sessions. */
async function userWithSessions(extra = 1) {
  const main = newAgent();
  const account = await signUp(main);
  const others = [];
  for (let i = 0; i < extra; i++) {
    const agent = newAgent({ mode: "bearer" });
    await signIn(agent, account.email);
    others.push(agent);
  }
  return { main, account, others };
}

async function listSessions(agent) {
  const data = ok(await agent.client.listSessions(), "list-sessions");
  assert.ok(Array.isArray(data), "list-sessions returns an array");
  return data;
}

/** The entry of `list` that is not `currentToken` (there must be exactly one). */
function otherEntry(list, currentToken) {
  const others = list.filter((s) => s.token !== currentToken);
  assert.equal(others.length, 1, "exactly one other session");
  return others[0];
}

describe("list-sessions", () => {
  test("lists every live session of the user, including the current one", async () => {
    const main = newAgent();
    const account = await signUp(main);
    let list = await listSessions(main);
    assert.equal(list.length, 1);
    assert.equal(list[0].token, account.token, "the current session's token is its real token");

    const second = newAgent({ mode: "bearer" });
    const secondData = await signIn(second, account.email);
    list = await listSessions(main);
    assert.equal(list.length, 2, "after a second sign-in there are two");
    const current = list.find((s) => s.token === account.token);
    assert.ok(current, "the current session is listed with its token");
    const other = otherEntry(list, account.token);
    const [mainSession, secondSession] = [await getSession(main), await getSession(second)];
    assert.equal(current.id, mainSession.session.id);
    assert.equal(other.id, secondSession.session.id);
    assertToken(other.token);
    assert.notEqual(other.token, account.token);

    for (const s of list) {
      for (const key of ["id", "token", "userId", "expiresAt", "createdAt", "updatedAt", "ipAddress", "userAgent"]) {
        assert.ok(key in s, `session.${key} missing`);
      }
      assert.equal(s.userId, account.user.id);
      for (const key of ["expiresAt", "createdAt", "updatedAt"]) assert.ok(s[key] instanceof Date, `${key} revived`);
      assert.equal(s.userAgent, USER_AGENT);
    }
    // The other agent sees the same two sessions, and its own real token.
    const seenBySecond = await listSessions(second);
    assert.deepEqual(seenBySecond.map((s) => s.id).sort(), list.map((s) => s.id).sort());
    assert.ok(seenBySecond.some((s) => s.token === secondData.token));
  });

  test("does not list other users' sessions or ended sessions", async () => {
    const { main, account, others } = await userWithSessions(1);
    await signUp(newAgent());
    ok(await others[0].client.signOut());
    const list = await listSessions(main);
    assert.deepEqual(list.map((s) => s.token), [account.token]);
  });

  test("tokens of other sessions: real bearer tokens in Better Auth, opaque handles on the gateway", async () => {
    const { main, account, others } = await userWithSessions(1);
    const other = otherEntry(await listSessions(main), account.token);
    const asBearer = await sessionOfBearer(other.token);
    if (differs("listSessionsRevocationHandles")) {
      assert.equal(asBearer, null, "a revocation handle must not authenticate");
    } else {
      assert.equal(asBearer?.session.id, (await getSession(others[0])).session.id);
    }
  });

  test("unauthenticated -> 401 UNAUTHORIZED", async () => {
    fails(await newAgent().client.listSessions(), 401, "UNAUTHORIZED");
  });
});

describe("revoke-session", () => {
  test("revoking another session by its list-sessions token kills it at once (bearer and cookie)", async () => {
    const { main, account, others } = await userWithSessions(1);
    const victim = others[0];
    const credential = victim.bearer;
    const other = otherEntry(await listSessions(main), account.token);
    const data = ok(await main.client.revokeSession({ token: other.token }));
    assert.deepEqual(data, { status: true });
    assert.equal(setCookies(main.last("/revoke-session").headers).some((c) => c.attributes["max-age"] === "0"), false,
      "revoking another session does not clear the caller's cookies");
    assert.equal(await sessionOfBearer(credential), null, "bearer get-session of the revoked session");
    assert.equal((await raw("GET", "/get-session", { headers: { cookie: cookieFor(credential) } })).text, "null");
    fails(await victim.client.token(), 401, "UNAUTHORIZED");
    assert.ok((await getSession(main))?.session, "the caller's session lives on");
    assert.deepEqual((await listSessions(main)).map((s) => s.token), [account.token]);
  });

  test("revoking the current session by its token ends it and clears the cookies", async () => {
    const main = newAgent();
    const { token } = await signUp(main);
    const credential = main.credential();
    assert.deepEqual(ok(await main.client.revokeSession({ token })), { status: true });
    assertClearingCookies(setCookies(main.last("/revoke-session").headers));
    assert.equal(await sessionOfBearer(credential), null);
  });

  test("unknown token -> {status:true}, nothing revoked", async () => {
    const { main, others } = await userWithSessions(1);
    assert.deepEqual(ok(await main.client.revokeSession({ token: "no-such-session-token" })), { status: true });
    assert.ok((await getSession(main))?.session);
    assert.ok((await getSession(others[0]))?.session);
  });

  test("another user's token -> {status:true} no-op", async () => {
    const attacker = newAgent();
    await signUp(attacker);
    const victim = newAgent({ mode: "bearer" });
    const { token } = await signUp(victim);
    assert.deepEqual(ok(await attacker.client.revokeSession({ token })), { status: true });
    assert.ok((await getSession(victim))?.session, "the other user's session is untouched");
  });

  test("missing token -> 400 VALIDATION_ERROR naming body.token", async () => {
    const main = newAgent();
    await signUp(main);
    // The client sends GET for an empty body unless told otherwise.
    failsValidation(await main.client.revokeSession({}, { method: "POST" }), "body.token",
      "[body.token] Invalid input: expected string, received undefined");
  });

  test("unauthenticated -> 401 UNAUTHORIZED", async () => {
    fails(await newAgent().client.revokeSession({ token: "whatever" }), 401, "UNAUTHORIZED");
  });
});

describe("revoke-sessions", () => {
  test("ends every session of the user, the current one included", async () => {
    const { main, others } = await userWithSessions(2);
    const credential = main.credential();
    const stranger = newAgent({ mode: "bearer" });
    await signUp(stranger);
    assert.deepEqual(ok(await main.client.revokeSessions()), { status: true });
    assertClearingCookies(setCookies(main.last("/revoke-sessions").headers));
    assert.equal(await sessionOfBearer(credential), null);
    for (const agent of others) assert.equal(await sessionOfBearer(agent.bearer), null);
    assert.ok((await getSession(stranger))?.session, "other users are not affected");
  });

  test("unauthenticated -> 401 UNAUTHORIZED", async () => {
    fails(await newAgent().client.revokeSessions(), 401, "UNAUTHORIZED");
  });
});

describe("revoke-other-sessions", () => {
  test("keeps the current session and ends all others", async () => {
    const { main, account, others } = await userWithSessions(2);
    assert.deepEqual(ok(await main.client.revokeOtherSessions()), { status: true });
    assert.equal(setCookies(main.last("/revoke-other-sessions").headers).some((c) => c.attributes["max-age"] === "0"), false);
    assert.equal((await getSession(main))?.session.token, account.token);
    for (const agent of others) assert.equal(await sessionOfBearer(agent.bearer), null);
    assert.deepEqual((await listSessions(main)).map((s) => s.token), [account.token]);
  });

  test("works with a bearer session", async () => {
    const { main, others } = await userWithSessions(1);
    assert.deepEqual(ok(await others[0].client.revokeOtherSessions()), { status: true });
    assert.ok((await getSession(others[0]))?.session);
    assert.equal(await getSession(main), null);
  });

  test("unauthenticated -> 401 UNAUTHORIZED", async () => {
    fails(await newAgent().client.revokeOtherSessions(), 401, "UNAUTHORIZED");
  });
});
