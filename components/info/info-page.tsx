/** Typography of the footer's pages (legal notice, accessibility, personal data, help): one article, readable on a phone. */
export function InfoArticle({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <article className="mx-auto max-w-3xl space-y-4 rounded-2xl bg-white p-6 leading-relaxed shadow-sm sm:p-8 [&_h2]:mt-6 [&_h2]:text-lg [&_h2]:font-bold [&_h3]:mt-4 [&_h3]:font-semibold [&_ul]:list-disc [&_ul]:space-y-1 [&_ul]:pl-6 [&_a]:text-brand-700 [&_a]:underline">
      <h1 className="text-2xl font-bold">{title}</h1>
      {children}
    </article>
  );
}

/** A value the administrator of the instance has to set: shown as missing rather than invented. */
export function SiteValue({ value, missing }: { value: string | null; missing: string }) {
  return value ? <>{value}</> : <em className="text-slate-700">{missing}</em>;
}
