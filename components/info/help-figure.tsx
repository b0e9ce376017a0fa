/**
 * A screenshot of the demo (public/aide/, made by `npm run aide:captures`). Plain <img>: the files are already sized
 * and compressed by the script, and the page stays free of image-optimiser requests.
 */
export function HelpFigure({ src, alt, caption, width, height }: { src: string; alt: string; caption: string; width: number; height: number }) {
  return (
    <figure className="my-3">
      {/* eslint-disable-next-line @next/next/no-img-element */}
      <img src={src} alt={alt} width={width} height={height} loading="lazy" className="h-auto max-w-full rounded-lg border border-slate-200 shadow-sm" />
      <figcaption className="mt-1 text-sm text-slate-700">{caption}</figcaption>
    </figure>
  );
}
