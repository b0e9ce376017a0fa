import { createRequire } from "node:module";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isFormActionArguments } from "@/lib/domain/requests/server-action-arguments";

const require = createRequire(import.meta.url);
/** React's own encoder, as the browser runs it. */
const { encodeReply } = require("next/dist/compiled/react-server-dom-webpack/client.node.js") as { encodeReply: (args: unknown[]) => Promise<string | FormData> };

const form = () => {
  const data = new FormData();
  data.append("campaignId", "12");
  return data;
};
const fieldZero = async (args: unknown[]) => {
  const body = await encodeReply(args);
  return body instanceof FormData ? body.get("0") : null;
};

describe("isFormActionArguments", () => {
  it("accepts what React's client sends for our forms: (form) and (previous state, form)", async () => {
    expect(isFormActionArguments(await fieldZero([form()]))).toBe(true);
    expect(isFormActionArguments(await fieldZero([{ ok: false, message: "Déjà envoyé", values: { name: "Léa" } }, form()]))).toBe(true);
  });

  it("refuses arguments without a form at the end, or too many", async () => {
    for (const args of [[{ ok: false }, "pas un formulaire", form()].slice(0, 2), [form(), { ok: false }], [{ ok: false }, form(), form()]]) {
      expect(isFormActionArguments(await fieldZero(args))).toBe(false);
    }
  });

  it("refuses anything that is not a JSON array ending with a form reference", () => {
    for (const value of [null, "", "[", "{}", "[]", '["$K1",', '[{"ok":false},"$Kz"]', '"$K1"', "[1,2,3]"]) expect(isFormActionArguments(value)).toBe(false);
    expect(isFormActionArguments(new File(['["$K1"]'], "0"))).toBe(false);
  });

  it("never throws, whatever the field holds", () => {
    fc.assert(fc.property(fc.oneof(fc.string(), fc.json(), fc.constant(null)), (value) => typeof isFormActionArguments(value) === "boolean"), { seed: 12, numRuns: 500 });
  });
});
