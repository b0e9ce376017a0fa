import { describe, expect, it, vi } from "vitest";

// The route reads the teacher's context; here a teacher of some establishment is signed in.
vi.mock("@/lib/auth/orga-actor", () => ({ getOrgaContext: async () => ({ userId: 1, current: { establishmentId: 1, role: "ADMIN" } }) }));
const { POST } = await import("@/app/api/eleves/identifiants/route");

const post = (body: BodyInit, contentType: string) =>
  POST(new Request("http://localhost:3000/api/eleves/identifiants", { method: "POST", body, headers: { host: "localhost:3000", "content-type": contentType } }));

describe("the credentials sheet route refuses unreadable bodies with a 400 in French", () => {
  it("JSON instead of a form", async () => {
    const response = await post(JSON.stringify({ action: "RESET_PASSWORD", learnerId: [1] }), "application/json");
    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(/formulaire envoyé est illisible/);
  });

  it("a multipart body cut in the middle", async () => {
    const response = await post("--frontiere\r\nContent-Disposition: form-data; name=\"action\"\r\n\r\nRESET", "multipart/form-data; boundary=frontiere");
    expect(response.status).toBe(400);
  });

  it("no content type at all", async () => {
    const response = await post("action=RESET_PASSWORD", "");
    expect(response.status).toBe(400);
  });
});
