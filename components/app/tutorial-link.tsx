import { frenchTypography } from "@/lib/domain/typography/french-typography";

type Tutorial = { id: string; title: string; source: string; format: string; durationMinutes: number; link: string | null };

/** A tutorial: title with link, source, format and duration. */
export function TutorialLink({ tutorial }: { tutorial: Tutorial }) {
  const href = tutorial.link ?? `/tutoriels/${tutorial.id}`;
  const external = Boolean(tutorial.link);
  return (
    <span>
      <a href={href} className="font-semibold text-brand-700 underline" {...(external ? { target: "_blank", rel: "noopener noreferrer" } : {})}>
        {frenchTypography(tutorial.title)}
        {external && <span className="sr-only"> (nouvelle fenêtre)</span>}
      </a>{" "}
      <span className="text-sm text-slate-600">
        — Par {tutorial.source} · {tutorial.format} · {tutorial.durationMinutes} min
      </span>
    </span>
  );
}
