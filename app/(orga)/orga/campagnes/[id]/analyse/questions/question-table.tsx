import Link from "next/link";
import { SafeMarkdown } from "@/components/ui/safe-markdown";
import { TableScroll } from "@/components/ui/table-scroll";
import type { QuestionRow, QuestionSort } from "@/lib/domain/analysis/question-view";
import { frenchTypography } from "@/lib/domain/typography/french-typography";

/** One table of questions: text (answer and correction behind a disclosure), level, pupils who met it, success. */
export function QuestionTable({ caption, questions, sort, sortHref, showSubject = false }: { caption: string; questions: QuestionRow[]; sort: QuestionSort | null; sortHref: string; showSubject?: boolean }) {
  const ariaSort = sort === "reussite-croissante" ? "ascending" : sort === "reussite-decroissante" ? "descending" : undefined;
  return (
    <TableScroll label={caption}>
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="border-b border-slate-200 bg-slate-50 text-slate-700">
          <tr>
            <th scope="col" className="px-4 py-3">Question</th>
            <th scope="col" className="px-4 py-3">Niveau</th>
            <th scope="col" className="px-4 py-3">Élèves l&apos;ayant rencontrée</th>
            <th scope="col" className="px-4 py-3 whitespace-nowrap" aria-sort={ariaSort}>
              <Link href={sortHref} className="text-brand-700 underline">Réussite{sort === "reussite-croissante" ? " ↑" : sort === "reussite-decroissante" ? " ↓" : ""}</Link>
            </th>
          </tr>
        </thead>
        <tbody>
          {questions.map((q) => (
            <tr key={q.challengeId} className="border-b border-slate-100 align-top last:border-0" data-testid="question-row">
              <td className="max-w-xl px-4 py-3">
                {showSubject && <p className="text-xs font-semibold text-slate-600">{q.tubeTitle} — {q.competence}</p>}
                <SafeMarkdown className="space-y-2 text-slate-900">{q.instruction}</SafeMarkdown>
                <details className="mt-2">
                  <summary className="cursor-pointer font-medium text-brand-700">Réponse et correction</summary>
                  {q.proposals ? (
                    <ol className="mt-2 list-decimal space-y-1 pl-6">
                      {q.proposals.map((p, i) => (
                        <li key={i} className={p.isKey ? "font-semibold text-green-900" : undefined}>
                          {frenchTypography(p.text)}{p.isKey && <> <span className="rounded bg-green-100 px-1.5 text-xs">bonne réponse</span></>}
                        </li>
                      ))}
                    </ol>
                  ) : (
                    <p className="mt-2"><span className="font-semibold">Réponse attendue&#8239;:</span> {frenchTypography((q.expected ?? []).join(" ; "))}</p>
                  )}
                  <p className="mt-2 text-slate-700"><span className="font-semibold">Correction&#8239;:</span> {frenchTypography(q.correction)}</p>
                </details>
              </td>
              <td className="px-4 py-3">{q.level}</td>
              <td className="px-4 py-3">{q.met}</td>
              <td className="px-4 py-3 font-semibold whitespace-nowrap">{q.successPercent} %<span className="sr-only"> ({q.successes} sur {q.met})</span></td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
