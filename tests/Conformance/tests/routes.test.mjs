import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { newAgent, ok, raw } from "./helpers.mjs";

describe("routes", () => {
  test("GET /ok -> {ok:true} as application/json", async () => {
    const agent = newAgent();
    assert.deepEqual(ok(await agent.client.$fetch("/ok")), { ok: true });
    const r = await raw("GET", "/ok");
    assert.equal(r.status, 200);
    assert.deepEqual(r.json, { ok: true });
    assert.match(r.headers["content-type"], /^application\/json/);
  });

  test("unknown route -> 404 with an empty body", async () => {
    for (const [method, path] of [["GET", "/does-not-exist"], ["POST", "/does-not-exist"], ["GET", "/sign-in/unknown"]]) {
      const r = await raw(method, path, method === "POST" ? { body: {} } : {});
      assert.equal(r.status, 404, `${method} ${path}`);
      assert.equal(r.text, "", `${method} ${path} body`);
    }
  });

  test("wrong method on a known route -> 404, not 405", async () => {
    for (const [method, path] of [["GET", "/sign-up/email"], ["GET", "/sign-out"], ["POST", "/ok"], ["DELETE", "/get-session"]]) {
      const r = await raw(method, path, method === "POST" ? { body: {} } : {});
      assert.equal(r.status, 404, `${method} ${path}`);
      assert.equal(r.text, "", `${method} ${path} body`);
    }
  });

  test("routes are exact: a trailing slash -> 404", async () => {
    const r = await raw("GET", "/ok/");
    assert.equal(r.status, 404);
  });

  test("the client reports a 404 as an error with status 404", async () => {
    const result = await newAgent().client.$fetch("/does-not-exist");
    assert.equal(result.data, null);
    assert.equal(result.error.status, 404);
  });
});
