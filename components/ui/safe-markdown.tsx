import Markdown from "react-markdown";

const ALLOWED = ["p", "strong", "em", "ul", "ol", "li", "a", "br", "code", "pre", "blockquote", "h2", "h3", "h4"];

/**
 * Markdown written by teachers or content authors, rendered safely: raw HTML is dropped, only a small set
 * of elements is kept, links open in a new tab without access to this page, and only http(s)/mailto links work.
 */
export function SafeMarkdown({ children, className }: { children: string; className?: string }) {
  return (
    <div className={className ?? "prose-content space-y-3"}>
      <Markdown
        skipHtml
        allowedElements={ALLOWED}
        unwrapDisallowed
        urlTransform={(url) => (/^(https?:|mailto:|\/)/i.test(url) ? url : "")}
        components={{
          a: ({ href, children: text }) => (
            <a href={href} target="_blank" rel="noopener noreferrer nofollow" className="text-brand-700 underline">
              {text}
              <span className="sr-only"> (nouvelle fenêtre)</span>
            </a>
          ),
          ul: ({ children: items }) => <ul className="list-disc space-y-1 pl-6">{items}</ul>,
          ol: ({ children: items }) => <ol className="list-decimal space-y-1 pl-6">{items}</ol>,
          code: ({ children: code }) => <code className="rounded bg-slate-100 px-1 font-mono text-[0.95em]">{code}</code>,
          pre: ({ children: code }) => <pre className="overflow-x-auto rounded-lg bg-slate-100 p-3 font-mono text-sm">{code}</pre>,
        }}
      >
        {children}
      </Markdown>
    </div>
  );
}
