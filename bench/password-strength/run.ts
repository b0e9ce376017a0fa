/**
 * Worst-case cost of the password estimator on hostile sign-up passwords (docs/security.md, « Mots de passe »).
 * Families of inputs known to be expensive for zxcvbn (random printable, l33t-heavy, keyboard and alphabet runs,
 * repeated dates) at every length up to the 128-character cap, several seeds; prints the median and the maximum
 * per family, and the same for ordinary passwords as the baseline.
 * Run: npx tsx bench/password-strength/run.ts [--seeds 5]
 */
import { passwordProblem } from "@/lib/auth/password-strength";

function mulberry32(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const seedsArg = process.argv.indexOf("--seeds");
const seeds = seedsArg > 0 ? Number(process.argv[seedsArg + 1]) : 5;
const lengths = [16, 32, 64, 96, 128];
const families: Record<string, (n: number, random: () => number) => string> = {
  "aléatoire imprimable": (n, r) => Array.from({ length: n }, () => String.fromCharCode(33 + Math.floor(r() * 94))).join(""),
  "l33t répété": (n, r) => Array.from({ length: n }, () => "p@$sw0rd4!3"[Math.floor(r() * 11)]).join(""),
  "suites clavier et alphabet": (n) => "azertyuiopqsdfghjklmwxcvbn0123456789abcdefghijklmnopqrstuvwxyz".repeat(3).slice(0, n),
  "dates répétées": (n) => "01/02/2003-".repeat(12).slice(0, n),
};
const ordinary = ["Girafe-Bleue-42", "Nuage7Tortue", "Azerty123", "un chat dort sur le toit", "Doudou2012!"];

passwordProblem("échauffement-1A"); // builds the dictionaries once, as the first request of a process does
const stats = (ms: number[]) => {
  const sorted = [...ms].sort((a, b) => a - b);
  return `médiane ${sorted[Math.floor(sorted.length / 2)].toFixed(1)} ms, max ${sorted[sorted.length - 1].toFixed(1)} ms`;
};
const time = (password: string) => {
  const start = performance.now();
  passwordProblem(password, ["Ada", "Lovelace", "ada.lovelace@example.org"]);
  return performance.now() - start;
};
console.log(`Estimation des mots de passe — ${seeds} graines, longueurs ${lengths.join(", ")}`);
console.log(`référence (mots de passe ordinaires) : ${stats(ordinary.flatMap((p) => Array.from({ length: seeds }, () => time(p))))}`);
for (const [name, make] of Object.entries(families)) {
  const ms: number[] = [];
  for (let seed = 1; seed <= seeds; seed++) for (const n of lengths) ms.push(time(make(n, mulberry32(seed * 7919 + n))));
  console.log(`${name} : ${stats(ms)}`);
}
