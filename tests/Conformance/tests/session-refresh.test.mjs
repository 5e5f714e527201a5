// Sliding renewal: a session in use is pushed out to a full lifetime once it is `updateAge` old, on every endpoint that
// reads it — the JWT refresh call included — and its cookie is sent again. Runs against each target's second server,
// whose sessions are due for renewal after one second.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { setTimeout as sleep } from "node:timers/promises";
import { COOKIE, PASSWORD, REFRESH_BASE_URL, newAgent, ok, setCookies, uniqueEmail } from "./helpers.mjs";

const DUE_AFTER_MS = 1_000;

async function signedUpAgent(mode) {
  const agent = newAgent({ mode, baseUrl: REFRESH_BASE_URL });
  ok(await agent.client.signUp.email({ name: "Slider", email: uniqueEmail("slide"), password: PASSWORD }), "sign-up");
  return agent;
}

async function expiresAt(agent) {
  const data = ok(await agent.client.getSession({ query: { disableRefresh: true } }), "get-session");
  return new Date(data.session.expiresAt);
}

describe("sliding renewal", { skip: !REFRESH_BASE_URL && "AUTH_REFRESH_BASE_URL is not set" }, () => {
  test("token() on a session that is due renews it and sends its cookie again", async () => {
    const agent = await signedUpAgent("cookie");
    const before = await expiresAt(agent);
    await sleep(DUE_AFTER_MS + 500);

    ok(await agent.client.token(), "token");

    const cookie = setCookies(agent.last("/token").headers).find((c) => c.name === COOKIE);
    assert.ok(cookie, "the renewed session's cookie is sent again by /token");
    assert.ok(Number(cookie.attributes["max-age"]) > 0, "with a lifetime");
    assert.ok(await expiresAt(agent) > before, "the session now expires later");
  });

  test("get-session?disableRefresh=true leaves a due session as it is", async () => {
    const agent = await signedUpAgent("bearer");
    const before = await expiresAt(agent);
    await sleep(DUE_AFTER_MS + 500);

    const again = await expiresAt(agent);

    assert.equal(again.getTime(), before.getTime());
    assert.equal(setCookies(agent.last("/get-session").headers).length, 0, "no cookie when nothing was renewed");
  });

  test("get-session on a session that is due renews it", async () => {
    const agent = await signedUpAgent("bearer");
    const before = await expiresAt(agent);
    await sleep(DUE_AFTER_MS + 500);

    ok(await agent.client.getSession(), "get-session");

    assert.ok(await expiresAt(agent) > before, "the session now expires later");
  });
});
