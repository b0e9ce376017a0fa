import type { ClassSheetPupil } from "@/lib/db/queries/class-sheet";
import { classSheetLoginLabel } from "@/lib/domain/roster/class-sheet-login";

/** Per pupil, what they sign in with: a username in a fixed-width font (l, 1 and I differ), words otherwise. */
export function ClassSheetTable({ division, pupils }: { division: string; pupils: { total: number; rows: ClassSheetPupil[] } }) {
  if (pupils.total === 0) return <p className="text-slate-700">Aucun élève actif dans la classe {division}.</p>;
  return (
    <section aria-labelledby="sheet-pupils" className="space-y-2">
      <h2 id="sheet-pupils" className="text-lg font-bold">
        Vos identifiants de connexion ({pupils.total} élève{pupils.total > 1 ? "s" : ""})
      </h2>
      <div className="overflow-x-auto">
        <table className="w-full border-collapse text-left" data-testid="sheet-pupils">
          <thead>
            <tr className="border-b-2 border-slate-400">
              <th scope="col" className="px-2 py-2">Nom</th>
              <th scope="col" className="px-2 py-2">Prénom</th>
              <th scope="col" className="px-2 py-2">Pour se connecter</th>
            </tr>
          </thead>
          <tbody>
            {pupils.rows.map((pupil) => (
              <tr key={pupil.learnerId} className="border-b border-slate-200">
                <th scope="row" className="px-2 py-2 font-semibold">{pupil.lastName}</th>
                <td className="px-2 py-2">{pupil.firstName}</td>
                <td className="px-2 py-2">
                  {pupil.login.kind === "USERNAME" ? (
                    <span className="font-mono text-lg [overflow-wrap:anywhere]">{pupil.login.username}</span>
                  ) : (
                    <span className="text-slate-700">{classSheetLoginLabel(pupil.login)}</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {pupils.total > pupils.rows.length && (
        <p className="text-slate-700">… et {pupils.total - pupils.rows.length} autres élèves : la fiche en montre {pupils.rows.length} au plus.</p>
      )}
    </section>
  );
}
