import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { SafeMarkdown } from "@/components/ui/safe-markdown";
import { frenchTypography } from "@/lib/domain/typography/french-typography";
import { findTutorialPage } from "@/lib/db/repositories/results-repository";

export const metadata: Metadata = { title: "Tutoriel" };

export default async function TutorialPage({ params }: { params: Promise<{ id: string }> }) {
  const tutorial = await findTutorialPage((await params).id);
  if (!tutorial) notFound();
  const { page } = tutorial;
  return (
    <article className="mx-auto max-w-2xl space-y-5 rounded-2xl bg-white p-6 shadow-sm sm:p-8">
      <h1 className="text-2xl font-bold">{frenchTypography(tutorial.title)}</h1>
      <p className="text-sm text-slate-600">{tutorial.source} · {tutorial.durationMinutes} min de lecture</p>
      <section aria-labelledby="learn" className="rounded-lg bg-brand-50 p-4">
        <h2 id="learn" className="font-bold">Ce que vous allez apprendre</h2>
        <p>{frenchTypography(page.learn)}</p>
      </section>
      <SafeMarkdown>{page.body}</SafeMarkdown>
      <section aria-labelledby="remember" className="rounded-lg border-l-4 border-brand-600 bg-slate-50 p-4">
        <h2 id="remember" className="font-bold">À retenir</h2>
        <SafeMarkdown>{page.remember}</SafeMarkdown>
      </section>
    </article>
  );
}
