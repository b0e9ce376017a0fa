import { frenchTypography } from "./french-typography";

type MarkdownNode = { type: string; value?: string; children?: MarkdownNode[] };

/**
 * Remark plugin: French typography on the text of a markdown document. Only `text` nodes are changed:
 * inline code, code blocks, link URLs and raw HTML are other node types and keep every character.
 */
export function remarkFrenchTypography() {
  return (tree: MarkdownNode) => {
    const walk = (node: MarkdownNode) => {
      if (node.type === "text" && typeof node.value === "string") node.value = frenchTypography(node.value);
      for (const child of node.children ?? []) walk(child);
    };
    walk(tree);
  };
}
