"use client";

import { useState } from "react";

/**
 * Field errors of the last submission, each hidden as soon as its field is edited: a corrected field no longer says it
 * is wrong while the teacher fills the others. Put `onEdit` on the form's onChange (every field's change bubbles there).
 * Nothing changes without JavaScript: the server's answer to the next submission is what counts.
 */
export function useLiveFieldErrors(fieldErrors: Record<string, string> | undefined) {
  const [edited, setEdited] = useState<{ source: typeof fieldErrors; names: ReadonlySet<string> }>({ source: fieldErrors, names: new Set() });
  // A new answer from the server brings its own errors: what was edited before no longer matters.
  const names = edited.source === fieldErrors ? edited.names : new Set<string>();
  const errors = Object.fromEntries(Object.entries(fieldErrors ?? {}).filter(([name]) => !names.has(name)));
  const onEdit = (event: React.FormEvent<HTMLFormElement>) => {
    const name = (event.target as HTMLInputElement).name;
    if (!name || !fieldErrors?.[name] || names.has(name)) return;
    setEdited({ source: fieldErrors, names: new Set([...names, name]) });
  };
  return { errors, onEdit, hasErrorsLeft: Object.keys(errors).length > 0 };
}
