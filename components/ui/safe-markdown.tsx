import Markdown, { type Components } from "react-markdown";
import remarkGfm from "remark-gfm";
import { remarkFrenchTypography } from "@/lib/domain/typography/remark-french-typography";

const ALLOWED = ["p", "strong", "em", "ul", "ol", "li", "a", "br", "code", "pre", "blockquote", "h2", "h3", "h4", "table", "thead", "tbody", "tr", "th", "td"];

/**
 * Markdown written by teachers or content authors, rendered safely: raw HTML is dropped, only a small set
 * of elements is kept, links open in a new tab without access to this page, and only http(s)/mailto links work.
 * GFM tables render as tables with a header row; French typography is applied to the text (never to code);
 * code blocks (pseudo-code of the programming items) keep their indentation in a monospace font.
 */
export function SafeMarkdown({ children, className }: { children: string; className?: string }) {
  return <div className={className ?? "prose-content space-y-3"}>{markdownTree(children)}</div>;
}

/**
 * The parsed text, kept by its text: a question's instruction is parsed once, not at every answer (parsing was about
 * 0.8 ms of the answer path's CPU, bench/answer-load profile of 06/12). React elements are immutable descriptions, so
 * one tree serves every render. Bounded (oldest first): teachers' texts vary, the learning content does not.
 */
const TREES_LIMIT = 5_000;
const trees = new Map<string, React.ReactElement>();

function markdownTree(text: string): React.ReactElement {
  const known = trees.get(text);
  if (known) return known;
  const tree = parse(text);
  if (trees.size >= TREES_LIMIT) trees.delete(trees.keys().next().value!);
  trees.set(text, tree);
  return tree;
}

function parse(text: string): React.ReactElement {
  return Markdown({ children: text, skipHtml: true, remarkPlugins: PLUGINS, allowedElements: ALLOWED, unwrapDisallowed: true, urlTransform, components: COMPONENTS });
}

const PLUGINS = [remarkGfm, remarkFrenchTypography];

const urlTransform = (url: string) => (/^(https?:|mailto:|\/)/i.test(url) ? url : "");

const COMPONENTS: Components = {
  a: ({ href, children: text }) => (
    <a href={href} target="_blank" rel="noopener noreferrer nofollow" className="text-brand-700 underline">
      {text}
      <span className="sr-only"> (nouvelle fenêtre)</span>
    </a>
  ),
  ul: ({ children: items }) => <ul className="list-disc space-y-1 pl-6">{items}</ul>,
  ol: ({ children: items }) => <ol className="list-decimal space-y-1 pl-6">{items}</ol>,
  code: ({ children: code, className: language }) =>
    language || String(code).includes("\n") ? (
      <code className="font-mono">{code}</code>
    ) : (
      <code className="rounded bg-slate-100 px-1 font-mono text-[0.95em]">{code}</code>
    ),
  pre: ({ children: code }) => <pre className="overflow-x-auto whitespace-pre rounded-lg border border-slate-200 bg-slate-50 p-3 font-mono text-sm leading-relaxed [tab-size:4]">{code}</pre>,
  table: ({ children: rows }) => (
    <div className="overflow-x-auto">
      <table className="min-w-full border-collapse text-left text-sm">{rows}</table>
    </div>
  ),
  thead: ({ children: rows }) => <thead className="bg-slate-100">{rows}</thead>,
  th: ({ children: cell }) => <th scope="col" className="border border-slate-300 px-3 py-2 font-semibold">{cell}</th>,
  td: ({ children: cell }) => <td className="border border-slate-300 px-3 py-2 align-top">{cell}</td>,
};
