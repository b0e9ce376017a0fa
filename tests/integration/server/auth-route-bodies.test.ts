import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";

const { POST } = await import("@/app/api/auth/[...nextauth]/route");

const context = { params: Promise.resolve({ nextauth: ["session"] }) };
const post = (body: string, contentType: string) =>
  POST(new NextRequest("http://localhost:3000/api/auth/session", { method: "POST", body, headers: { host: "localhost:3000", origin: "http://localhost:3000", "content-type": contentType } }), context);

/** next-auth reads a JSON body with request.json(): a malformed one threw there, and the route answered 500. */
describe("next-auth's route refuses an unreadable JSON body with a 400 in French", () => {
  it("malformed JSON: 400, a French sentence, no stack trace", async () => {
    const response = await post('{"login":', "application/json");
    expect(response.status).toBe(400);
    const text = await response.text();
    expect(text).toMatch(/illisible/);
    expect(text).not.toMatch(/SyntaxError|at .*\.js/);
  });

  it("whatever the JSON content type says (charset, vendor type): 400", async () => {
    for (const type of ["application/json; charset=utf-8", "application/vnd.api+json"]) {
      const response = await post("{", type);
      expect(response.status).toBe(400);
    }
  });
});
