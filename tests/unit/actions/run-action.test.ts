import { afterEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { MALFORMED_FORM_MESSAGE, runAction } from "@/lib/actions/run-action";
import { DomainError } from "@/lib/domain/shared/errors";

afterEach(() => vi.restoreAllMocks());

describe("runAction", () => {
  it("answers a hidden field that does not parse (a handcrafted request) in French, without logging an incident", async () => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    const state = await runAction(async () => {
      z.coerce.number().int().positive().parse("pas-un-identifiant");
      return { ok: true };
    });
    expect(state).toEqual({ ok: false, message: MALFORMED_FORM_MESSAGE });
    expect(logged).not.toHaveBeenCalled();
  });

  it("gives a domain error's French message, on its field when it has one", async () => {
    expect(await runAction(async () => Promise.reject(new DomainError("X", "Nom trop long.", "name")))).toEqual({ ok: false, message: "Nom trop long.", fieldErrors: { name: "Nom trop long." } });
  });

  it("comes with French messages for the checks of a schema that gives none (zod's defaults are English)", () => {
    expect(z.string().safeParse(undefined).error?.issues[0].message).toBe("Ce champ est obligatoire.");
    expect(z.enum(["ADMIN", "MEMBER"]).safeParse("OWNER").error?.issues[0].message).toBe("Choisissez une des valeurs proposées.");
    expect(z.string().max(5).safeParse("abcdefgh").error?.issues[0].message).toBe("Ce champ ne doit pas dépasser 5 caractères.");
  });

  it("logs anything unexpected and replaces it by a generic French message", async () => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    const state = await runAction(async () => Promise.reject(new TypeError("boom")));
    expect(state.message).toBe("Une erreur inattendue est survenue. Réessayez dans un instant.");
    expect(logged).toHaveBeenCalledOnce();
  });
});
