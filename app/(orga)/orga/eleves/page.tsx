import type { Metadata } from "next";
import Link from "next/link";
import { Pagination } from "@/components/ui/pagination";
import { notFound } from "next/navigation";
import { ImportForm } from "@/components/orga/learners/import-form";
import { LearnerFilters, learnersHref, type LearnersQuery } from "@/components/orga/learners/learner-filters";
import { LearnersTable } from "@/components/orga/learners/learners-table";
import { MissingLearnersHelp } from "@/components/orga/learners/missing-learners-help";
import { SELECTION_FORM_ID, SelectionActions } from "@/components/orga/learners/selection-actions";
import { requireOrgaPermission } from "@/lib/auth/orga-actor";
import { LEARNERS_PER_PAGE, listDivisions, listLearners, rosterHelpFigures } from "@/lib/db/queries/learners";
import { roleCan } from "@/lib/domain/authorization/permissions";
import { pageNumber } from "@/lib/domain/shared/page-number";

export const metadata: Metadata = { title: "Élèves" };

type Search = { classe?: string; recherche?: string; page?: string; suppression?: string };

/** The pupils tab of an establishment that manages its pupils: SIECLE import, list, accounts, help. */
export default async function LearnersPage({ searchParams }: { searchParams: Promise<Search> }) {
  const actor = await requireOrgaPermission("learners:read");
  if (!actor.membership.isManagingStudents) notFound();
  const search = await searchParams;
  const query: LearnersQuery = {
    classe: (search.classe ?? "").slice(0, 50),
    recherche: (search.recherche ?? "").slice(0, 100),
    page: pageNumber(search.page),
  };
  const establishmentId = actor.establishmentId;
  const [list, divisions, figures] = await Promise.all([
    listLearners({ establishmentId, division: query.classe || null, search: query.recherche, page: query.page }),
    listDivisions(establishmentId),
    rosterHelpFigures(establishmentId),
  ]);
  const canImport = roleCan(actor.role, "learners:import");
  const canManage = roleCan(actor.role, "learners:manage-accounts");
  const permissions = { establishmentId, canManage, canUnlink: roleCan(actor.role, "learners:unlink"), canDelete: roleCan(actor.role, "learners:delete") };
  const pages = Math.max(1, Math.ceil(list.total / LEARNERS_PER_PAGE));
  return (
    <div className="space-y-8">
      <div>
        <h1 className="text-2xl font-bold">Élèves</h1>
        <p className="mt-1 text-slate-700">
          {figures.activeCount} élève{figures.activeCount > 1 ? "s" : ""} — {actor.membership.establishmentName}
        </p>
      </div>
      {canImport ? (
        <section aria-labelledby="import-title" className="space-y-3 rounded-xl bg-white p-6 shadow-sm">
          <h2 id="import-title" className="text-xl font-bold">Importer la liste des élèves</h2>
          <p className="text-slate-700">Les élèves sont mis à jour par leur INE ; ceux qui ne sont plus dans le fichier sont désactivés (leurs résultats sont conservés).</p>
          <ImportForm />
        </section>
      ) : (
        <p className="rounded-xl bg-white p-4 text-slate-800 shadow-sm">La liste des élèves est importée depuis SIECLE par les administrateurs de l&apos;établissement.</p>
      )}
      <MissingLearnersHelp figures={figures} canImport={canImport} />
      <section aria-labelledby="list-title" className="space-y-4">
        <h2 id="list-title" className="text-xl font-bold">Liste des élèves</h2>
        {search.suppression === "faite" && (
          <p role="status" className="rounded-lg bg-green-50 p-3 font-medium text-green-900">L&apos;élève a été supprimé de la liste.</p>
        )}
        <LearnerFilters divisions={divisions} query={query} />
        {list.rows.length === 0 ? (
          <p className="rounded-xl bg-white p-8 text-center text-lg font-semibold shadow-sm">
            {query.classe || query.recherche ? "Aucun élève ne correspond à votre recherche." : "Aucun élève pour l'instant."}
          </p>
        ) : (
          <>
            {canManage && (
              <>
                <form id={SELECTION_FORM_ID} />
                <SelectionActions />
              </>
            )}
            <LearnersTable rows={list.rows} total={list.total} permissions={permissions} />
          </>
        )}
        <Pagination page={query.page} pages={pages} total={`${list.total} élèves`} hrefOf={(n) => learnersHref(query, { page: n })} />
      </section>
    </div>
  );
}
