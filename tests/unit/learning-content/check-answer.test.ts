import { describe, expect, it } from "vitest";
import { isAnswerCorrect } from "@/lib/domain/learning-content/check-answer";
import { choices, fields, qcm, qcu, qroc, qrocmDep, qrocmInd } from "../../support/challenge-builders";

describe("isAnswerCorrect", () => {
  it("QCU accepts the single right proposal only", () => {
    expect(isAnswerCorrect(qcu(), choices(2))).toBe(true);
    expect(isAnswerCorrect(qcu(), choices(1))).toBe(false);
    expect(isAnswerCorrect(qcu(), choices(2, 3))).toBe(false);
    expect(isAnswerCorrect(qcu(), choices())).toBe(false);
  });

  it("QCM compares the chosen proposals as a set", () => {
    expect(isAnswerCorrect(qcm(), choices(3, 1))).toBe(true);
    expect(isAnswerCorrect(qcm(), choices(1))).toBe(false);
    expect(isAnswerCorrect(qcm(), choices(1, 3, 4))).toBe(false);
    expect(isAnswerCorrect(qcm(), choices(1, 1))).toBe(false);
  });

  it("QROC applies t1 (case, accents, spaces), t2 (punctuation) and t3 (small typos)", () => {
    expect(isAnswerCorrect(qroc(), fields({ reponse: "  Moteur de Recherche " }))).toBe(true);
    expect(isAnswerCorrect(qroc(), fields({ reponse: "moteur-de-recherche !" }))).toBe(true);
    expect(isAnswerCorrect(qroc(), fields({ reponse: "moteur de recherhe" }))).toBe(true);
    expect(isAnswerCorrect(qroc(), fields({ reponse: "navigateur" }))).toBe(false);
    expect(isAnswerCorrect(qroc(), fields({ reponse: "" }))).toBe(false);
  });

  it("QROC without t3 refuses a near miss", () => {
    const strict = qroc({ solutions: ["https"], tolerances: ["t1"] });
    expect(isAnswerCorrect(strict, fields({ reponse: "HTTPS" }))).toBe(true);
    expect(isAnswerCorrect(strict, fields({ reponse: "http" }))).toBe(false);
  });

  it("QROC with accents kept strict when t1 is off", () => {
    const exact = qroc({ solutions: ["Été"], tolerances: [] });
    expect(isAnswerCorrect(exact, fields({ reponse: "Été" }))).toBe(true);
    expect(isAnswerCorrect(exact, fields({ reponse: "ete" }))).toBe(false);
  });

  it("numeric answers are compared as numbers", () => {
    const numeric = qroc({ solutions: ["3.5"], format: "nombre" });
    expect(isAnswerCorrect(numeric, fields({ reponse: "3,5" }))).toBe(true);
    expect(isAnswerCorrect(numeric, fields({ reponse: "3,50" }))).toBe(true);
    expect(isAnswerCorrect(numeric, fields({ reponse: "35" }))).toBe(false);
    expect(isAnswerCorrect(numeric, fields({ reponse: "trois" }))).toBe(false);
    const thousands = qroc({ solutions: ["1024"], format: "nombre" });
    expect(isAnswerCorrect(thousands, fields({ reponse: "1 024" }))).toBe(true);
  });

  it("QROCM-ind needs every field right", () => {
    expect(isAnswerCorrect(qrocmInd(), fields({ ville: "paris", nombre: "12" }))).toBe(true);
    expect(isAnswerCorrect(qrocmInd(), fields({ ville: "paris", nombre: "13" }))).toBe(false);
    expect(isAnswerCorrect(qrocmInd(), fields({ ville: "paris" }))).toBe(false);
  });

  it("QROCM-dep matches fields to distinct groups of solutions", () => {
    expect(isAnswerCorrect(qrocmDep(), fields({ format1: "JPEG", format2: "png" }))).toBe(true);
    expect(isAnswerCorrect(qrocmDep(), fields({ format1: "gif", format2: "jpg" }))).toBe(true);
    expect(isAnswerCorrect(qrocmDep(), fields({ format1: "jpg", format2: "jpeg" }))).toBe(false);
    expect(isAnswerCorrect(qrocmDep(), fields({ format1: "png", format2: "png" }))).toBe(false);
    expect(isAnswerCorrect(qrocmDep(), fields({ format1: "png", format2: "bmp" }))).toBe(false);
  });

  it("a choice answer never validates a text challenge and vice versa", () => {
    expect(isAnswerCorrect(qroc(), choices(1))).toBe(false);
    expect(isAnswerCorrect(qcu(), fields({ reponse: "2" }))).toBe(false);
  });
});
