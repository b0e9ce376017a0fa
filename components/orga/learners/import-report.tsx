import type { ImportReport } from "@/lib/use-cases/roster/import-learners";
import { TableScroll } from "@/components/ui/table-scroll";

const plural = (count: number, singular: string, pluralForm = `${singular}s`) => `${count} ${count > 1 ? pluralForm : singular}`;

/** The result of an import: counts, or why the file was refused, and every pupil of the file not imported. */
export function ImportReportView({ report }: { report: ImportReport }) {
  return (
    <div className="space-y-3">
      {report.status === "IMPORTED" ? (
        <div className="rounded-lg bg-green-50 p-4 text-green-900">
          <p className="font-semibold">Import du fichier « {report.fileName} » terminé.</p>
          <ul className="mt-2 list-disc pl-6">
            <li>{plural(report.created, "élève créé", "élèves créés")}</li>
            <li>
              {plural(report.updated, "élève mis à jour", "élèves mis à jour")}
              {report.reactivated > 0 && ` (dont ${plural(report.reactivated, "réactivé", "réactivés")})`}
            </li>
            <li>{plural(report.disabled, "élève désactivé", "élèves désactivés")} (absents du fichier)</li>
          </ul>
        </div>
      ) : (
        <div className="rounded-lg bg-red-50 p-4 text-red-900">
          <p className="font-semibold">Le fichier « {report.fileName} » a été refusé : aucun élève n&apos;a été modifié.</p>
          <p className="mt-1">{report.message}</p>
        </div>
      )}
      {report.rejections.length > 0 && (
        <TableScroll label="Élèves du fichier non importés" className="rounded-lg border border-slate-200">
          <table className="w-full text-left text-sm">
            <caption className="bg-slate-50 px-3 py-2 text-left font-semibold">{plural(report.rejections.length, "élève du fichier non importé", "élèves du fichier non importés")}</caption>
            <thead className="border-b border-slate-200 text-slate-700">
              <tr>
                <th scope="col" className="px-3 py-2">Ligne</th>
                <th scope="col" className="px-3 py-2">Élève</th>
                <th scope="col" className="px-3 py-2">INE</th>
                <th scope="col" className="px-3 py-2">Raison</th>
              </tr>
            </thead>
            <tbody>
              {report.rejections.map((rejection, index) => (
                <tr key={`${rejection.line ?? ""}-${rejection.eleveId ?? ""}-${index}`} className="border-b border-slate-100 last:border-0">
                  <td className="px-3 py-2">{rejection.line ?? "—"}</td>
                  <td className="px-3 py-2">{rejection.learnerName ?? "—"}</td>
                  <td className="px-3 py-2 font-mono">{rejection.ine ?? "—"}</td>
                  <td className="px-3 py-2">{rejection.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </div>
  );
}
